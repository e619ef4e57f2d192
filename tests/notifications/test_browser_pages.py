"""The notification pages in a real browser: delivery view, settings, personal RSVP link,
one-click unsubscribe."""

import pytest
from django.core import mail

from meetings import services as meeting_services
from meetings.models import Registration
from notifications import mails
from notifications.models import NotificationSettings
from notifications.outbox import mail_enqueue_many
from tests.support.browser import log_in, submit

from .factories import MeetingFactory, NetworkFactory, UserFactory, add_member_organisation
from .helpers import parse, rsvp_path, unsubscribe_path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_delivery_settings_and_rsvp_pages(page, axe_check, site_url):
    network = NetworkFactory()
    kim = UserFactory(email="kim@example.org", name="Kim Koordination")
    network.coordinators.add(kim)
    _, (dana,) = add_member_organisation(network, people=1)
    meeting = MeetingFactory(network=network, contact_person=kim, title="Netzwerktreffen")
    mail.outbox.clear()
    meeting_services.meeting_publish(meeting=meeting, by=kim)
    (invitation,) = [m for m in mail.outbox if m.to == [dana.email]]

    # Dana answers from the mail without logging in.
    page.goto(rsvp_path(parse(invitation.message().as_bytes())))
    axe_check(page)
    submit(page, "main button[type=submit][value=register]")
    axe_check(page)
    assert Registration.objects.get(meeting=meeting, user=dana).status == "registered"

    # Dana stops the notices about minutes with the link of such a mail, without logging in.
    mail_enqueue_many([mails.minutes_published_mail(meeting, dana)])
    (notice,) = [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]
    page.goto(unsubscribe_path(parse(notice.message().as_bytes())))
    axe_check(page)
    submit(page, "main button[type=submit]")
    assert page.inner_text("h1") == "Abbestellt"
    axe_check(page)
    assert NotificationSettings.objects.get(user=dana).minutes_notices is False

    # Kim sees who answered.
    log_in(page, site_url, kim)
    page.goto(f"/notifications/meetings/{meeting.pk}/delivery/")
    assert dana.email in page.inner_text("main")
    axe_check(page)

    # Dana switches reminders off.
    log_in(page, site_url, dana)
    page.goto("/notifications/settings/")
    axe_check(page)
    page.get_by_label("Erinnerungen vor Treffen und Anmeldeschlüssen").uncheck()
    submit(page, "main button[type=submit]")
    axe_check(page)
    assert NotificationSettings.objects.get(user=dana).meeting_reminders is False
