"""network profile.pdf (issue 12): an unchanged network's PDF is served from the cache, a
change to anything it shows renders it again."""

import pytest
from django.core.cache import cache
from weasyprint import HTML

from network.models import Membership

from .factories import MembershipFactory, NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts WeasyPrint's PDF renderings (the real ones run)."""
    calls = []
    original = HTML.write_pdf

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", counting)
    cache.clear()
    return calls


@pytest.fixture
def network():
    network = NetworkFactory(name="Frühe Hilfen Nettetal", visibility="public")
    MembershipFactory(network=network, organisation=OrganisationFactory(name="Caritas Nettetal"))
    return network


def get_pdf(client, network, **headers) -> bytes:
    response = client.get(f"/networks/{network.slug}/profile.pdf", **headers)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    return response.content


def test_an_unchanged_network_is_not_rendered_again(client, network, renders):
    first = get_pdf(client, network)
    second = get_pdf(client, network)
    assert len(renders) == 1
    assert first == second


def test_a_change_to_the_profile_renders_it_again(client, network, renders):
    get_pdf(client, network)
    network.goal = "Familien früh erreichen"
    network.save()
    get_pdf(client, network)
    assert len(renders) == 2


def test_a_new_member_renders_it_again(client, network, renders):
    get_pdf(client, network)
    MembershipFactory(network=network, organisation=OrganisationFactory(name="AWO Viersen"))
    get_pdf(client, network)
    ended = Membership.objects.get(network=network, organisation__name="Caritas Nettetal")
    ended.status = Membership.Status.LEFT
    ended.save()
    get_pdf(client, network)
    assert len(renders) == 3
    # Back to what the first PDF showed: that one is still in the cache.
    ended.status = Membership.Status.ACTIVE
    ended.save()
    Membership.objects.filter(organisation__name="AWO Viersen").update(status="left")
    get_pdf(client, network)
    assert len(renders) == 3


def test_each_language_has_its_own_pdf(client, network, renders):
    get_pdf(client, network, HTTP_ACCEPT_LANGUAGE="de")
    client.cookies["portal_language"] = "en"
    get_pdf(client, network)
    assert len(renders) == 2
