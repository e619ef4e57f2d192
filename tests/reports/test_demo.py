"""Acceptance 5: the demo data make every report, list and certificate show something."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from core.models import User
from meetings.models import Meeting, MeetingKind
from network.models import Measure, Network

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_demo_fills_the_report_the_lists_and_the_certificates(client):
    call_command("load_demo", stdout=io.StringIO())
    wesel = Network.objects.get(slug="traegerverbund-kreis-wesel")
    coordinator = User.objects.get(email="freiraumwohnung@example.org")
    training = Meeting.objects.get(kind=MeetingKind.TRAINING, certifiable=True, status="held")

    # The report's default period (last calendar year) has the training, its attendance,
    # feedback and measures in every status, one of them overdue.
    client.force_login(coordinator)
    report = client.get(f"/networks/{wesel.slug}/report/").context["report"]
    assert report.meetings_total >= 1 and report.people_present >= 3
    assert report.feedback_count >= 2 and report.organisations_present >= 3
    assert report.measures["opened"] >= 4 and report.measures["done"] >= 1
    assert report.measures["overdue"] >= 1
    assert {label for label, n in report.measures_by_status if n} == {
        str(label) for label in Measure.Status.labels
    }
    assert any(s["present"] for s in report.sectors)
    assert "Fortbildung Kinderschutz" in text_of(client.get(f"/networks/{wesel.slug}/report.pdf"))
    # This year's meetings are in the report for this year.
    this_year = client.get(f"/networks/{wesel.slug}/report/?start=2026-01-01&end=2026-12-31")
    assert this_year.status_code == 200

    text = text_of(client.get(f"/meetings/{training.pk}/attendance.pdf"))
    present = training.registrations.filter(attended=True).select_related("user")
    assert present.count() >= 3
    for registration in present:
        assert registration.user.get_full_name() in text
    upcoming = (
        Meeting.objects.filter(network=wesel, status="published", registrations__isnull=False)
        .distinct()
        .first()
    )
    assert "Unterschrift" in text_of(client.get(f"/meetings/{upcoming.pk}/attendance.pdf"))
    bulk = client.get(f"/meetings/{training.pk}/certificates.pdf")
    assert len(PdfReader(io.BytesIO(bulk.content)).pages) == present.count()

    attendee = present.first().user
    client.force_login(attendee)
    page = client.get(f"/meetings/{training.pk}/").content.decode()
    assert f"/meetings/{training.pk}/certificate.pdf" in page
    text = text_of(client.get(f"/meetings/{training.pk}/certificate.pdf"))
    assert attendee.get_full_name() in text and "Teilnahmebescheinigung" in text
    assert "Fortbildung Kinderschutz" in text_of(client.get(f"/meetings/{training.pk}/minutes.pdf"))
