"""Acceptance 2 of issue 14: an emergency stand-in request posted to two networks is seen by
the members of both and by no one else, answered by one, the poster gets the answer by mail;
after its expiry it no longer appears (clock fixture)."""

from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from core.models import AuditEvent
from pinboard import services
from pinboard.models import Post
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    UserFactory,
)

BERLIN = ZoneInfo("Europe/Berlin")


class Clock:
    def __init__(self, now):
        self.now = now

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    clock = Clock(datetime(2027, 2, 1, 9, 0, tzinfo=BERLIN))
    with mock.patch("django.utils.timezone.now", lambda: clock.now):
        yield clock


def _member(organisation, *, role="staff", name):
    return OrganisationMemberFactory(
        organisation=organisation, user=UserFactory(name=name), role=role
    ).user


@pytest.fixture
def world(db):
    wesel = NetworkFactory(name="Trägerverbund Kreis Wesel", slug="wesel", visibility="members")
    dinslaken = NetworkFactory(name="Frühe Hilfen Dinslaken", slug="dinslaken")
    viersen = NetworkFactory(name="Frühe Hilfen Viersen", slug="viersen")
    poster_org = OrganisationFactory(name="freiraumwohnung GmbH")
    org_wesel = OrganisationFactory(name="KIZ Niederrhein")
    org_dinslaken = OrganisationFactory(name="Lebenshilfe Dinslaken e. V.")
    org_viersen = OrganisationFactory(name="Kinderschutzbund Viersen")
    for network in (wesel, dinslaken):
        MembershipFactory(network=network, organisation=poster_org)
    MembershipFactory(network=wesel, organisation=org_wesel)
    MembershipFactory(network=dinslaken, organisation=org_dinslaken)
    MembershipFactory(network=viersen, organisation=org_viersen)
    coordinator = UserFactory(name="Cora Koordination")
    wesel.coordinators.add(coordinator)
    return {
        "networks": (wesel, dinslaken, viersen),
        "poster_org": poster_org,
        "poster": _member(poster_org, name="Paula Poster"),
        "poster_admin": _member(poster_org, role="admin", name="Anton Admin"),
        "wesel_member": _member(org_wesel, name="Wera Wesel"),
        "dinslaken_member": _member(org_dinslaken, name="Dirk Dinslaken"),
        "viersen_member": _member(org_viersen, name="Vera Viersen"),
        "coordinator": coordinator,
        "no_org": UserFactory(name="Nora Neu"),
    }


