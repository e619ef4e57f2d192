"""Working groups, cooperation agreements and measures: for members and coordinators."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from network.models import CooperationAgreement, Measure, WorkingGroup

from .factories import (
    MeasureFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    WorkingGroupFactory,
    coordinator_of,
    member_of,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def network():
    return NetworkFactory()


def test_coordinator_creates_working_group_and_member_joins(client, network):
    alice = coordinator_of(network)
    dave = member_of(network)
    client.force_login(alice)
    response = client.post(
        f"/networks/{network.slug}/working-groups/new/",
        {"name": "Kleingruppe Schule", "purpose": "Verfahren abstimmen", "is_open": "on"},
    )
    group = WorkingGroup.objects.get(name="Kleingruppe Schule")
    assert response.status_code == 302
    client.force_login(dave)
    assert client.get(f"/networks/{network.slug}/working-groups/new/").status_code == 403
    client.post(f"/networks/{network.slug}/working-groups/{group.pk}/join/")
    assert group.members.filter(pk=dave.pk).exists()


def test_closed_working_group_cannot_be_joined(client, network):
    group = WorkingGroupFactory(network=network, is_open=False)
    dave = member_of(network)
    client.force_login(dave)
    client.post(f"/networks/{network.slug}/working-groups/{group.pk}/join/")
    assert not group.members.exists()


def test_outsider_gets_403_for_internal_pages(client, network):
    group = WorkingGroupFactory(network=network)
    bob = UserFactory()
    client.force_login(bob)
    for path in ["working-groups/", f"working-groups/{group.pk}/", "agreements/", "measures/"]:
        assert client.get(f"/networks/{network.slug}/{path}").status_code == 403, path


def test_result_upload_accepts_pdf_only_and_serves_it_with_access_check(client, network):
    group = WorkingGroupFactory(network=network)
    dave = member_of(network)
    group.members.add(dave)
    client.force_login(dave)
    url = f"/networks/{network.slug}/working-groups/{group.pk}/results/new/"
    fake = SimpleUploadedFile("ergebnis.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(url, {"title": "Ergebnis", "document": fake, "for_plenary": "on"})
    assert response.status_code == 200
    assert "Hier können nur PDF-Dateien hochgeladen werden." in response.content.decode()
    real = SimpleUploadedFile("ergebnis.pdf", PDF, "application/pdf")
    response = client.post(url, {"title": "Ergebnis", "document": real, "for_plenary": "on"})
    assert response.status_code == 302
    result = group.results.get()
    document_url = (
        f"/networks/{network.slug}/working-groups/{group.pk}/results/{result.pk}/document/"
    )
    download = client.get(document_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(UserFactory())
    assert client.get(document_url).status_code == 403


def test_upload_larger_than_the_limit_is_refused(client, network, settings):
    settings.UPLOAD_MAX_BYTES = 100
    group = WorkingGroupFactory(network=network)
    alice = coordinator_of(network)
    client.force_login(alice)
    big = SimpleUploadedFile("gross.pdf", PDF + b"0" * 200, "application/pdf")
    response = client.post(
        f"/networks/{network.slug}/working-groups/{group.pk}/results/new/",
        {"title": "Groß", "document": big},
    )
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.content.decode()
    assert not group.results.exists()


def test_text_result_without_document(client, network):
    group = WorkingGroupFactory(network=network)
    alice = coordinator_of(network)
    client.force_login(alice)
    client.post(
        f"/networks/{network.slug}/working-groups/{group.pk}/results/new/",
        {"title": "Ablauf", "text": "1. Beobachten"},
    )
    assert group.results.get().text == "1. Beobachten"


def test_coordinator_records_agreement_and_members_read_it(client, network):
    alice = coordinator_of(network)
    youth_office = OrganisationFactory(name="Jugendamt Herten", kind="youth_office")
    job_centre = OrganisationFactory(name="Vestische Arbeit", kind="job_centre")
    client.force_login(alice)
    response = client.post(
        f"/networks/{network.slug}/agreements/new/",
        {
            "title": "Kooperationsvereinbarung",
            "parties": [youth_office.pk, job_centre.pk],
            "signed_on": "2010-08-05",
            "valid_from": "2010-08-05",
            "review_date": "2027-08-05",
            "summary": "Jährliche Abstimmungsgespräche",
            "has_case_conferences": "on",
            "document": SimpleUploadedFile("v.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    agreement = CooperationAgreement.objects.get()
    assert agreement.has_case_conferences and agreement.parties.count() == 2
    dave = member_of(network)
    client.force_login(dave)
    page = client.get(f"/networks/{network.slug}/agreements/{agreement.pk}/").content.decode()
    assert "Jugendamt Herten" in page and "Fallkonferenzen" in page
    doc = client.get(f"/networks/{network.slug}/agreements/{agreement.pk}/document/")
    assert doc.status_code == 200
    assert client.get(f"/networks/{network.slug}/agreements/new/").status_code == 403
    client.force_login(UserFactory())
    assert (
        client.get(f"/networks/{network.slug}/agreements/{agreement.pk}/document/").status_code
        == 403
    )


def test_measure_filters(client, network):
    today = timezone.localdate()
    MeasureFactory(network=network, title="Offen und fällig", due_date=today + timedelta(days=5))
    MeasureFactory(
        network=network, title="Vertretungsliste erstellen", due_date=today - timedelta(days=1)
    )
    MeasureFactory(network=network, title="Abgeschlossene Aufgabe", status=Measure.Status.DONE)
    client.force_login(member_of(network))
    base = f"/networks/{network.slug}/measures/"
    open_page = client.get(base + "?filter=open").content.decode()
    assert "Offen und fällig" in open_page and "Vertretungsliste erstellen" in open_page
    assert "Abgeschlossene Aufgabe" not in open_page
    overdue = client.get(base + "?filter=overdue").content.decode()
    assert "Vertretungsliste erstellen" in overdue and "Offen und fällig" not in overdue
    done = client.get(base + "?filter=done").content.decode()
    assert "Abgeschlossene Aufgabe" in done and "Vertretungsliste erstellen" not in done


def test_responsible_person_updates_status_and_other_members_may_not(client, network):
    erin = member_of(network)
    measure = MeasureFactory(network=network, responsible_person=erin)
    url = f"/networks/{network.slug}/measures/{measure.pk}/status/"
    client.force_login(member_of(network))  # a member, but not responsible
    assert client.post(url, {"status": "done"}).status_code == 403
    client.force_login(erin)
    client.post(url, {"status": "done"})
    measure.refresh_from_db()
    assert measure.status == "done" and measure.done_at is not None
