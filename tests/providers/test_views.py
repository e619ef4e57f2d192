"""Views not covered by the journey: offers, join requests, invitation links, my organisations."""

from urllib.parse import quote

import pytest

from providers import services
from providers.models import JoinRequest, Offer, OrganisationMember

from .factories import MemberFactory, OfferFactory, OrganisationFactory, UserFactory, target_group

ADMIN = OrganisationMember.Role.ADMIN


@pytest.fixture
def alice_member(db):
    org = OrganisationFactory(name="Kinderschutzbund Willich", slug="ksb-willich")
    return MemberFactory(organisation=org, role=ADMIN, user__name="Alice")


def test_the_admin_edits_and_deletes_an_offer(client, alice_member):
    org = alice_member.organisation
    offer = OfferFactory(organisation=org, title="Elternkurs")
    client.force_login(alice_member.user)
    response = client.post(
        f"/providers/{org.slug}/offers/{offer.pk}/edit/",
        {
            "title": "Elternkurs „Starke Eltern“",
            "target_groups": [target_group("parents").pk],
            "age_from": "",
            "age_to": "",
            "is_free": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Elternkurs „Starke Eltern“"
    assert list(offer.target_groups.values_list("slug", flat=True)) == ["parents"]

    confirm = client.get(f"/providers/{org.slug}/offers/{offer.pk}/delete/")
    assert "löschen?" in confirm.content.decode()
    client.post(f"/providers/{org.slug}/offers/{offer.pk}/delete/")
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_an_inverted_age_range_is_shown_next_to_the_field_and_input_is_kept(client, alice_member):
    org = alice_member.organisation
    client.force_login(alice_member.user)
    response = client.post(
        f"/providers/{org.slug}/offers/new/",
        {"title": "Spielgruppe", "age_from": "6", "age_to": "3", "is_active": "on"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Das Höchstalter darf nicht unter dem Mindestalter liegen." in html
    assert 'value="Spielgruppe"' in html
    assert not Offer.objects.filter(title="Spielgruppe").exists()


def test_an_offer_of_another_organisation_is_404_for_the_admin(client, alice_member):
    foreign = OfferFactory()
    client.force_login(alice_member.user)
    url = f"/providers/{alice_member.organisation.slug}/offers/{foreign.pk}/edit/"
    assert client.get(url).status_code == 404


def test_ask_to_join_and_the_admin_accepts_on_the_people_page(client, alice_member):
    org = alice_member.organisation
    erik = UserFactory(name="Erik Einsteiger")
    client.force_login(erik)
    client.post(f"/providers/{org.slug}/join/", {"message": "Ich arbeite im Team Anrath."})
    page = client.get(f"/providers/{org.slug}/").content.decode()
    assert "wartet auf die Entscheidung" in page

    client.force_login(alice_member.user)
    people = client.get(f"/providers/{org.slug}/people/").content.decode()
    assert "Erik Einsteiger" in people and "Team Anrath" in people
    join_request = JoinRequest.objects.get(user=erik)
    client.post(f"/providers/{org.slug}/requests/{join_request.pk}/accept/")
    assert org.members.filter(user=erik).exists()
    assert (
        client.post(f"/providers/{org.slug}/requests/{join_request.pk}/maybe/").status_code == 404
    )


def test_a_broken_invitation_link_explains_itself(client, db):
    response = client.get("/providers/invitations/kaputt/")
    assert response.status_code == 410
    assert "Einladungslink ist ungültig" in response.content.decode()


def test_an_invitation_asks_anonymous_visitors_to_log_in_or_sign_up(client, alice_member):
    invitation = services.member_invite(
        organisation=alice_member.organisation, by=alice_member.user, email="ben@example.org"
    )
    url = f"/providers/invitations/{services.invitation_token(invitation)}/"
    html = client.get(url).content.decode()
    assert "ben@example.org" in html
    assert f"/accounts/signup/?next={quote(url, safe='/')}" in html

    # Someone else logged in cannot take it.
    client.force_login(UserFactory(email="mallory@example.org"))
    response = client.post(url, follow=True)
    assert "ging an ben@example.org" in response.content.decode()
    assert alice_member.organisation.members.count() == 1


def test_my_organisations_lists_memberships_and_invitations(client, alice_member):
    ben = UserFactory(email="ben@example.org")
    services.member_invite(
        organisation=OrganisationFactory(name="Stadtjugendamt Viersen"),
        by=alice_member.user,
        email="ben@example.org",
    )
    MemberFactory(user=ben, organisation=alice_member.organisation, function_title="Beratung")
    client.force_login(ben)
    html = client.get("/providers/mine/").content.decode()
    assert "Kinderschutzbund Willich" in html and "Beratung" in html
    assert "Einladung zu Stadtjugendamt Viersen" in html


def test_my_organisations_needs_a_login(client, db):
    assert client.get("/providers/mine/").status_code == 302


def test_registering_requires_a_name_and_keeps_the_input(client, db):
    client.force_login(UserFactory())
    response = client.post("/providers/register/", {"name": "", "city": "Tönisvorst"})
    assert response.status_code == 200
    assert 'value="Tönisvorst"' in response.content.decode()
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