def _login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _post_stand_in(client, world):
    wesel, dinslaken, _viersen = world["networks"]
    _login(client, world["poster"])
    response = client.post(
        "/pinboard/new/",
        {
            "organisation": world["poster_org"].pk,
            "networks": [wesel.pk, dinslaken.pk],
            "direction": "request",
            "kind": "stand_in",
            "title": "Vertretung Ambulante Hilfen gesucht",
            "text": "Wegen Krankheit brauchen wir für zwei Wochen Unterstützung.",
            "help_kind": "Ambulante Erziehungshilfe",
            "starts_on": "2027-02-03",
            "ends_on": "2027-02-17",
            "expires_on": "2027-02-20",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return Post.objects.get(title="Vertretung Ambulante Hilfen gesucht")


def test_stand_in_request_reaches_both_networks_and_nobody_else(
    client, world, clock, django_capture_on_commit_callbacks
):
    post = _post_stand_in(client, world)
    wesel, dinslaken, viersen = world["networks"]
    assert post.expires_on == date(2027, 2, 20)

    # Members of both networks see it on their combined board, on the network's board and
    # as a page; the network page links the board.
    for person, network in [
        (world["wesel_member"], wesel),
        (world["dinslaken_member"], dinslaken),
    ]:
        _login(client, person)
        assert post.title in client.get("/pinboard/").content.decode()
        assert post.title in client.get(f"/pinboard/networks/{network.slug}/").content.decode()
        assert client.get(post.get_absolute_url()).status_code == 200
        assert (
            f"/pinboard/networks/{network.slug}/"
            in client.get(network.get_absolute_url()).content.decode()
        )

    # Nobody else: a member of a third network, a person without organisation, a visitor.
    for person in (world["viersen_member"], world["no_org"]):
        _login(client, person)
        assert post.title not in client.get("/pinboard/").content.decode()
        assert client.get(post.get_absolute_url()).status_code == 404
        assert client.get(f"{post.get_absolute_url()}answer/").status_code == 404
    _login(client, world["viersen_member"])
    assert client.get(f"/pinboard/networks/{wesel.slug}/").status_code == 404  # members-only
    assert client.get(f"/pinboard/networks/{dinslaken.slug}/").status_code == 403
    _login(client, None)
    assert client.get(post.get_absolute_url()).status_code == 302  # to the login page
    assert post.title not in client.get(dinslaken.get_absolute_url()).content.decode()

    # One member answers; the poster and the organisation's admin get it by mail, with
    # Reply-To the person who answered.
    _login(client, world["dinslaken_member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{post.get_absolute_url()}answer/",
            {"text": "Wir können ab Mittwoch mit einer Fachkraft aushelfen."},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["poster"].email, world["poster_admin"].email]
    )
    message = mail.outbox[0]
    assert "Wir können ab Mittwoch mit einer Fachkraft aushelfen." in message.body
    assert "Lebenshilfe Dinslaken e. V." in message.body
    assert world["dinslaken_member"].email in message.extra_headers["Reply-To"]
    assert post.title in message.subject

    # The poster sees the answer on the post page; the answering member does not see others'.
    _login(client, world["poster"])
    assert "aushelfen" in client.get(post.get_absolute_url()).content.decode()

    # Expired: gone from every board and the post page, still in the poster's history.
    clock.advance(days=20)  # 21 February 2027
    for person, network in [
        (world["wesel_member"], wesel),
        (world["dinslaken_member"], dinslaken),
    ]:
        _login(client, person)
        assert post.title not in client.get("/pinboard/").content.decode()
        assert post.title not in client.get(f"/pinboard/networks/{network.slug}/").content.decode()
        assert client.get(post.get_absolute_url()).status_code == 404
    _login(client, world["poster"])
    history = client.get(f"/pinboard/organisations/{world['poster_org'].slug}/")
    assert post.title in history.content.decode()
    assert client.get(post.get_absolute_url()).status_code == 200


def test_posting_only_to_own_networks_and_form_warns_about_client_data(client, world, clock):
    _wesel, _dinslaken, viersen = world["networks"]
    _login(client, world["poster"])
    page = client.get("/pinboard/new/").content.decode()
    assert "Keine personenbezogenen Daten" in page
    response = client.post(
        "/pinboard/new/",
        {
            "organisation": world["poster_org"].pk,
            "networks": [viersen.pk],
            "direction": "offer",
            "kind": "job_shadowing",
            "title": "Hospitation",
            "text": "Zwei Plätze",
            "expires_on": "2027-02-20",
        },
    )
    assert response.status_code == 200
    assert not Post.objects.exists()
    # The text typed so far is still there.
    assert "Zwei Plätze" in response.content.decode()


def test_stand_in_needs_a_period(world, clock):
    wesel = world["networks"][0]
    with pytest.raises(services.PinboardError):
        services.post_create(
            organisation=world["poster_org"],
            networks=[wesel],
            by=world["poster"],
            kind=Post.Kind.STAND_IN,
            title="Vertretung",
            text="Bitte melden",
        )


def test_report_reaches_coordinators_and_hiding_is_audited(
    client, world, clock, django_capture_on_commit_callbacks
):
    post = _post_stand_in(client, world)
    wesel = world["networks"][0]
    _login(client, world["wesel_member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{post.get_absolute_url()}report/", {"reason": "Enthält einen Namen."}
        )
    assert response.status_code == 302
    assert [m.to[0] for m in mail.outbox] == [world["coordinator"].email]
    assert "Enthält einen Namen." in mail.outbox[0].body

    # Members cannot hide; the coordinator can, and the audit log of the network records it.
    assert client.get(f"{post.get_absolute_url()}hide/").status_code == 403
    _login(client, world["coordinator"])
    response = client.post(f"{post.get_absolute_url()}hide/", {"reason": "Personenbezug"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="pinboard.post_hidden")
    assert event.network_id == wesel.pk
    assert event.actor == world["coordinator"]
    _login(client, world["wesel_member"])
    assert post.title not in client.get("/pinboard/").content.decode()
    assert client.get(post.get_absolute_url()).status_code == 404


def test_poster_marks_done(client, world, clock):
    post = _post_stand_in(client, world)
    assert client.get(f"{post.get_absolute_url()}done/").status_code == 200  # confirmation
    assert client.post(f"{post.get_absolute_url()}done/").status_code == 302
    _login(client, world["wesel_member"])
    assert post.title not in client.get("/pinboard/").content.decode()
    assert client.get(f"{post.get_absolute_url()}done/").status_code == 404


def test_organisation_page_offers_a_new_post_only_when_the_organisation_may_post(client, world):
    """The organisation page linked "Neuer Beitrag" for an organisation without an active
    membership, and the form answered 403; it now says when posting becomes possible."""
    outsider_org = OrganisationFactory(name="Ambulante Hilfen Niederrhein e. V.")
    outsider = _member(outsider_org, role="admin", name="Tara Träger")
    _login(client, outsider)
    page = client.get(f"/providers/{outsider_org.slug}/").content.decode()
    assert 'href="/pinboard/new/"' not in page
    assert "sobald sie aktives Mitglied eines Netzwerks ist" in page

    _login(client, world["poster"])
    page = client.get(f"/providers/{world['poster_org'].slug}/").content.decode()
    assert 'href="/pinboard/new/"' in page
    assert client.get("/pinboard/new/").status_code == 200
