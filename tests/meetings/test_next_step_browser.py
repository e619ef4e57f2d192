"""The meeting page tells a coordinator the meeting's state and the one next step, through
every state: publish → agenda → (registrations) → minutes → publish minutes → next date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingKind
from tests.support.browser import log_in, submit

COORDINATION = "section[aria-labelledby=coordination]"


def _next_step(page):
    """The one primary button of the coordination box: (its path, its text)."""
    buttons = page.locator(f"{COORDINATION} a.btn-primary")
    assert buttons.count() == 1
    return buttons.get_attribute("href"), buttons.inner_text().strip()


def _state(page) -> str:
    return page.locator("#meeting-state").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_coordinator_is_led_through_the_states_of_a_meeting(page, axe_check, site_url, world):
    meeting = services.meeting_create(
        network=world.network,
        by=world.coordinator,
        kind=MeetingKind.NETWORK,
        title="Netzwerktreffen Frühe Hilfen",
        start=timezone.now() + timedelta(days=21),
    )
    base = f"/meetings/{meeting.pk}/"
    log_in(page, site_url, world.coordinator)

    # A draft: publish it. Registration opens then, it is not "closed".
    page.goto(base)
    axe_check(page)
    assert _next_step(page) == (f"{base}publish/", "Veröffentlichen und einladen")
    assert "Anmeldung öffnet mit der Veröffentlichung" in _state(page)
    main = page.locator("main").inner_text()
    assert "Anmeldung öffnet mit der Veröffentlichung." in main
    assert "geschlossen" not in main
    # The other actions are grouped, folded away, and open without JavaScript.
    more = page.locator(f"{COORDINATION} details")
    assert more.locator("summary").inner_text() == "Weitere Aktionen"
    assert not more.locator("a", has_text="Treffen absagen").is_visible()
    more.locator("summary").click()
    assert more.locator("a", has_text="Treffen absagen").is_visible()
    axe_check(page)

    # Publishing names how many people from how many organisations are invited.
    page.click(f"{COORDINATION} a.btn-primary")
    page.wait_for_url(f"**{base}publish/")
    axe_check(page)
    summary = page.locator("main details summary")
    assert summary.inner_text() == "Eingeladen werden: 4 Personen aus 2 Organisationen"
    summary.click()
    assert page.locator("main details li", has_text="Dave").is_visible()
    axe_check(page)
    submit(page, "main button[type=submit]")
    axe_check(page)
    assert "4 Personen aus 2 Organisationen" in page.locator("main").inner_text()

    # Published: the agenda is next.
    assert _next_step(page) == (f"{base}agenda/publish/", "Tagesordnung veröffentlichen")
    page.click(f"{COORDINATION} a.btn-primary")
    axe_check(page)
    submit(page, "main button[type=submit]")
    axe_check(page)
    assert _next_step(page)[0] == f"{base}participants/"
    assert "Nach dem Treffen: Protokoll schreiben" in _state(page)

    # After the meeting: write the minutes, then publish them.
    Meeting.objects.filter(pk=meeting.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )
    page.goto(base)
    axe_check(page)
    assert _next_step(page) == (f"{base}minutes/", "Protokoll schreiben")
    page.click(f"{COORDINATION} a.btn-primary")
    axe_check(page)
    page.fill("[name=minutes]", "Alle Träger waren vertreten.")
    submit(page, "main form:first-of-type button[type=submit]")
    page.goto(base)
    axe_check(page)
    assert _next_step(page) == (f"{base}minutes/publish/", "Protokoll veröffentlichen")
    page.click(f"{COORDINATION} a.btn-primary")
    axe_check(page)
    submit(page, "main button[type=submit]")
    page.goto(base)
    axe_check(page)
    assert _next_step(page) == (f"{base}next/", "Nächsten Termin anlegen")
    assert "abgeschlossen" in _state(page)
