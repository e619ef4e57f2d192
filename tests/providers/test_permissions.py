"""Acceptance 2: who may change an organisation.

alice is admin of Träger Nettetal, carol works there as staff, bob is admin of another
organisation and probes Träger Nettetal's edit URLs.
"""

import pytest

from providers.models import OrganisationMember
from tests.factories import PASSWORD

from .factories import MemberFactory, OfferFactory, OrganisationFactory, UserFactory

ADMIN = OrganisationMember.Role.ADMIN


@pytest.fixture
def world(db):
    org = OrganisationFactory(name="Träger Nettetal", slug="traeger-nettetal")
    alice = MemberFactory(organisation=org, role=ADMIN, user__name="Alice").user
    carol_member = MemberFactory(organisation=org, user__name="Carol")
    bob = MemberFactory(role=ADMIN, user__name="Bob").user
    offer = OfferFactory(organisation=org, title="Elterncafé")
    return {
        "org": org,
        "alice": alice,
        "carol": carol_member.user,
        "carol_member": carol_member,
        "alice_member": org.members.get(user=alice),
        "bob": bob,
        "offer": offer,
    }


def edit_urls(w):
    slug, offer, carol = w["org"].slug, w["offer"].pk, w["carol_member"].pk
    return [
        f"/providers/{slug}/edit/",
        f"/providers/{slug}/people/",
        f"/providers/{slug}/people/invite/",
        f"/providers/{slug}/people/{carol}/",
        f"/providers/{slug}/people/{carol}/remove/",
        f"/providers/{slug}/people/{carol}/hand-over/",
        f"/providers/{slug}/offers/new/",
        f"/providers/{slug}/offers/{offer}/edit/",
        f"/providers/{slug}/offers/{offer}/delete/",
    ]


def test_the_admin_may_open_every_edit_page(client, world):
    client.force_login(world["alice"])
    for url in edit_urls(world):
        assert client.get(url).status_code == 200, url


def test_staff_members_get_403_on_edit_pages_and_change_nothing(client, world):
    client.force_login(world["carol"])
    for url in edit_urls(world):
        assert client.get(url).status_code == 403, url
    response = client.post(
        f"/providers/{world['org'].slug}/edit/", {"name": "Gekapert", "kind": "provider"}
    )
    assert response.status_code == 403
    response = client.post(f"/providers/{world['org'].slug}/offers/{world['offer'].pk}/delete/")
    assert response.status_code == 403
    world["org"].refresh_from_db()
    assert world["org"].name == "Träger Nettetal"
    assert world["offer"].__class__.objects.filter(pk=world["offer"].pk).exists()


def test_the_admin_of_another_organisation_gets_404_on_edit_urls(client, world):
    client.force_login(world["bob"])
    # The organisation is public, so bob may read its page …
    assert client.get(f"/providers/{world['org'].slug}/").status_code == 200
    # … but its edit URLs do not exist for him.
    for url in edit_urls(world):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    invitation_withdraw = f"/providers/{world['org'].slug}/people/invitations/1/withdraw/"
    assert client.post(invitation_withdraw).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    response = client.get(f"/providers/{world['org'].slug}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_last_admin_cannot_leave(client, world):
    client.force_login(world["alice"])
    response = client.post(f"/providers/{world['org'].slug}/leave/", follow=True)
    assert "mindestens" in response.content.decode()
    assert world["org"].members.filter(user=world["alice"], role=ADMIN).exists()


def test_the_last_admin_cannot_be_removed_by_a_site_admin(client, world):
    site_admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(site_admin)
    url = f"/providers/{world['org'].slug}/people/{world['alice_member'].pk}/remove/"
    response = client.post(url, follow=True)
    assert "mindestens" in response.content.decode()
    assert world["org"].members.filter(user=world["alice"], role=ADMIN).exists()


def test_the_last_admin_cannot_demote_themselves(client, world):
    client.force_login(world["alice"])
    url = f"/providers/{world['org'].slug}/people/{world['alice_member'].pk}/"
    response = client.post(url, {"role": "staff", "function_title": "Leitung", "phone": ""})
    assert response.status_code == 200
    assert "mindestens" in response.content.decode()
    world["alice_member"].refresh_from_db()
    assert world["alice_member"].role == ADMIN


def test_a_staff_member_may_leave(client, world):
    client.force_login(world["carol"])
    response = client.post(f"/providers/{world['org'].slug}/leave/")
    assert response.status_code == 302
    assert not world["org"].members.filter(user=world["carol"]).exists()


def test_an_outsider_cannot_leave_what_they_do_not_belong_to(client, world):
    client.force_login(world["bob"])
    assert client.post(f"/providers/{world['org'].slug}/leave/").status_code == 404


def test_the_admin_removes_a_colleague_after_confirming(client, world):
    client.force_login(world["alice"])
    url = f"/providers/{world['org'].slug}/people/{world['carol_member'].pk}/remove/"
    confirm = client.get(url)
    assert "Carol entfernen?" in confirm.content.decode()
    assert world["org"].members.filter(user=world["carol"]).exists()
    client.post(url)
    assert not world["org"].members.filter(user=world["carol"]).exists()


def test_an_unlisted_organisation_is_404_for_outsiders(client, world):
    world["org"].is_public = False
    world["org"].save()
    assert client.get(f"/providers/{world['org'].slug}/").status_code == 404
    client.force_login(world["bob"])
    assert client.get(f"/providers/{world['org'].slug}/").status_code == 404
    client.force_login(world["carol"])
    assert client.get(f"/providers/{world['org'].slug}/").status_code == 200


def test_handing_over_the_admin_role_asks_for_the_password_again(client, world):
    org, alice, carol_member = world["org"], world["alice"], world["carol_member"]
    url = f"/providers/{org.slug}/people/{carol_member.pk}/hand-over/"
    client.force_login(alice)  # a session without a recent password entry
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    carol_member.refresh_from_db()
    assert carol_member.role == OrganisationMember.Role.STAFF

    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.post(url)
    carol_member.refresh_from_db()
    assert carol_member.role == ADMIN
