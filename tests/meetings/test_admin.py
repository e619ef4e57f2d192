"""Django admin for meetings, registrations and date polls.

A site admin (superuser) looks everything up, changes only what no service guards; a staff
user who is not a superuser — even with every view permission — meets no trace of a case
conference anywhere in the admin (issue 10, acceptance 6).
"""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.audit import audit_log
from core.models import AuditEvent, User
from meetings.models import (
    AgendaItem,
    DatePoll,
    DatePollSlot,
    Meeting,
    MeetingKind,
    MeetingTemplate,
)
from network.models import Measure, Network, WorkingGroup, WorkingGroupResult
from notifications.models import OutgoingMail

from .factories import (
    MeetingFactory,
    NetworkFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Every text that would give the case conference away; none may appear for plain staff.
SECRETS = [
    "Fallkonferenz Kita Sonnenschein",
    "FK-2026-4711",
    "Schutzplan Sonnenschein abstimmen",
    "Terminfindung Sonnenschein",
    "Ergebnis Sonnenschein",
    "Rita Vertraulich",
]


@dataclass
class Admin:
    network: Network
    meeting: Meeting  # a network meeting anyone in the admin may see
    case_conference: Meeting
    registration_id: int  # Rita's registration for the case conference
    measure: Measure
    poll: DatePoll
    result: WorkingGroupResult


@pytest.fixture
def data():
    network = NetworkFactory(name="Netzwerk Frühe Hilfen Viersen")
    meeting = MeetingFactory(network=network, title="Netzwerktreffen Herbst", capacity=30)
    RegistrationFactory(meeting=meeting, user=UserFactory(name="Nora Normal"))
    AgendaItem.objects.create(meeting=meeting, position=1, title="Begrüßung")
    case_conference = MeetingFactory(
        network=network,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz Kita Sonnenschein",
        case_reference="FK-2026-4711",
    )
    rita = UserFactory(name="Rita Vertraulich", email="rita@example.org")
    registration = RegistrationFactory(
        meeting=case_conference, user=rita, organisation=OrganisationFactory()
    )
    AgendaItem.objects.create(meeting=case_conference, position=1, title="Ergebnis Sonnenschein")
    measure = Measure.objects.create(
        network=network, meeting=case_conference, title="Schutzplan Sonnenschein abstimmen"
    )
    poll = DatePoll.objects.create(
        network=network, title="Terminfindung Sonnenschein", kind=MeetingKind.CASE_CONFERENCE
    )
    start = timezone.now() + timedelta(days=3)
    DatePollSlot.objects.create(poll=poll, start=start, end=start + timedelta(hours=1))
    group = WorkingGroup.objects.create(network=network, name="AG Kinderschutz")
    result = WorkingGroupResult.objects.create(
        working_group=group, title="Ergebnis Sonnenschein", presented_at=case_conference
    )
    # Rows without a meeting stay visible to everyone in the admin.
    Measure.objects.create(network=network, title="Fortbildungsplan erstellen")
    DatePoll.objects.create(network=network, title="Terminfindung Frühjahr")
    WorkingGroupResult.objects.create(working_group=group, title="Leitfaden Übergänge")
    for target in (case_conference, measure, poll):
        audit_log(actor=None, action="test.created", target=target, network_id=network.pk)
    OutgoingMail.objects.create(
        key=f"invitation:{case_conference.pk}:{rita.pk}:0",
        kind="invitation",
        reference=f"meeting:{case_conference.pk}",
        to_email=rita.email,
        subject="Einladung: Fallkonferenz Kita Sonnenschein",
        body_text="…",
    )
    OutgoingMail.objects.create(
        key=f"measure-due:{measure.pk}:2026-12-01",
        kind="measure-due",
        reference=f"measure:{measure.pk}",
        to_email=rita.email,
        subject="Fällig: Schutzplan Sonnenschein abstimmen",
        body_text="…",
    )
    OutgoingMail.objects.create(
        key="invitation:other",
        kind="invitation",
        reference=f"meeting:{meeting.pk}",
        to_email="nora@example.org",
        subject="Einladung: Netzwerktreffen Herbst",
        body_text="…",
    )
    return Admin(network, meeting, case_conference, registration.pk, measure, poll, result)


@pytest.fixture
def site_admin(client):
    client.force_login(UserFactory(email="root@example.org", is_staff=True, is_superuser=True))
    return client


VIEW_PERMISSIONS = [
    "meetings.view_meeting",
    "meetings.view_registration",
    "meetings.view_datepoll",
    "meetings.view_meetingtemplate",
    "network.view_measure",
    "network.view_workinggroupresult",
    "network.view_network",
    "network.delete_network",
    "notifications.view_outgoingmail",
    "core.view_auditevent",
    "core.view_user",
]


@pytest.fixture
def staff(client):
    """Staff with every view permission (and deleting networks), but not a superuser."""
    user = UserFactory(email="team@example.org", is_staff=True)
    for name in VIEW_PERMISSIONS:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    client.force_login(User.objects.get(pk=user.pk))
    return client


def page_text(response) -> str:
    assert response.status_code == 200, response
    return response.content.decode()


# --- Site admins --------------------------------------------------------------------------


def test_site_admin_opens_meetings_registrations_polls_and_templates(site_admin, data):
    meeting = data.meeting
    for url in [
        "/admin/",
        "/admin/meetings/meeting/",
        "/admin/meetings/meeting/?q=Herbst",
        "/admin/meetings/meeting/?kind__exact=network&status__exact=published",
        f"/admin/meetings/meeting/?start__year={meeting.start.year}",
        f"/admin/meetings/meeting/?network__id__exact={data.network.pk}",
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        "/admin/meetings/registration/",
        "/admin/meetings/registration/?q=Nora",
        f"/admin/meetings/registration/{meeting.registrations.get().pk}/change/",
        "/admin/meetings/datepoll/",
        f"/admin/meetings/datepoll/{data.poll.pk}/change/",
        "/admin/meetings/meetingtemplate/",
        f"/admin/meetings/meetingtemplate/{MeetingTemplate.objects.first().pk}/change/",
    ]:
        assert site_admin.get(url).status_code == 200, url

    found = page_text(site_admin.get("/admin/meetings/meeting/?q=Herbst"))
    assert "Netzwerktreffen Herbst" in found and "Sonnenschein" not in found
    change = page_text(site_admin.get(f"/admin/meetings/meeting/{meeting.pk}/change/"))
    assert "Nora Normal" in change and "Begrüßung" in change  # registrations and agenda inline
    # Superusers see case conferences, with their registrations.
    everything = page_text(site_admin.get("/admin/meetings/meeting/"))
    assert "Fallkonferenz Kita Sonnenschein" in everything
    registrations = page_text(site_admin.get("/admin/meetings/registration/?q=Rita"))
    assert "Rita Vertraulich" in registrations


def test_status_seats_and_times_are_read_only_and_changes_go_through_the_service(site_admin, data):
    meeting = data.meeting
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    form = site_admin.get(url).context["adminform"].form
    assert set(form.fields) == {
        "title",
        "description",
        "case_reference",
        "topic_deadline",
        "contact_person",
        "working_group",
        "reminder_offsets",
        "data_protection_notice",
    }
    start = meeting.start
    response = site_admin.post(
        url,
        {
            "title": "Netzwerktreffen Herbst (Raum 2)",
            "description": "",
            "case_reference": "",
            "topic_deadline_0": "",
            "topic_deadline_1": "",
            "contact_person": "",
            "working_group": "",
            "reminder_offsets": "[168, 24]",
            "data_protection_notice": "",
            # Read-only fields a forged request sends anyway:
            "status": "cancelled",
            "capacity": "1",
            "start_0": "01.01.2030",
            "start_1": "10:00",
            **inline_management_data(site_admin.get(url)),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert meeting.title == "Netzwerktreffen Herbst (Raum 2)"
    assert (meeting.status, meeting.capacity, meeting.start) == ("published", 30, start)
    # Through services.meeting_update: a published meeting's change is in the audit log.
    assert AuditEvent.objects.filter(action="meeting.changed", target_id=str(meeting.pk)).exists()


def inline_management_data(response) -> dict:
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        count = str(formset.initial_form_count())
        data |= {
            f"{formset.prefix}-TOTAL_FORMS": count,
            f"{formset.prefix}-INITIAL_FORMS": count,
            f"{formset.prefix}-MIN_NUM_FORMS": "0",
            f"{formset.prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def test_no_adding_or_deleting_behind_the_services(site_admin, data):
    assert site_admin.get("/admin/meetings/meeting/add/").status_code == 403
    assert site_admin.get("/admin/meetings/registration/add/").status_code == 403
    assert site_admin.get("/admin/meetings/datepoll/add/").status_code == 403
    published = data.meeting
    assert site_admin.get(f"/admin/meetings/meeting/{published.pk}/delete/").status_code == 403
    registration = published.registrations.get()
    delete = f"/admin/meetings/registration/{registration.pk}/delete/"
    assert site_admin.get(delete).status_code == 403
    draft = MeetingFactory(network=data.network, status=Meeting.Status.DRAFT)
    assert site_admin.get(f"/admin/meetings/meeting/{draft.pk}/delete/").status_code == 200


def test_meeting_templates_are_configuration(site_admin):
    url = f"/admin/meetings/meetingtemplate/{MeetingTemplate.objects.first().pk}/change/"
    form = site_admin.get(url).context["adminform"].form
    assert {"default_duration_minutes", "agenda_outline", "retention_months"} <= set(form.fields)


# --- Staff who are not superusers: no case conference anywhere ----------------------------


def assert_no_secret(response, url):
    text = response.content.decode()
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, f"{url} shows {leaked}"


def test_staff_see_no_case_conference_in_lists_counts_or_search(staff, data):
    lists = [
        "/admin/",
        "/admin/meetings/meeting/",
        "/admin/meetings/meeting/?q=Sonnenschein",
        "/admin/meetings/meeting/?kind__exact=case_conference",
        f"/admin/meetings/meeting/?start__year={data.case_conference.start.year}",
        "/admin/meetings/registration/",
        "/admin/meetings/registration/?q=Rita",
        "/admin/meetings/datepoll/",
        "/admin/meetings/datepoll/?q=Sonnenschein",
        "/admin/network/measure/",
        "/admin/network/measure/?q=Schutzplan",
        "/admin/network/workinggroupresult/",
        "/admin/notifications/outgoingmail/",
        "/admin/notifications/outgoingmail/?q=Sonnenschein",
        "/admin/core/auditevent/",
        "/admin/core/auditevent/?q=Sonnenschein",
    ]
    for url in lists:
        response = staff.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response, url)

    def counts(url):
        changelist = staff.get(url).context["cl"]
        return changelist.result_count, changelist.full_result_count

    assert counts("/admin/meetings/meeting/") == (1, 1)  # the network meeting only
    assert counts("/admin/meetings/meeting/?q=Sonnenschein") == (0, 1)
    assert counts("/admin/meetings/registration/") == (1, 1)
    assert counts("/admin/meetings/datepoll/") == (1, 1)
    assert counts("/admin/network/measure/") == (1, 1)
    assert counts("/admin/network/workinggroupresult/") == (1, 1)
    # The outbox list runs one count only (issue 12): no full count that could leak either.
    assert counts("/admin/notifications/outgoingmail/") == (1, None)
    others = AuditEvent.objects.exclude(action="test.created").count()  # e.g. the log-in
    assert counts("/admin/core/auditevent/") == (others, others)
    assert "Netzwerktreffen Herbst" in page_text(staff.get("/admin/meetings/meeting/"))


def test_staff_get_no_object_page_of_a_case_conference(staff, data):
    conference = data.case_conference
    mail = OutgoingMail.objects.get(reference=f"meeting:{conference.pk}")
    event = AuditEvent.objects.filter(target_repr=conference.title).get()
    object_pages = [
        f"/admin/meetings/meeting/{conference.pk}/change/",
        f"/admin/meetings/meeting/{conference.pk}/history/",
        f"/admin/meetings/meeting/{conference.pk}/delete/",
        f"/admin/meetings/registration/{data.registration_id}/change/",
        f"/admin/meetings/datepoll/{data.poll.pk}/change/",
        f"/admin/network/measure/{data.measure.pk}/change/",
        f"/admin/network/workinggroupresult/{data.result.pk}/change/",
        f"/admin/notifications/outgoingmail/{mail.pk}/change/",
        f"/admin/core/auditevent/{event.pk}/change/",
    ]
    for url in object_pages:
        response = staff.get(url)
        # Django answers as for a row that does not exist (back to the admin index, or 403
        # where the permission is missing whatever the row).
        missing = staff.get(re.sub(r"/\d+/", "/999999/", url))
        assert response.status_code in (302, 403), url
        assert (response.status_code, response.get("Location")) == (
            missing.status_code,
            missing.get("Location"),
        ), url
        assert_no_secret(response, url)
        if response.status_code == 302:
            assert_no_secret(staff.get(response["Location"]), url)


def test_staff_deleting_a_network_see_no_case_conference_in_the_confirmation(staff, data):
    url = f"/admin/network/network/{data.network.pk}/delete/"
    response = staff.get(url)
    assert response.status_code == 200
    assert_no_secret(response, url)
    staff.post(url, {"post": "yes"})
    assert Network.objects.filter(pk=data.network.pk).exists()


def test_staff_may_not_delete_what_they_must_not_see(staff, data):
    """Deleting a working group would delete its results, one of them presented at the case
    conference: even with every delete permission the page names no row of it."""
    staff_user = User.objects.get(email="team@example.org")
    staff_user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_workinggroup", "delete_workinggroup", "delete_workinggroupresult"]
        )
    )
    group = data.result.working_group
    url = f"/admin/network/workinggroup/{group.pk}/delete/"
    response = staff.get(url)
    assert response.status_code == 200
    assert_no_secret(response, url)
    assert list(response.context["perms_lacking"]) == ["Ergebnis einer Arbeitsgruppe"]
    staff.post(url, {"post": "yes"})
    assert WorkingGroup.objects.filter(pk=group.pk).exists()


def test_staff_cannot_pick_a_case_conference_for_a_measure(staff, data):
    staff_user = User.objects.get(email="team@example.org")
    staff_user.user_permissions.add(Permission.objects.get(codename="add_measure"))
    response = staff.post(
        "/admin/network/measure/add/",
        {
            "network": data.network.pk,
            "meeting": data.case_conference.pk,
            "title": "Neue Maßnahme",
            "status": "open",
        },
    )
    assert response.status_code == 200  # the form answers with an error
    assert "meeting" in response.context["adminform"].form.errors
    assert not Measure.objects.filter(title="Neue Maßnahme").exists()


def test_superusers_see_case_conferences_everywhere(site_admin, data):
    for url in [
        f"/admin/meetings/meeting/{data.case_conference.pk}/change/",
        f"/admin/meetings/registration/{data.registration_id}/change/",
        f"/admin/meetings/datepoll/{data.poll.pk}/change/",
        f"/admin/network/measure/{data.measure.pk}/change/",
    ]:
        assert site_admin.get(url).status_code == 200, url
    mails = site_admin.get("/admin/notifications/outgoingmail/?q=Sonnenschein").context["cl"]
    assert mails.result_count == 2
    assert "Sonnenschein" in page_text(site_admin.get("/admin/core/auditevent/"))


def test_every_admin_of_the_project_applies_the_confidentiality_rules():
    """A new admin that forgot the base class would show case conferences to plain staff."""
    from django.contrib import admin

    from core.admin import PortalAdmin

    project_apps = {"core", "providers", "network", "meetings", "circulars", "notifications"}
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in project_apps:
            assert isinstance(model_admin, PortalAdmin), model
