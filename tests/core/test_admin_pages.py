"""The Django admin pages a site admin uses pass axe-core (WCAG 2.1 AA) in a real browser."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import AgendaItem, DatePoll, DatePollAnswer, DatePollSlot
from tests.factories import (
    MeetingFactory,
    NetworkFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.support.browser import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_pages_for_meetings_registrations_and_polls_are_accessible(page, site_url, axe_check):
    network = NetworkFactory(name="Netzwerk Frühe Hilfen Viersen")
    meeting = MeetingFactory(network=network, title="Netzwerktreffen Herbst", capacity=20)
    RegistrationFactory(
        meeting=meeting, user=UserFactory(name="Nora Normal"), organisation=OrganisationFactory()
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Begrüßung")
    poll = DatePoll.objects.create(network=network, title="Terminfindung Frühjahr")
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    slot = DatePollSlot.objects.create(poll=poll, start=start, end=start + timedelta(hours=2))
    DatePollSlot.objects.create(
        poll=poll, start=start + timedelta(days=1), end=start + timedelta(days=1, hours=2)
    )
    DatePollAnswer.objects.create(slot=slot, user=UserFactory(name="Paul Plan"), answer="yes")
    admin = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)

    log_in(page, site_url, admin)
    for path, heading in [
        ("/admin/", "Website-Verwaltung"),
        ("/admin/meetings/meeting/", "Treffen zur Änderung auswählen"),
        ("/admin/meetings/registration/", "Anmeldung zur Änderung auswählen"),
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_text(heading)
        axe_check(page)
    # Change forms load Django's forms.css, which @imports widgets.css (see axe_violations).
    for path, heading in [
        (f"/admin/meetings/meeting/{meeting.pk}/change/", "Treffen ändern"),
        (f"/admin/meetings/datepoll/{poll.pk}/change/", "Terminfindung ändern"),
        (f"/admin/network/network/{network.pk}/change/", "Netzwerk ändern"),
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_text(heading)
        axe_check(page, cssom=False)
