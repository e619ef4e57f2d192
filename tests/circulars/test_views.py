"""Circular pages: uploads are checked like every other upload; the archive is paginated and
newest first; drafts and writing are for coordinators only."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from circulars.models import Circular
from tests.meetings.factories import MeetingFactory, NetworkFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Netzwerk Frühe Hilfen Kreis Viersen", slug="fh-viersen")


@pytest.fixture
def coordinator(network):
    user = UserFactory(name="Kim Koordination")
    network.coordinators.add(user)
    return user


def test_an_upload_that_is_no_document_is_refused_and_nothing_is_saved(
    client, network, coordinator
):
    member_of(network, name="Anna")
    client.force_login(coordinator)
    response = client.post(
        f"/networks/{network.slug}/circulars/new/",
        {
            "audience": "network",
            "subject": "Einladung",
            "text": "Text",
            "attachments": SimpleUploadedFile("programm.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Erlaubt sind nur PDF-Dateien und Office-Dokumente" in html
    assert 'value="Einladung"' in html  # what was typed is kept
    assert not Circular.objects.exists()


def test_case_conferences_are_not_offered_as_audience(client, network, coordinator):
    MeetingFactory(network=network, title="Netzwerktreffen Herbst")
    MeetingFactory(network=network, title="Fallkonferenz 2026-17", kind="case_conference")
    client.force_login(coordinator)
    html = client.get(f"/networks/{network.slug}/circulars/new/").content.decode()
    assert "Netzwerktreffen Herbst" in html
    assert "Fallkonferenz 2026-17" not in html


def test_the_archive_is_newest_first_and_paginated(client, network, coordinator):
    member = member_of(network, name="Anna")
    now = timezone.now()
    for days in range(25):
        Circular.objects.create(
            network=network,
            subject=f"Rundschreiben vor {days} Tagen",
            text="x",
            status=Circular.Status.SENT,
            sent_at=now - timedelta(days=days),
        )
    Circular.objects.create(network=network, subject="Geheimer Entwurf", text="x")
    client.force_login(member)
    html = client.get(f"/networks/{network.slug}/circulars/").content.decode()
    assert html.index("vor 0 Tagen") < html.index("vor 1 Tagen")
    assert "vor 19 Tagen" in html and "vor 20 Tagen" not in html
    assert "Geheimer Entwurf" not in html
    assert (
        "vor 20 Tagen" in client.get(f"/networks/{network.slug}/circulars/?page=2").content.decode()
    )
    # The network page links to the archive.
    assert (
        f"/networks/{network.slug}/circulars/"
        in client.get(f"/networks/{network.slug}/").content.decode()
    )
