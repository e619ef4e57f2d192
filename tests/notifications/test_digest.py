"""The weekly digest (issue 14): who gets it, what it holds, once per week and person.

The clock is set by the test; the digest of a week is made by ``digest_send`` as the beat's
batch task does. ``test_digest_beats.py`` runs it with real beat processes.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from meetings.models import Invitation, Meeting, MeetingKind
from notifications.digest import (
    digest_due,
    digest_recipient_ids,
    digest_send,
    week_key,
)
from notifications.models import NotificationSettings, OutgoingMail
from providers.models import OrganisationMember

from .factories import MeetingFactory, NetworkFactory, UserFactory, add_member_organisation

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
# Monday morning of the week the tests look at, and the Monday before.
MONDAY = datetime(2027, 3, 8, 7, 30, tzinfo=BERLIN)
LAST_MONDAY = MONDAY - timedelta(days=7)


def _published(network, title, *, published_at, start=None, **fields):
    fields.setdefault("status", Meeting.Status.PUBLISHED)
    return MeetingFactory(
        network=network,
        title=title,
        published_at=published_at,
        start=start or MONDAY + timedelta(days=10),
        end=(start or MONDAY + timedelta(days=10)) + timedelta(hours=2),
        **fields,
    )


def _send(user, until=MONDAY, django_capture_on_commit_callbacks=None):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        queued = digest_send(user=user, week=week_key(until), until=until)
    return queued, list(mail.outbox)


@pytest.fixture
def world():
    network = NetworkFactory(name="Frühe Hilfen Viersen")
    other = NetworkFactory(name="AG 78 Vogelsbergkreis")
    _, (rep,) = add_member_organisation(network)
    _, (stranger,) = add_member_organisation(other)
    return network, other, rep, stranger


def test_the_digest_holds_exactly_what_is_new_since_the_last_one_and_visible(
    world, django_capture_on_commit_callbacks
):
    network, other, rep, _stranger = world
    NotificationSettings.objects.create(user=rep, digest_covered_until=LAST_MONDAY)
    during = LAST_MONDAY + timedelta(days=2)
    _published(network, "Netzwerktreffen im Frühjahr", published_at=during)
    _published(network, "Schon im letzten Digest", published_at=LAST_MONDAY - timedelta(days=1))
    _published(
        network,
        "Schon vorbei",
        published_at=during,
        start=during + timedelta(days=1),
    )
    _published(network, "Entwurf", published_at=None, status=Meeting.Status.DRAFT)
    _published(other, "Treffen eines anderen Netzwerks", published_at=during)
    case = _published(
        network, "Fallkonferenz Familie K.", published_at=during, kind=MeetingKind.CASE_CONFERENCE
    )
    assert not Invitation.objects.filter(meeting=case, user=rep).exists()

    queued, sent = _send(rep, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)

    assert queued == 1
    (digest,) = sent
    assert digest.to == [rep.email]
    body = digest.body
    assert "Netzwerktreffen im Frühjahr" in body
    for absent in (
        "Schon im letzten Digest",
        "Schon vorbei",
        "Entwurf",
        "Treffen eines anderen Netzwerks",
        "Fallkonferenz",
    ):
        assert absent not in body, absent
    assert digest.subject == "Neues aus Ihren Netzwerken in dieser Woche"
    assert "List-Unsubscribe" in digest.extra_headers


def test_an_invitee_of_a_case_conference_finds_it_in_their_digest(
    world, django_capture_on_commit_callbacks
):
    network, _other, rep, _stranger = world
    case = _published(
        network,
        "Fallkonferenz Familie K.",
        published_at=MONDAY - timedelta(days=1),
        kind=MeetingKind.CASE_CONFERENCE,
    )
    Invitation.objects.create(meeting=case, user=rep)

    _queued, (digest,) = _send(
        rep, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks
    )

    assert "Fallkonferenz Familie K." in digest.body


def test_once_per_week_and_nothing_when_nothing_is_new(world, django_capture_on_commit_callbacks):
    network, _other, rep, _stranger = world
    _published(network, "Netzwerktreffen im Frühjahr", published_at=MONDAY - timedelta(days=1))

    assert _send(rep, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)[0] == 1
    # The scheduler ticks again the same week, later: no second digest.
    later = MONDAY + timedelta(hours=5)
    assert _send(rep, later, django_capture_on_commit_callbacks)[0] == 0
    # The next week: nothing new, no mail, but the period moves on.
    next_monday = MONDAY + timedelta(days=7)
    assert _send(rep, next_monday, django_capture_on_commit_callbacks) == (0, [])
    assert NotificationSettings.objects.get(user=rep).digest_covered_until == next_monday
    # The week after: only what is new since then.
    _published(
        network,
        "Sommertreffen",
        published_at=next_monday + timedelta(days=1),
        start=next_monday + timedelta(days=30),
    )
    third_monday = next_monday + timedelta(days=7)
    _queued, (digest,) = _send(rep, third_monday, django_capture_on_commit_callbacks)
    assert "Sommertreffen" in digest.body
    assert "Netzwerktreffen im Frühjahr" not in digest.body
    assert OutgoingMail.objects.filter(recipient=rep, kind="weekly-digest").count() == 2


def test_on_by_default_for_representatives_off_for_others(world):
    network, _other, rep, stranger = world
    colleague = UserFactory(name="Cara Kollegin")
    OrganisationMember.objects.create(
        organisation=rep.organisation_memberships.get().organisation, user=colleague
    )
    keen = UserFactory(name="Kai Interessiert")
    NotificationSettings.objects.create(user=keen, weekly_digest=True)
    NotificationSettings.objects.create(user=stranger, weekly_digest=False)

    recipients = set(digest_recipient_ids())

    assert rep.pk in recipients
    assert keen.pk in recipients
    assert colleague.pk not in recipients
    assert stranger.pk not in recipients


def test_the_settings_page_shows_the_default_and_switches_it(world, client):
    _network, _other, rep, _stranger = world
    client.force_login(rep)
    page = client.get("/notifications/settings/")
    assert page.context["form"]["weekly_digest"].value() is True

    client.post("/notifications/settings/", {"meeting_reminders": "on"})

    assert NotificationSettings.objects.get(user=rep).weekly_digest is False
    assert rep.pk not in digest_recipient_ids()


@pytest.mark.parametrize(
    "moment, due",
    [
        (datetime(2027, 3, 8, 6, 59, tzinfo=BERLIN), False),  # Monday before seven
        (datetime(2027, 3, 8, 7, 0, tzinfo=BERLIN), True),
        (datetime(2027, 3, 10, 12, 0, tzinfo=BERLIN), True),  # Wednesday: beat was down
        (datetime(2027, 3, 14, 23, 59, tzinfo=BERLIN), True),  # Sunday night
    ],
)
def test_the_digest_of_a_week_is_due_from_monday_seven_oclock(moment, due):
    assert digest_due(moment) is due
