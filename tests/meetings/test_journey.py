"""Acceptance 1: from scheduling to the measure on the next meeting's agenda, in a browser."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, Meeting, Registration
from network.models import Measure
from tests.support.browser import log_in, submit


def visit(page, axe_check, path):
    page.goto(path)
    axe_check(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_meeting_journey(page, axe_check, site_url, world):
    start = (timezone.localtime() + timedelta(days=21)).replace(
        hour=15, minute=0, second=0, microsecond=0
    )

    # The coordinator schedules a meeting from the network-meeting template.
    log_in(page, site_url, world.coordinator)
    visit(page, axe_check, "/meetings/manage/")
    visit(page, axe_check, "/meetings/new/")
    page.select_option("[name=network]", str(world.network.pk))
    page.select_option("[name=kind]", "network")
    submit(page, "main button[type=submit]")
    axe_check(page)
    page.fill("[name=title]", "Netzwerktreffen Frühe Hilfen")
    page.fill("[name=start]", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("[name=capacity]", "20")
    page.fill("[name=topic_deadline]", (start - timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"))
    submit(page, "main button.btn-primary[type=submit]")  # "Save", not the picker's "Search"
    meeting = Meeting.objects.get(title="Netzwerktreffen Frühe Hilfen")
    assert page.url.endswith(f"/meetings/{meeting.pk}/")
    axe_check(page)
    visit(page, axe_check, f"/meetings/{meeting.pk}/publish/")
    submit(page, "main button[type=submit]")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED

    # A member proposes a topic.
    log_in(page, site_url, world.member)
    visit(page, axe_check, "/meetings/")
    visit(page, axe_check, f"/meetings/{meeting.pk}/")
    visit(page, axe_check, f"/meetings/{meeting.pk}/topics/")
    page.fill("[name=title]", "Vertretung im Notfall")
    page.fill("[name=duration_minutes]", "20")
    submit(page, "main form button[type=submit]")
    axe_check(page)

    # The coordinator accepts it and moves it up the agenda.
    log_in(page, site_url, world.coordinator)
    visit(page, axe_check, f"/meetings/{meeting.pk}/topics/")
    submit(page, "button[name=decision][value=accepted]")
    axe_check(page)
    item = AgendaItem.objects.get(meeting=meeting, title="Vertretung im Notfall")
    last_position = item.position
    visit(page, axe_check, f"/meetings/{meeting.pk}/agenda/")
    submit(page, f"form[action$='/agenda/{item.pk}/move/'] button[value=up]")
    axe_check(page)
    item.refresh_from_db()
    assert item.position == last_position - 1

    # A member registers.
    log_in(page, site_url, world.member)
    visit(page, axe_check, f"/meetings/{meeting.pk}/register/")
    page.fill("[name=notes]", "Rollstuhlgerechter Zugang")
    submit(page, "main button[type=submit]")
    axe_check(page)
    assert Registration.objects.get(meeting=meeting, user=world.member).status == "registered"
    visit(page, axe_check, "/meetings/feed/")

    # The meeting takes place.
    Meeting.objects.filter(pk=meeting.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )

    # The coordinator records attendance and a measure, and publishes the minutes.
    log_in(page, site_url, world.coordinator)
    visit(page, axe_check, f"/meetings/{meeting.pk}/participants/")
    visit(page, axe_check, f"/meetings/{meeting.pk}/minutes/")
    page.fill("[name=minutes]", "Alle Träger waren vertreten.")
    submit(page, "form:has([name=minutes]) button[type=submit]")
    axe_check(page)
    registration = Registration.objects.get(meeting=meeting, user=world.member)
    assert registration.attended is True
    page.fill("[name=title]", "Notfallliste der Träger erstellen")
    # The people picker: type part of the name, pick from the suggestions.
    page.fill("[name=responsible_person_q]", world.member.name)
    page.check(f"[name=responsible_person][value='{world.member.pk}']")
    page.fill("[name=due_date]", (start + timedelta(days=30)).strftime("%Y-%m-%d"))
    submit(page, "form[action$='/minutes/measures/'] button.btn-outline-primary[type=submit]")
    axe_check(page)
    measure = Measure.objects.get(title="Notfallliste der Träger erstellen")
    assert measure.meeting == meeting and measure.responsible_person == world.member
    visit(page, axe_check, f"/meetings/{meeting.pk}/minutes/publish/")
    submit(page, "main button[type=submit]")
    axe_check(page)

    # The next date of the series shows the measure on its agenda.
    visit(page, axe_check, f"/meetings/{meeting.pk}/next/")
    page.select_option("[name=recurrence]", "half_yearly")
    submit(page, "main button[type=submit]")
    axe_check(page)
    following = Meeting.objects.exclude(pk=meeting.pk).get(title=meeting.title)
    assert page.url.endswith(f"/meetings/{following.pk}/")
    assert page.locator("main table").get_by_text("Notfallliste der Träger erstellen").count() == 1

    # The member reads the minutes and gives feedback.
    log_in(page, site_url, world.member)
    visit(page, axe_check, f"/meetings/{meeting.pk}/")
    assert page.get_by_text("Alle Träger waren vertreten.").count() == 1
    visit(page, axe_check, f"/meetings/{meeting.pk}/feedback/")
    page.check("[name=rating][value='4']")
    submit(page, "main button[type=submit]")
    axe_check(page)
    assert meeting.feedback.get().rating == 4
