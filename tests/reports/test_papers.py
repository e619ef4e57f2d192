"""Acceptance 2 and 3 for the papers of a meeting: attendance lists, certificates of attendance,
the printable invitation and the minutes; each PDF valid, its text what a reader expects;
nobody gets what is not theirs."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from core.models import AuditEvent
from meetings.models import AgendaItem, Meeting, MeetingKind, Registration
from network.models import Measure
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (10, 88, 202)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root  # tagged
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pages(response) -> int:
    return len(PdfReader(io.BytesIO(response.content)).pages)


class World:
    def __init__(self):
        self.network = NetworkFactory(name="Netzwerk Kinderschutz Olsberg", visibility="members")
        self.coordinator = UserFactory(name="Kora Koordination")
        self.network.coordinators.add(self.coordinator)
        self.org = OrganisationFactory(name="Caritas Brilon")
        MembershipFactory(network=self.network, organisation=self.org)
        self.people = [
            OrganisationMemberFactory(organisation=self.org, user=UserFactory(name=name)).user
            for name in ("Anna Anwesend", "Bert Beisitz", "Carla Fehlt")
        ]
        self.outsider = UserFactory(name="Otto Außen")
        OrganisationMemberFactory(user=self.outsider)
        start = timezone.now() - timedelta(days=20)
        self.training = MeetingFactory(
            network=self.network,
            kind=MeetingKind.TRAINING,
            title="Fortbildung Kinderschutz",
            start=start,
            end=start + timedelta(hours=3, minutes=30),
            status=Meeting.Status.HELD,
            certifiable=True,
            minutes="Gute Diskussion über Schutzkonzepte.",
            minutes_published_at=start + timedelta(days=1),
        )
        for user, attended in zip(self.people, (True, True, False), strict=True):
            RegistrationFactory(
                meeting=self.training, user=user, organisation=self.org, attended=attended
            )
        AgendaItem.objects.create(
            meeting=self.training, position=1, title="Schutzkonzepte", minutes="Beispiele"
        )
        Measure.objects.create(
            network=self.network, meeting=self.training, title="Handreichung verschicken"
        )
        self.upcoming = MeetingFactory(
            network=self.network, title="Netzwerktreffen Herbst", status="published"
        )
        AgendaItem.objects.create(meeting=self.upcoming, position=1, title="Begrüßung")
        AgendaItem.objects.create(meeting=self.upcoming, position=2, title="Berichte")
        for user in self.people[:2]:
            RegistrationFactory(meeting=self.upcoming, user=user, organisation=self.org)


@pytest.fixture
def w():
    return World()


def test_attendance_list_before_the_meeting_has_a_signature_column(client, w):
    client.force_login(w.coordinator)
    text = pdf_text(client.get(f"/meetings/{w.upcoming.pk}/attendance.pdf"))
    assert "Netzwerktreffen Herbst" in text
    assert "Anna Anwesend" in text and "Bert Beisitz" in text and "Caritas Brilon" in text
    assert "Unterschrift" in text
    assert "Carla Fehlt" not in text  # not registered


def test_attendance_list_after_the_meeting_shows_who_was_there(client, w):
    client.force_login(w.coordinator)
    text = pdf_text(client.get(f"/meetings/{w.training.pk}/attendance.pdf"))
    assert "Anna Anwesend" in text and "Bert Beisitz" in text
    assert "Carla Fehlt" not in text
    assert "2 Personen anwesend" in text
    response = client.get(f"/meetings/{w.training.pk}/attendance.csv")
    content = response.content
    assert content.startswith("\ufeff".encode())
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";") == ["Name", "E-Mail-Adresse", "Organisation", "Anwesend"]
    rows = {line.split(";")[0]: line.split(";")[3] for line in lines[1:]}
    assert rows == {"Anna Anwesend": "ja", "Bert Beisitz": "ja", "Carla Fehlt": "nein"}
    assert AuditEvent.objects.filter(action="report.attendance_list").count() == 2


def test_the_attendee_downloads_their_certificate_from_the_meeting_page(client, w):
    anna = w.people[0]
    client.force_login(anna)
    page = client.get(f"/meetings/{w.training.pk}/").content.decode()
    assert f"/meetings/{w.training.pk}/certificate.pdf" in page
    assert f"/meetings/{w.training.pk}/attendance.pdf" not in page
    response = client.get(f"/meetings/{w.training.pk}/certificate.pdf")
    text = pdf_text(response)
    assert pages(response) == 1
    assert "Teilnahmebescheinigung" in text
    assert "Anna Anwesend" in text and "Bert Beisitz" not in text
    assert "Fortbildung Kinderschutz" in text
    assert "3 Std. 30 Min." in text
    assert "Netzwerk Kinderschutz Olsberg" in text
    assert "Kora Koordination" in text
    local = timezone.localtime(w.training.start)
    assert f"{local.day}. " in text and str(local.year) in text


def test_the_coordinator_gets_every_certificate_one_page_each(client, w):
    client.force_login(w.coordinator)
    page = client.get(f"/meetings/{w.training.pk}/").content.decode()
    assert f"/meetings/{w.training.pk}/certificates.pdf" in page
    response = client.get(f"/meetings/{w.training.pk}/certificates.pdf")
    text = pdf_text(response)
    assert pages(response) == 2
    assert "Anna Anwesend" in text and "Bert Beisitz" in text and "Carla Fehlt" not in text


def test_nobody_else_gets_a_certificate(client, w):
    url = f"/meetings/{w.training.pk}/certificate.pdf"
    for user in (w.people[2], w.coordinator, w.outsider):  # absent, did not attend, outside
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get(f"/meetings/{w.training.pk}/certificates.pdf").status_code == (
            200 if user == w.coordinator else 404
        )
    client.logout()
    assert client.get(url).status_code == 302
    # Not certifiable: no certificate, even for someone who was there.
    Meeting.objects.filter(pk=w.training.pk).update(certifiable=False)
    client.force_login(w.people[0])
    assert client.get(url).status_code == 404
    assert "certificate.pdf" not in client.get(f"/meetings/{w.training.pk}/").content.decode()


def test_members_print_the_invitation_and_the_minutes_with_letterhead(client, w):
    w.network.logo = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    w.network.save()
    member = w.people[2]
    client.force_login(member)
    page = client.get(f"/meetings/{w.upcoming.pk}/").content.decode()
    assert f"/meetings/{w.upcoming.pk}/invitation.pdf" in page
    response = client.get(f"/meetings/{w.upcoming.pk}/invitation.pdf")
    text = pdf_text(response)
    assert "Einladung" in text and "Netzwerktreffen Herbst" in text
    assert "Begrüßung" in text and "Berichte" in text
    assert "Netzwerk Kinderschutz Olsberg" in text
    assert len(PdfReader(io.BytesIO(response.content)).pages[0].images) == 1  # the logo

    text = pdf_text(client.get(f"/meetings/{w.training.pk}/minutes.pdf"))
    assert "Protokoll" in text and "Gute Diskussion über Schutzkonzepte." in text
    assert "Schutzkonzepte" in text and "Handreichung verschicken" in text
    assert "Caritas Brilon" in text

    # Unpublished minutes: only the coordination; the outsider sees neither paper.
    Meeting.objects.filter(pk=w.training.pk).update(minutes_published_at=None)
    assert client.get(f"/meetings/{w.training.pk}/minutes.pdf").status_code == 404
    client.force_login(w.coordinator)
    assert client.get(f"/meetings/{w.training.pk}/minutes.pdf").status_code == 200
    client.force_login(w.outsider)
    for paper in ("invitation.pdf", "attendance.pdf", "attendance.csv"):
        assert client.get(f"/meetings/{w.upcoming.pk}/{paper}").status_code == 404


def test_members_who_do_not_coordinate_get_no_attendance_list(client, w):
    client.force_login(w.people[0])
    for paper in ("attendance.pdf", "attendance.csv", "certificates.pdf"):
        assert client.get(f"/meetings/{w.training.pk}/{paper}").status_code == 404


def test_the_report_pdf_holds_the_figures_and_the_charts(client, w):
    client.force_login(w.coordinator)
    today = timezone.localdate()
    start = today - timedelta(days=60)
    query = f"?start={start}&end={today}"
    response = client.get(f"/networks/{w.network.slug}/report.pdf{query}")
    text = pdf_text(response)
    assert "Netzwerkbericht" in text and "Netzwerk Kinderschutz Olsberg" in text
    assert "Fortbildung Kinderschutz" in text
    assert "Schutzkonzepte" in text  # a topic handled
    assert "Anwesende Personen je Monat" in text  # the first chart's title and its table
    assert "Jugendhilfe" in text  # a sector
    report = client.get(f"/networks/{w.network.slug}/report/{query}").context["report"]
    assert report.people_present == 2
    assert f"Anwesende Personen, alle Treffen zusammen: {report.people_present}" in text


def test_a_new_training_is_certifiable_by_default(w):
    from meetings import services

    training = services.meeting_create(
        network=w.network,
        by=w.coordinator,
        kind=MeetingKind.TRAINING,
        title="Fortbildung",
        start=timezone.now() + timedelta(days=3),
    )
    meeting = services.meeting_create(
        network=w.network,
        by=w.coordinator,
        kind=MeetingKind.NETWORK,
        title="Treffen",
        start=timezone.now() + timedelta(days=3),
    )
    assert training.certifiable and not meeting.certifiable


def test_registrations_are_counted_only_with_status_registered(w):
    assert Registration.objects.filter(meeting=w.training, attended=True).count() == 2


def test_the_coordinator_uploads_a_logo_and_only_images_pass(client, w):
    client.force_login(w.coordinator)
    data = {"name": w.network.name, "visibility": "members"}
    url = f"/networks/{w.network.slug}/edit/"
    svg = SimpleUploadedFile("logo.png", b"<svg onload='alert(1)'></svg>", "image/png")
    response = client.post(url, {**data, "logo": svg})
    assert response.status_code == 200
    assert response.context["form"].errors["logo"]
    mislabelled = SimpleUploadedFile("logo.jpg", PNG, "image/jpeg")
    response = client.post(url, {**data, "logo": mislabelled})
    assert "mit der Endung .png hoch" in response.content.decode()
    w.network.refresh_from_db()
    assert not w.network.logo
    response = client.post(url, {**data, "logo": SimpleUploadedFile("logo.png", PNG)})
    assert response.status_code == 302
    w.network.refresh_from_db()
    assert w.network.logo.name.startswith("networks/logos/")
    response = client.post(url, {**data, "remove_logo": "on"})
    w.network.refresh_from_db()
    assert not w.network.logo


def test_the_meeting_form_offers_the_certificate_ticked_for_trainings(client, w):
    client.force_login(w.coordinator)
    for kind, ticked in ((MeetingKind.TRAINING, True), (MeetingKind.NETWORK, False)):
        response = client.get(f"/meetings/new/?network={w.network.pk}&kind={kind}")
        field = response.context["form"]["certifiable"]
        assert field.value() is ticked, kind
        assert "Teilnahmebescheinigung" in response.content.decode()
