"""The people pickers (issue 12): a search field with suggestions instead of a select of every
person, served by the portal, access-checked, and usable without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Invitation, Meeting, Registration
from tests.support.browser import log_in, submit

from .factories import MeetingFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(world):
    """Thirty people in the network, three of them called Brandt, and a Brandt outside it."""
    people = [member_of(world.network, name=f"Mitglied {n:02}") for n in range(27)]
    brandts = [member_of(world.network, name=f"Kim Brandt {n}") for n in range(3)]
    outsider = member_of(world.other_network, name="Karl Brandt")
    return people, brandts, outsider


def past_meeting(world):
    start = timezone.now() - timedelta(days=1)
    return MeetingFactory(network=world.network, start=start, end=start + timedelta(hours=2))


def picker_url(meeting, field, query, *chosen):
    chosen_params = "".join(f"&{field}={pk}" for pk in chosen)
    return f"/meetings/people/?meeting={meeting.pk}&field={field}&{field}_q={query}{chosen_params}"


def test_the_minutes_page_lists_nobody_until_searched(client, world, crowd):
    people, _brandts, _outsider = crowd
    meeting = past_meeting(world)
    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{meeting.pk}/minutes/").content.decode()
    assert "Mitglied 05" not in page
    assert 'type="search"' in page and 'name="person_q"' in page
    assert f'hx-get="/meetings/people/?meeting={meeting.pk}&amp;field=person' in page


def test_suggestions_offer_only_matching_people_of_the_network(client, world, crowd):
    _people, brandts, outsider = crowd
    meeting = past_meeting(world)
    client.force_login(world.coordinator)
    response = client.get(picker_url(meeting, "person", "brandt"))
    html = response.content.decode()
    assert response.status_code == 200
    for brandt in brandts:
        assert f'value="{brandt.pk}"' in html
    assert outsider.name not in html
    assert "3 Personen gefunden" in html


def test_suggestions_keep_the_chosen_people_and_exclude_the_invited(client, world, crowd):
    _people, brandts, _outsider = crowd
    meeting = MeetingFactory(network=world.network)
    Invitation.objects.create(meeting=meeting, user=brandts[0])
    client.force_login(world.coordinator)
    html = client.get(picker_url(meeting, "people", "brandt", brandts[1].pk)).content.decode()
    assert f'value="{brandts[0].pk}"' not in html  # already invited
    chosen = brandts[1].pk
    assert f'name="people" id="id_people-{chosen}" value="{chosen}" checked' in html
    assert f'value="{brandts[2].pk}"' in html


def test_suggestions_are_limited(client, world, crowd):
    meeting = past_meeting(world)
    client.force_login(world.coordinator)
    html = client.get(picker_url(meeting, "person", "mitglied")).content.decode()
    assert html.count('type="radio"') == 20
    assert "Mehr als 20" in html


def test_suggestions_are_for_those_who_manage_the_meeting(client, world, crowd):
    meeting = past_meeting(world)
    client.force_login(world.member)
    assert client.get(picker_url(meeting, "person", "brandt")).status_code == 403
    client.force_login(world.outsider)
    assert client.get(picker_url(meeting, "person", "brandt")).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(picker_url(meeting, "unknown", "brandt")).status_code == 404
    # A new meeting's contact person: by network, for its coordinators only.
    url = (
        f"/meetings/people/?network={world.network.pk}&field=contact_person&contact_person_q=brandt"
    )
    assert client.get(url).status_code == 200
    client.force_login(world.member)
    assert client.get(url).status_code == 403


def test_without_javascript_search_then_pick_the_walk_in(client, world, crowd):
    _people, brandts, _outsider = crowd
    meeting = past_meeting(world)
    client.force_login(world.coordinator)
    response = client.post(
        f"/meetings/{meeting.pk}/minutes/", {"person_q": "brandt 2", "person_search": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'type="radio" name="person" id="id_person-{brandts[2].pk}"' in html
    assert "1 Person gefunden" in html
    client.post(f"/meetings/{meeting.pk}/minutes/attendance/", {"person": brandts[2].pk})
    registration = Registration.objects.get(meeting=meeting, user=brandts[2])
    assert registration.attended is True


def test_without_javascript_the_search_keeps_what_was_typed_and_saves_nothing(client, world, crowd):
    _people, brandts, _outsider = crowd
    meeting = MeetingFactory(network=world.network, title="Vorher")
    client.force_login(world.coordinator)
    page = client.get(f"/meetings/{meeting.pk}/edit/")
    data = {
        key: value
        for key, value in page.context["form"].initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        title="Neuer Titel",
        start=meeting.start.strftime("%Y-%m-%dT%H:%M"),
        end=meeting.end.strftime("%Y-%m-%dT%H:%M"),
        contact_person_q="brandt 1",
        contact_person_search="1",
    )
    response = client.post(f"/meetings/{meeting.pk}/edit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Neuer Titel"' in html
    assert f'value="{brandts[1].pk}"' in html
    assert "is-invalid" not in html
    meeting.refresh_from_db()
    assert meeting.title == "Vorher"


def test_without_javascript_invite_after_searching(client, world, crowd):
    _people, brandts, _outsider = crowd
    meeting = MeetingFactory(network=world.network, status=Meeting.Status.DRAFT)
    client.force_login(world.coordinator)
    url = f"/meetings/{meeting.pk}/invitations/"
    html = client.post(url, {"people_q": "brandt", "people_search": "1"}).content.decode()
    assert f'type="checkbox" name="people" id="id_people-{brandts[0].pk}"' in html
    assert not Invitation.objects.filter(meeting=meeting).exists()
    client.post(url, {"people": [brandts[0].pk, brandts[1].pk]})
    invited = set(Invitation.objects.filter(meeting=meeting).values_list("user_id", flat=True))
    assert invited == {brandts[0].pk, brandts[1].pk}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_offers_suggestions_to_pick_from(page, axe_check, site_url, world):
    brandt = member_of(world.network, name="Kim Brandt")
    member_of(world.other_network, name="Karl Brandt")
    meeting = past_meeting(world)
    log_in(page, site_url, world.coordinator)
    page.goto(f"/meetings/{meeting.pk}/minutes/")
    page.get_by_label("Person, die ohne Anmeldung teilgenommen hat").fill("brandt")
    suggestion = page.get_by_label("Kim Brandt (kim brandt@example.org)")
    suggestion.wait_for()
    assert page.get_by_text("Karl Brandt").count() == 0
    axe_check(page)
    suggestion.check()
    # The choice travels with the next search: it stays chosen, the new matches come below.
    page.get_by_label("Person, die ohne Anmeldung teilgenommen hat").fill("mitglied")
    page.get_by_text("Niemand gefunden").wait_for()
    assert page.get_by_label("Kim Brandt (kim brandt@example.org)").is_checked()
    submit(page, "button.btn-outline-primary:has-text('Zur Anwesenheit hinzufügen')")
    assert Registration.objects.get(meeting=meeting, user=brandt).attended is True


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_inviting_several_people_through_the_suggestions(page, axe_check, site_url, world):
    first = member_of(world.network, name="Lena Albers")
    second = member_of(world.network, name="Lars Albrecht")
    meeting = MeetingFactory(network=world.network, status=Meeting.Status.DRAFT)
    log_in(page, site_url, world.coordinator)
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    axe_check(page)
    search = page.get_by_label("Einzuladende Personen")
    search.fill("lena")
    page.get_by_label("Lena Albers (lena albers@example.org)").check()
    search.fill("albrecht")
    page.get_by_label("Lars Albrecht (lars albrecht@example.org)").check()
    assert page.get_by_label("Lena Albers (lena albers@example.org)").is_checked()
    axe_check(page)
    submit(page, "main button.btn-primary[type=submit]")
    invited = set(Invitation.objects.filter(meeting=meeting).values_list("user_id", flat=True))
    assert invited == {first.pk, second.pk}
