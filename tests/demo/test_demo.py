"""The demo data (``load_demo``): idempotent (issue 5), and built through the services like
real use (issue 11): published meetings have their invitations, each with its organisation,
and their invitation mails in the outbox; a case conference invites only its named people;
the past was lived through (published, registered and minuted in time); the printed logins
work."""

import io
import re
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import TestCase

from meetings.models import DatePoll, Invitation, Meeting, MeetingKind, Registration
from network.models import Measure, Membership, Network, Representative
from notifications.models import OutgoingMail
from proposals.models import Proposal
from providers.models import Offer, Organisation, PlanningRegion

pytestmark = pytest.mark.django_db


def _load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == first


def test_demo_has_the_seed_networks_and_every_membership_state():
    call_command("load_demo", stdout=io.StringIO())
    viersen = Network.objects.get(slug="fruehe-hilfen-kreis-viersen")
    assert viersen.legal_form == "Netzwerk" and viersen.cooperating_since == 2016
    assert viersen.population == 299302 and str(viersen.area_km2) == "563.3"
    assert viersen.coordinators.filter(email="koordination@example.org").exists()
    members = set(viersen.memberships.values_list("organisation__name", flat=True))
    assert {"Kreisjugendamt Viersen", "Jugendamt der Stadt Kempen"} <= members
    wesel = Network.objects.get(slug="traegerverbund-kreis-wesel")
    assert wesel.is_open_for_members and "Träger" in wesel.open_for_members_text
    olsberg = Network.objects.get(slug="kinderschutz-olsberg")
    assert olsberg.parent.slug == "kinderschutz-hochsauerlandkreis"
    assert set(Membership.objects.values_list("status", flat=True)) == {
        "applied",
        "active",
        "declined",
        "left",
    }
    kinds = set(olsberg.memberships.values_list("organisation__kind", flat=True))
    assert {"school", "police", "health", "counselling"} <= kinds
    herten = Network.objects.get(slug="kooperation-herten")
    agreement = herten.agreements.get()
    assert agreement.parties.count() == 2 and agreement.has_job_shadowing


