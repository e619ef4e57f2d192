import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from meetings.models import Meeting
from network.models import Network

from .factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    coordinator_of,
    member_of,
    org_admin,
)

pytestmark = pytest.mark.django_db


def _meeting(network, *, days, status="published", audience="public", title="Treffen"):
    start = timezone.now() + timedelta(days=days)
    return Meeting.objects.create(
        network=network,
        kind="network",
        title=title,
        start=start,
        end=start + timedelta(hours=2),
        status=status,
        audience=audience,
    )


def test_visitors_see_public_networks_only(client):
    NetworkFactory(name="Öffentliches Netzwerk")
    NetworkFactory(name="Geschlossene AG", visibility=Network.Visibility.MEMBERS)
    page = client.get("/networks/").content.decode()
    assert "Öffentliches Netzwerk" in page
    assert "Geschlossene AG" not in page


def test_members_see_their_members_only_network_and_bob_gets_404(client):
    closed = NetworkFactory(name="Geschlossene AG", visibility=Network.Visibility.MEMBERS)
    alice = member_of(closed)
    bob = UserFactory()
    client.force_login(alice)
    assert "Geschlossene AG" in client.get("/networks/").content.decode()
    assert client.get(f"/networks/{closed.slug}/").status_code == 200
    client.force_login(bob)
    assert "Geschlossene AG" not in client.get("/networks/").content.decode()
    assert client.get(f"/networks/{closed.slug}/").status_code == 404
    assert client.get(f"/networks/{closed.slug}/profile.pdf").status_code == 404
    assert client.get(f"/networks/{closed.slug}/calendar.ics").status_code == 404


def test_a_mail_link_to_a_members_only_network_asks_an_anonymous_visitor_to_log_in(client):
    """Welcome mails link the network page; without a session it answered 404. The login page
    comes first (for unknown slugs too, so nothing is told) and leads back."""
    closed = NetworkFactory(name="Geschlossene AG", visibility=Network.Visibility.MEMBERS)
    alice = member_of(closed)
    url = f"/networks/{closed.slug}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    assert client.get("/networks/gibt-es-nicht/").status_code == 302
    assert client.get(f"/networks/{closed.slug}/profile.pdf").status_code == 404
    client.force_login(alice)
    assert client.get(url).status_code == 200


def test_network_list_query_count_does_not_grow(client, django_assert_num_queries):
    for _ in range(3):
        MembershipFactory(network=NetworkFactory(parent=NetworkFactory()))
    # Queries: the page count, the networks with parent and member count.
    with django_assert_num_queries(2):
        small = client.get("/networks/")
    for _ in range(15):
        MembershipFactory(network=NetworkFactory(parent=NetworkFactory()))
    with django_assert_num_queries(2):
        large = client.get("/networks/")
    assert small.status_code == large.status_code == 200


def test_profile_shows_members_by_sector_and_public_upcoming_meetings(client):
    network = NetworkFactory(
        name="Netzwerk Olsberg",
        open_for_members_text="Alle Institutionen sind willkommen.",
        contact_name="Familienbüro",
    )
    MembershipFactory(
        network=network, organisation=OrganisationFactory(name="Grundschule X", kind="school")
    )
    MembershipFactory(
        network=network, organisation=OrganisationFactory(name="Polizei Y", kind="police")
    )
    MembershipFactory(
        network=network, organisation=OrganisationFactory(name="Ehemalige Z"), status="left"
    )
    NetworkFactory(name="Netzwerk Olsberg Ortsteil", parent=network)
    _meeting(network, days=10, title="Netzwerktreffen Herbst")
    _meeting(network, days=12, status="draft", title="Entwurf")
    _meeting(network, days=-5, title="Vergangenes Treffen")
    page = client.get(f"/networks/{network.slug}/").content.decode()
    assert "Grundschule X" in page and "Polizei Y" in page and "Ehemalige Z" not in page
    assert "Schule" in page and "Polizei" in page  # sector headings
    assert "Netzwerktreffen Herbst" in page
    assert "Entwurf" not in page and "Vergangenes Treffen" not in page
    assert "Netzwerk Olsberg Ortsteil" in page
    assert "Alle Institutionen sind willkommen." in page
    assert f"/networks/{network.slug}/apply/" not in page  # anonymous: log in first
    assert "Familienbüro" in page


def test_members_only_network_shows_only_public_audience_meetings(client):
    network = NetworkFactory(visibility=Network.Visibility.MEMBERS)
    _meeting(network, days=3, audience="network", title="Internes Treffen")
    _meeting(network, days=4, audience="public", title="Offene Fachtagung")
    ics = client.get(f"/networks/{network.slug}/calendar.ics")
    assert ics.status_code == 404  # the network itself is not public
    client.force_login(member_of(network))
    body = client.get(f"/networks/{network.slug}/calendar.ics").content.decode()
    assert "Offene Fachtagung" in body and "Internes Treffen" not in body


def test_calendar_feed_lists_public_published_meetings(client):
    network = NetworkFactory()
    _meeting(network, days=10, title="Kooperationstreffen")
    _meeting(network, days=11, status="draft", title="Nicht veröffentlicht")
    response = client.get(f"/networks/{network.slug}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "Kooperationstreffen" in body
    assert "Nicht veröffentlicht" not in body


def test_org_admin_sees_apply_button_and_staff_does_not(client):
    network = NetworkFactory()
    client.force_login(org_admin())
    assert (
        f"/networks/{network.slug}/apply/"
        in client.get(f"/networks/{network.slug}/").content.decode()
    )
    client.force_login(UserFactory())
    assert (
        f"/networks/{network.slug}/apply/"
        not in client.get(f"/networks/{network.slug}/").content.decode()
    )


def test_profile_pdf_of_kreis_viersen_contains_goal_legal_form_and_year(client):
    """Acceptance 2."""
    call_command("load_demo", stdout=io.StringIO())
    response = client.get("/networks/fruehe-hilfen-kreis-viersen/profile.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "frühkindlichen Bildung im Kreis Viersen optimal aufgestellt" in text  # goal
    assert "Rechtsform Netzwerk" in text
    assert "Zusammenarbeit seit 2016" in text
    assert "Ressourcenbündelung" in text and "299.302" in text and "563,3 km²" in text
    assert "Kreisjugendamt Viersen" in text  # member organisations
    # Tagged (PDF/UA-1) with the document language.
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "de"
    assert "/StructTreeRoot" in root


def test_coordinator_edits_profile_and_bob_may_not(client):
    network = NetworkFactory(goal="Alt")
    alice = coordinator_of(network)
    client.force_login(UserFactory())
    assert client.get(f"/networks/{network.slug}/edit/").status_code == 403
    client.force_login(alice)
    data = {
        "name": network.name,
        "visibility": "public",
        "goal": "Frühe Hilfen stärken",
        "legal_form": "Netzwerk",
        "cooperating_since": "2016",
        "area_km2": "563,3",
    }
    response = client.post(f"/networks/{network.slug}/edit/", data)
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.goal == "Frühe Hilfen stärken" and str(network.area_km2) == "563.3"
