"""Issue 13, acceptance 1: a date poll that reaches people, in a browser.

A coordinator opens a poll for a network; each member's mail has a personal link; two
members answer without logging in, one after logging in; the fourth gets the reminder
(beat's tick, with the clock set by the test); the coordinator closes the poll, everyone gets
the chosen date, and the meeting is created and published in one more step.
"""

import re
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from meetings import poll_links
from meetings.models import DatePoll, DatePollAnswer, Meeting
from notifications.reminders import send_due_reminders
from tests.support.browser import log_in, submit

LINK = re.compile(r"https?://\S+/meetings/polls/answer/\S+/")


def visit(page, axe_check, path):
    page.goto(path)
    axe_check(page)


def answer(page, poll, choices, comment=""):
    for slot, choice in zip(poll.slots.order_by("start"), choices, strict=True):
        page.check(f"input[name=slot_{slot.pk}][value={choice}]")
    if comment:
        page.fill("[name=comment]", comment)
    submit(page, "main form button[type=submit]")


def mails_to(address, subject_part):
    return [m for m in mail.outbox if m.to == [address] and subject_part in m.subject]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_date_poll_journey(page, axe_check, site_url, world):
    day = timezone.localdate() + timedelta(days=20)
    closes = (timezone.localtime() + timedelta(days=6)).replace(second=0, microsecond=0)
    members = {
        "dave@example.org": world.member,
        "olga@example.org": world.org_admin,
        "paul@example.org": world.colleague,
        "carol@example.org": world.contact,
    }

    # The coordinator opens a poll for the network, with three proposed dates.
    log_in(page, site_url, world.coordinator)
    visit(page, axe_check, "/meetings/polls/")
    visit(page, axe_check, "/meetings/polls/new/")
    page.select_option("[name=network]", str(world.network.pk))
    page.fill("[name=title]", "Netzwerktreffen Frühjahr")
    page.check("input[name=audience][value=network]")
    page.fill(
        "[name=dates]",
        f"{day:%d.%m.%Y} 14:00–16:00\n"
        f"{day + timedelta(days=1):%d.%m.%Y} 9:30–12:00\n"
        f"{day + timedelta(days=7):%d.%m.%Y}",
    )
    page.fill("[name=closes_at]", closes.strftime("%Y-%m-%dT%H:%M"))
    submit(page, "main button[type=submit]")
    axe_check(page)
    poll = DatePoll.objects.get(title="Netzwerktreffen Frühjahr")
    assert page.url.endswith(f"/meetings/polls/{poll.pk}/")
    assert poll.slots.count() == 3 and poll.reminder_hours == 48

    # Each member's mail has a personal link, one per person.
    links = {}
    for address in members:
        (invitation_mail,) = mails_to(address, "Terminfindung")
        (link,) = set(LINK.findall(invitation_mail.body))
        links[address] = urlsplit(link).path
        assert "Europe/Berlin" in invitation_mail.body
    assert len(set(links.values())) == 4
    assert not [m for m in mail.outbox if m.to == [world.outsider.email]]

    # Two members answer with their link, without logging in.
    page.context.clear_cookies()
    visit(page, axe_check, links["dave@example.org"])
    assert page.locator("h1").inner_text() == "Netzwerktreffen Frühjahr"
    assert page.get_by_text("Europe/Berlin").count() >= 1
    answer(page, poll, ["yes", "yes", "no"], comment="Am liebsten nachmittags")
    axe_check(page)
    visit(page, axe_check, links["olga@example.org"])
    answer(page, poll, ["maybe", "yes", "no"])
    axe_check(page)

    # One member logs in, finds the poll on the overview and answers there.
    log_in(page, site_url, world.colleague)
    visit(page, axe_check, "/dashboard/")
    page.get_by_role("link", name="Netzwerktreffen Frühjahr").click()
    page.wait_for_url(f"**/meetings/polls/{poll.pk}/")
    axe_check(page)
    answer(page, poll, ["no", "yes", "maybe"])
    axe_check(page)
    visit(page, axe_check, "/dashboard/")
    assert page.get_by_role("link", name="Netzwerktreffen Frühjahr").count() == 0
    assert DatePollAnswer.objects.filter(slot__poll=poll).count() == 9

    # Beat's reminder tick, two days before the poll closes: only Carol has not answered.
    before = len(mail.outbox)
    reminder_time = closes - timedelta(hours=47)
    with mock.patch("django.utils.timezone.now", lambda: reminder_time):
        send_due_reminders()
        send_due_reminders()
    reminders = [m for m in mail.outbox[before:] if "Erinnerung" in m.subject]
    assert [m.to for m in reminders] == [["carol@example.org"]]
    token = urlsplit(LINK.findall(reminders[0].body)[0]).path.split("/")[-2]
    assert poll_links.invitation_from_token(token).user == world.contact

    # The coordinator sees who answered, per organisation, and the dates ranked.
    log_in(page, site_url, world.coordinator)
    visit(page, axe_check, "/dashboard/")
    assert page.get_by_text("3 von 4 geantwortet").count() == 1
    visit(page, axe_check, f"/meetings/polls/{poll.pk}/")
    assert page.get_by_text("3 von 4 Gefragten haben geantwortet (75 %).").count() == 1
    assert page.get_by_text("Am liebsten nachmittags").count() == 1
    best = poll.slots.order_by("start")[1]  # three yes
    first_row = page.locator("main table").first.locator("tbody tr").first
    assert best.label in first_row.inner_text()

    # … revokes one personal link (a mail went to a shared mailbox, say).
    carol = poll.invitations.get(user=world.contact)
    page.get_by_role("link", name="Link von Carol sperren").click()
    page.wait_for_url(f"**/meetings/polls/{poll.pk}/links/{carol.pk}/revoke/")
    axe_check(page)
    submit(page, "main form button[type=submit]")
    axe_check(page)
    assert Client().get(links["carol@example.org"]).status_code == 404

    # … closes it with the best date: everyone asked gets the date.
    page.get_by_role("link", name="Termin festlegen und Terminfindung abschließen").click()
    page.wait_for_url(f"**/meetings/polls/{poll.pk}/close/")
    axe_check(page)
    assert page.locator("input[name=slot]:checked").get_attribute("value") == str(best.pk)
    before = len(mail.outbox)
    submit(page, "main form button[type=submit]")
    axe_check(page)
    closed = mail.outbox[before:]
    assert sorted(m.to[0] for m in closed) == sorted(members)
    assert all(best.label in m.body for m in closed)
    poll.refresh_from_db()
    assert poll.status == DatePoll.Status.CLOSED and poll.chosen_slot == best

    # … and creates and publishes the meeting in one more step: the poll's audience is invited.
    before = len(mail.outbox)
    submit(page, "button[name=publish][value='1']")
    axe_check(page)
    meeting = Meeting.objects.get(title="Netzwerktreffen Frühjahr")
    assert page.url.endswith(f"/meetings/{meeting.pk}/")
    assert meeting.status == Meeting.Status.PUBLISHED
    assert (meeting.start, meeting.end) == (best.start, best.end)
    assert set(meeting.invitations.values_list("user__email", flat=True)) == set(members)
    assert sorted(m.to[0] for m in mail.outbox[before:]) == sorted(members)

    # The personal links die with the poll (410 Gone: checked without the browser, which
    # reports every 4xx answer as a console error).
    assert Client().get(links["dave@example.org"]).status_code == 410