class TheLoadedDemo(TestCase):
    """One load for every test of the class (setUpTestData; each test rolls back its own
    changes)."""

    @classmethod
    def setUpTestData(cls):
        cls.output = _load_demo()

    def test_second_run_says_so_and_still_prints_the_logins(self):
        mails = OutgoingMail.objects.count()
        again = _load_demo()
        assert "already loaded; nothing changed" in again
        assert "admin@example.org / demo-portal-2026" in again
        assert OutgoingMail.objects.count() == mails

    def test_a_circular_reached_the_county_network_and_its_town_network(self):
        from circulars.models import Circular

        circular = Circular.objects.get(network__slug="kinderschutz-hochsauerlandkreis")
        assert circular.is_sent and circular.audience == Circular.Audience.WITH_SUBNETWORKS
        mailed = set(
            OutgoingMail.objects.filter(kind="circular").values_list("to_email", flat=True)
        )
        recipients = set(circular.recipients.values_list("user__email", flat=True))
        assert mailed == recipients
        town = set(
            circular.recipients.filter(
                organisation__network_memberships__network__slug="kinderschutz-olsberg"
            ).values_list("user__email", flat=True)
        )
        assert town, "the town network's representatives are reached too"

    def test_published_meetings_invite_their_audience_with_organisations_and_mails(self):
        announced = Meeting.objects.filter(status__in=Meeting.ANNOUNCED).exclude(
            kind=MeetingKind.CASE_CONFERENCE
        )
        assert announced.count() >= 6
        assert Meeting.objects.filter(status=Meeting.Status.HELD).count() >= 3
        for meeting in announced:
            invited = _invitations(meeting)
            assert invited, meeting
            assert all(organisation for _person, organisation in invited), meeting
            # Everyone invited represented a member organisation then (some left since) …
            assert invited <= _representatives(meeting.network, ["active", "left"]), meeting
            # … and every invitation has its mail in the outbox.
            assert _invitation_mails(meeting) == {person for person, _org in invited}, meeting
        for meeting in announced.filter(status=Meeting.Status.PUBLISHED):
            # An upcoming meeting invites exactly today's representatives and deputies.
            assert _invitations(meeting) == _representatives(meeting.network, ["active"])
        assert not Invitation.objects.filter(meeting__status=Meeting.Status.DRAFT).exists()

    def test_case_conference_invites_only_its_named_people(self):
        conference = Meeting.objects.get(kind=MeetingKind.CASE_CONFERENCE)
        assert conference.status == Meeting.Status.PUBLISHED
        assert conference.description == "" and conference.case_reference
        invited = set(conference.invitations.values_list("user__email", flat=True))
        assert invited == {"fallmanagement-herten@example.org", "u25-herten@example.org"}
        representatives = set(
            Representative.objects.filter(membership__network=conference.network).values_list(
                "person__user__email", flat=True
            )
        )
        assert representatives and not representatives & invited
        assert not conference.invitations.filter(organisation__isnull=True).exists()
        mailed = OutgoingMail.objects.filter(key__startswith=f"invitation:{conference.pk}:")
        assert set(mailed.values_list("to_email", flat=True)) == invited

    def test_mails_stay_at_example_org_and_are_few(self):
        assert OutgoingMail.objects.exists()
        assert not OutgoingMail.objects.exclude(to_email__endswith="@example.org").exists()
        assert OutgoingMail.objects.count() <= 150  # a newcomer can still read var/mail/

    def test_the_past_happened_in_order_with_minutes_measures_and_feedback(self):
        held = Meeting.objects.filter(status=Meeting.Status.HELD)
        for meeting in held:
            assert meeting.published_at < meeting.start < meeting.minutes_published_at
            registrations = meeting.registrations.all()
            assert registrations and all(r.created_at < meeting.start for r in registrations)
            assert registrations.filter(attended=True).exists(), meeting
            assert Measure.objects.filter(meeting=meeting).exists(), meeting
        assert held.filter(feedback__isnull=False).distinct().count() >= 2
        left = Membership.objects.get(status=Membership.Status.LEFT)
        assert left.started_at < left.ended_at
        # The counselling centre still belonged to Olsberg when its meeting took place.
        olsberg = held.get(network__slug="kinderschutz-olsberg")
        assert olsberg.invitations.filter(organisation=left.organisation).exists()
        statuses = set(Measure.objects.values_list("status", flat=True))
        assert statuses >= {"open", "in_progress", "done"}

    def test_a_full_meeting_has_a_waiting_list_and_a_poll_has_answers(self):
        full = Meeting.objects.get(
            status=Meeting.Status.PUBLISHED, registrations__status=Registration.Status.WAITING
        )
        seats = full.registrations.filter(status=Registration.Status.REGISTERED).count()
        assert seats == full.capacity
        poll = DatePoll.objects.get(status=DatePoll.Status.OPEN)
        assert poll.slots.count() >= 2
        answered = poll.slots.filter(answers__isnull=False).distinct().count()
        assert answered == poll.slots.count()
        # Everyone asked has a personal link; most answered, the rest will be reminded.
        asked = poll.invitations.count()
        done = poll.invitations.filter(answered_at__isnull=False).count()
        assert 0 < done < asked and poll.closes_at is not None
        assert poll.invitations.exclude(comment="").exists()

    def test_the_ag78_plans_in_regions_and_moves_proposals_to_the_committee(self):
        youth_office = Organisation.objects.get(name="Jugendamt Vogelsbergkreis")
        regions = PlanningRegion.objects.filter(youth_office=youth_office)
        assert regions.filter(kind="planning_region").count() == 3
        assert regions.filter(kind="social_space", parent__isnull=False).count() == 6
        assert Offer.objects.filter(planning_regions__kind="social_space").count() >= 2
        ag78 = Network.objects.get(slug="ag78-vogelsbergkreis")
        assert ag78.coordinators.filter(email="jugendamt-vogelsberg@example.org").exists()
        assert ag78.working_groups.filter(results__isnull=False).exists()
        proposals = Proposal.objects.filter(network=ag78)
        assert proposals.values("stage").distinct().count() >= 3
        decided = proposals.get(stage__kind="accepted")
        assert decided.decision_reference and decided.decision_date < date.today()
        assert proposals.filter(meeting__isnull=False, source_result__isnull=False).exists()
        assert OutgoingMail.objects.filter(kind="proposal-moved").exists()

    def test_printed_logins_log_in(self):
        printed = re.findall(r"^\s+.+: (\S+@\S+) / (\S+)$", self.output, re.M)
        assert ("admin@example.org", "demo-portal-2026") in printed and len(printed) == 3
        for email, password in printed:
            response = self.client.post("/accounts/login/", {"login": email, "password": password})
            assert response.status_code == 302, email
            assert "/accounts/login/" not in response.url, email
            self.client.logout()

    def test_each_seed_network_is_coordinated_by_whom_its_seed_names_with_a_printed_login(self):
        """Seed 000: one of the alliance's providers; Frühe Hilfen and child protection: the
        youth office (the Olsberg network: the town's family office); seed 004: the youth
        office and the job centre."""
        expected = {
            "traegerverbund-kreis-wesel": {"freiraumwohnung GmbH"},
            "ag78-vogelsbergkreis": {"Jugendamt Vogelsbergkreis"},
            "fruehe-hilfen-kreis-viersen": {"Kreisjugendamt Viersen"},
            "kinderschutz-hochsauerlandkreis": {"Kreisjugendamt Hochsauerlandkreis"},
            "kinderschutz-olsberg": {"Familienbüro der Stadt Olsberg"},
            "kooperation-herten": {"Jugendamt der Stadt Herten", "Vestische Arbeit Herten"},
        }
        block = self.output.split("Coordinators of the seed networks", 1)[1]
        for slug, organisations in expected.items():
            network = Network.objects.get(slug=slug)
            coordinators = list(network.coordinators.all())
            employers = {
                member.organisation.name
                for person in coordinators
                for member in person.organisation_memberships.select_related("organisation")
            }
            assert organisations <= employers, (slug, employers)
            line = next(line for line in block.splitlines() if network.name in line)
            for person in coordinators:
                assert person.email in line, (slug, person.email)
                response = self.client.post(
                    "/accounts/login/", {"login": person.email, "password": "demo-portal-2026"}
                )
                assert response.status_code == 302 and "/accounts/login/" not in response.url
                self.client.logout()


def _representatives(network: Network, statuses) -> set[tuple[int, int]]:
    """(person, organisation) of every representative or deputy of the network's members."""
    return set(
        Representative.objects.filter(
            membership__network=network, membership__status__in=statuses
        ).values_list("person__user_id", "membership__organisation_id")
    )


def _invitations(meeting: Meeting) -> set[tuple[int, int | None]]:
    return set(meeting.invitations.values_list("user_id", "organisation_id"))


def _invitation_mails(meeting: Meeting) -> set[int]:
    keys = OutgoingMail.objects.filter(key__startswith=f"invitation:{meeting.pk}:")
    return {int(key.split(":")[2]) for key in keys.values_list("key", flat=True)}
