"""Nothing about a case conference reaches a member who was not invited (issue 10,
acceptance 3): a held case conference with invitees, attendance, minutes, a measure and
reminders is looked for through every channel by a member of the same network — pages,
lists, counts, mails, calendar feeds, the PDF, the data export, the dashboard — and the
title, the reference and the place appear nowhere. Invitees and coordinators do see it.
"""

import io
import json
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meetings import services as meeting_services
from meetings.models import Meeting, MeetingKind
from network.models import Measure
from notifications.models import OutgoingMail
from notifications.reminders import reminders_send_due

from .factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationMemberFactory,
    RepresentativeFactory,
    UserFactory,
)

# Words that exist only in the case conference: if any of them shows, something leaked.
MARKERS = ("Zeta-17", "FK-ZETA", "Raum Zeta", "Zeta-Maßnahme")

pytestmark = pytest.mark.django_db


def _person(network, name):
    user = UserFactory(name=name)
    member = OrganisationMemberFactory(user=user)
    membership = MembershipFactory(network=network, organisation=member.organisation)
    RepresentativeFactory(membership=membership, person=member)
    return user


@pytest.fixture
def held_case_conference(django_capture_on_commit_callbacks, settings):
    """A case conference that went through its whole life, built through the services."""
    settings.SITE_URL = "http://testserver"
    network = NetworkFactory(slug="herten-jobcenter", name="Kooperation Herten")
    kim = UserFactory(name="Kim Koordination")
    network.coordinators.add(kim)
    invited = _person(network, "Ines Eingeladen")
    other = _person(network, "Otto Nichteingeladen")
    start = timezone.now() + timedelta(hours=48)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_services.meeting_create(
            network=network,
            by=kim,
            kind=MeetingKind.CASE_CONFERENCE,
            title="Fallkonferenz Zeta-17",
            start=start,
            case_reference="FK-ZETA-17",
            venue_name="Raum Zeta",
        )
        meeting_services.invitation_add(meeting=meeting, by=kim, users=[invited])
        meeting_services.meeting_publish(meeting=meeting, by=kim)
        meeting_services.registration_register(meeting=meeting, user=invited)
        # The reminder 24 hours before the start (the clock is the edge of the world).
        with mock.patch("django.utils.timezone.now", return_value=start - timedelta(hours=20)):
            reminders_send_due()
        meeting_services.meeting_update(meeting=meeting, by=kim, venue_name="Raum Zeta (2. OG)")
    # The meeting takes place.
    Meeting.objects.filter(pk=meeting.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.minutes_save(meeting=meeting, by=kim, minutes="")
        meeting_services.minutes_measure_add(
            meeting=meeting,
            by=kim,
            title="Zeta-Maßnahme: Hilfeplan abstimmen",
            responsible_person=kim,
            due_date=timezone.localdate() - timedelta(days=1),
        )
        meeting_services.minutes_publish(meeting=meeting, by=kim)
        reminders_send_due()  # measure reminders
    return meeting, kim, invited, other


def _leaks(text: str) -> list[str]:
    return [marker for marker in MARKERS if marker in text]


def _pages_of_the_meeting(meeting):
    names = [
        "detail",
        "calendar",
        "participants",
        "topics",
        "agenda",
        "minutes",
        "feedback",
        "invitations",
        "edit",
        "cancel",
        "publish",
        "next",
        "register",
        "decline",
    ]
    return [reverse(f"meetings:{name}", args=[meeting.pk]) for name in names] + [
        f"/notifications/meetings/{meeting.pk}/delivery/"
    ]


def test_pages_of_the_case_conference_do_not_exist_for_an_uninvited_member(
    client, held_case_conference
):
    meeting, kim, invited, other = held_case_conference
    client.force_login(other)
    for url in _pages_of_the_meeting(meeting):
        response = client.get(url)
        assert response.status_code == 404, url
        assert _leaks(response.content.decode()) == [], url


def test_lists_feeds_pdf_export_and_dashboard_show_nothing_of_it(client, held_case_conference):
    meeting, kim, invited, other = held_case_conference
    network = meeting.network
    client.force_login(other)
    pages = [
        "/dashboard/",
        reverse("meetings:mine"),
        reverse("meetings:manage"),
        reverse("meetings:polls"),
        reverse("meetings:feed"),
        f"/networks/{network.slug}/",
        f"/networks/{network.slug}/members/",
        f"/networks/{network.slug}/measures/",
        f"/networks/{network.slug}/measures/?filter=all",
        f"/networks/{network.slug}/measures/?filter=overdue",
        f"/networks/{network.slug}/calendar.ics",
        f"/meetings/feed/{other.calendar_token}.ics",
        "/networks/",
        "/providers/?q=Zeta",
        "/account/data/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 403), url
        assert _leaks(response.content.decode()) == [], url

    export = client.get(reverse("pages:my_data_download"))
    assert _leaks(json.dumps(json.loads(export.content), ensure_ascii=False)) == []

    pdf = client.get(f"/networks/{network.slug}/profile.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert _leaks(text) == []


def test_no_mail_about_it_reaches_an_uninvited_member(held_case_conference):
    meeting, kim, invited, other = held_case_conference
    for mail in OutgoingMail.objects.filter(to_email=other.email):
        text = mail.subject + mail.body_text + mail.body_html + json.dumps(mail.attachments)
        assert _leaks(text) == [], mail.kind
    # The invitee did get the invitation, the reminder, the change and the minutes notice.
    kinds = set(OutgoingMail.objects.filter(to_email=invited.email).values_list("kind", flat=True))
    assert {"invitation", "reminder", "update", "minutes-published"} <= kinds


def test_its_measure_is_in_the_network_list_only_for_coordinators(client, held_case_conference):
    meeting, kim, invited, other = held_case_conference
    network = meeting.network
    assert Measure.objects.get(meeting=meeting).is_restricted
    client.force_login(other)
    assert (
        "Zeta-Maßnahme"
        not in client.get(f"/networks/{network.slug}/measures/?filter=all").content.decode()
    )
    client.force_login(kim)
    assert (
        "Zeta-Maßnahme"
        in client.get(f"/networks/{network.slug}/measures/?filter=all").content.decode()
    )


def test_invitees_and_coordinators_see_it(client, held_case_conference):
    meeting, kim, invited, other = held_case_conference
    for person in (invited, kim):
        client.force_login(person)
        assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    client.force_login(invited)
    assert "Zeta-17" in client.get(reverse("meetings:mine")).content.decode()


def test_a_later_network_meeting_does_not_review_its_measure(held_case_conference):
    meeting, kim, invited, other = held_case_conference
    plenary = meeting_services.meeting_create(
        network=meeting.network,
        by=kim,
        kind=MeetingKind.NETWORK,
        title="Netzwerktreffen",
        start=timezone.now() + timedelta(days=30),
    )
    titles = list(plenary.agenda_items.values_list("title", flat=True))
    assert _leaks(" ".join(titles)) == []


def test_no_date_poll_can_announce_a_case_conference_to_the_network(held_case_conference):
    meeting, kim, invited, other = held_case_conference
    start = timezone.now() + timedelta(days=10)
    with pytest.raises(meeting_services.MeetingError):
        meeting_services.poll_create(
            network=meeting.network,
            by=kim,
            title="Fallkonferenz Zeta-18",
            kind=MeetingKind.CASE_CONFERENCE,
            slots=[
                (start, start + timedelta(hours=1)),
                (start + timedelta(days=1), start + timedelta(days=1, hours=1)),
            ],
        )


def test_reports_show_it_only_as_a_count_and_its_papers_exist_for_nobody_else(
    client, held_case_conference
):
    """The network report (page, PDF, CSV, XLSX) counts the case conference and says nothing
    else about it, even to the coordinator; its papers are not there for an uninvited member."""
    meeting, kim, invited, other = held_case_conference
    network = meeting.network
    client.force_login(other)
    for paper in (
        "attendance.pdf",
        "attendance.csv",
        "certificate.pdf",
        "certificates.pdf",
        "invitation.pdf",
        "minutes.pdf",
    ):
        response = client.get(f"/meetings/{meeting.pk}/{paper}")
        assert response.status_code == 404, paper
        assert _leaks(response.content.decode(errors="replace")) == [], paper
    client.force_login(kim)
    today = timezone.localdate()
    query = f"?start={today.replace(month=1, day=1)}&end={today}"
    page = client.get(f"/networks/{network.slug}/report/{query}")
    assert page.context["report"].case_conferences == 1
    assert _leaks(page.content.decode()) == []
    for suffix in ("report.csv", "report.xlsx", "report.pdf"):
        content = client.get(f"/networks/{network.slug}/{suffix}{query}").content
        if suffix.endswith(".pdf"):
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
        elif suffix.endswith(".xlsx"):
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(content)).active
            text = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
        else:
            text = content.decode("utf-8-sig")
        assert _leaks(text) == [], suffix
    for paper in ("invitation.pdf", "minutes.pdf", "certificates.pdf"):
        assert client.get(f"/meetings/{meeting.pk}/{paper}").status_code == 404, paper
