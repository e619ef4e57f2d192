"""Circulars: the audience, sending once, opt-outs and the mandatory setting, the archive."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from circulars import selectors, services
from circulars.models import Circular
from core.models import AuditEvent
from meetings.models import MeetingKind
from network.models import WorkingGroup
from tests.meetings.factories import (
    MeetingFactory,
    NetworkFactory,
    RegistrationFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def county():
    county = NetworkFactory(name="Frühe Hilfen Hochsauerlandkreis", contact_email="")
    town = NetworkFactory(name="Frühe Hilfen Olsberg", parent=county)
    coordinator = UserFactory(name="Kira Koordination", email="kira@example.org")
    county.coordinators.add(coordinator)
    return {
        "county": county,
        "town": town,
        "coordinator": coordinator,
        "anna": member_of(county, name="Anna"),
        "bert": member_of(town, name="Bert"),
    }


def _send(world, django_capture_on_commit_callbacks, **fields):
    data = {
        "subject": "Fachtag Kinderschutz",
        "text": "Liebe Kolleginnen,\n\n**bitte** vormerken.",
        "audience": Circular.Audience.NETWORK,
        **fields,
    }
    draft = services.circular_draft_save(network=world["county"], by=world["coordinator"], **data)
    with django_capture_on_commit_callbacks(execute=True):
        return services.circular_send(circular=draft, by=world["coordinator"])


def test_a_circular_with_subnetworks_reaches_each_representative_once(
    county, django_capture_on_commit_callbacks
):
    outsider = member_of(NetworkFactory(name="Anderes Netzwerk"), name="Olga")
    circular = _send(
        county,
        django_capture_on_commit_callbacks,
        audience=Circular.Audience.WITH_SUBNETWORKS,
        attachments=[SimpleUploadedFile("einladung.pdf", b"%PDF-1.4 x")],
    )

    to = sorted(message.to[0] for message in mail.outbox)
    assert to == ["anna@example.org", "bert@example.org"]
    assert outsider.email not in to
    message = mail.outbox[0]
    assert message.extra_headers["Reply-To"] == "kira@example.org"
    assert message.subject == "[Frühe Hilfen Hochsauerlandkreis] Fachtag Kinderschutz"
    assert "einladung.pdf" in message.body
    assert circular.get_absolute_url() in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert (circular.recipient_count, circular.organisation_count) == (2, 2)
    event = AuditEvent.objects.get(action="circular.sent")
    assert event.actor == county["coordinator"]


def test_only_the_network_itself_without_subnetworks(county, django_capture_on_commit_callbacks):
    _send(county, django_capture_on_commit_callbacks)
    assert [message.to[0] for message in mail.outbox] == ["anna@example.org"]


def test_reply_to_is_the_network_contact_address_when_set(
    county, django_capture_on_commit_callbacks
):
    county["county"].contact_email = "fruehehilfen@example.org"
    county["county"].save()
    _send(county, django_capture_on_commit_callbacks)
    assert mail.outbox[0].extra_headers["Reply-To"] == "fruehehilfen@example.org"


def test_a_circular_is_sent_once(county, django_capture_on_commit_callbacks):
    circular = _send(county, django_capture_on_commit_callbacks)
    with pytest.raises(services.CircularError):
        services.circular_send(circular=circular, by=county["coordinator"])
    assert len(mail.outbox) == 1


def test_working_group_and_meeting_registrants(county, django_capture_on_commit_callbacks):
    group = WorkingGroup.objects.create(network=county["county"], name="AG Elternbildung")
    group.members.add(county["bert"])
    _send(
        county,
        django_capture_on_commit_callbacks,
        audience=Circular.Audience.WORKING_GROUP,
        working_group=group,
    )
    assert [message.to[0] for message in mail.outbox] == ["bert@example.org"]

    mail.outbox.clear()
    meeting = MeetingFactory(network=county["county"], status="published")
    guest = UserFactory(name="Gast", email="gast@example.org")
    RegistrationFactory(meeting=meeting, user=guest)
    _send(
        county,
        django_capture_on_commit_callbacks,
        audience=Circular.Audience.MEETING,
        meeting=meeting,
    )
    assert [message.to[0] for message in mail.outbox] == ["gast@example.org"]


def test_a_case_conference_is_never_an_audience(county):
    conference = MeetingFactory(
        network=county["county"], kind=MeetingKind.CASE_CONFERENCE, status="published"
    )
    assert conference not in selectors.meetings_to_address(county["county"])
    with pytest.raises(services.CircularError):
        services.circular_draft_save(
            network=county["county"],
            by=county["coordinator"],
            subject="x",
            text="y",
            audience=Circular.Audience.MEETING,
            meeting=conference,
        )


def test_opt_out_is_honoured_unless_mandatory(county, django_capture_on_commit_callbacks):
    services.circulars_switch(user=county["anna"], network=county["county"], receive=False)
    with pytest.raises(services.CircularError):
        _send(county, django_capture_on_commit_callbacks)  # nobody left
    assert mail.outbox == []

    services.circular_settings_update(
        network=county["county"], by=county["coordinator"], mandatory=True
    )
    _send(county, django_capture_on_commit_callbacks)
    assert [message.to[0] for message in mail.outbox] == ["anna@example.org"]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    with pytest.raises(services.CircularError):
        services.circulars_switch(user=county["anna"], network=county["county"], receive=False)


def test_the_unsubscribe_link_switches_off_one_network_unless_mandatory(
    client, county, django_capture_on_commit_callbacks
):
    from notifications.unsubscribe import circular_kind, unsubscribe_token

    token = unsubscribe_token(county["anna"], circular_kind(county["county"].pk))
    url = f"/notifications/unsubscribe/{token}/"
    services.circular_settings_update(
        network=county["county"], by=county["coordinator"], mandatory=True
    )
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert "verpflichtend" in response.content.decode(), response.content.decode()[-3000:]
    assert not selectors.opted_out_network_ids(county["anna"])

    services.circular_settings_update(
        network=county["county"], by=county["coordinator"], mandatory=False
    )
    assert "Frühe Hilfen Hochsauerlandkreis" in client.get(url).content.decode()
    client.post(url, {"List-Unsubscribe": "One-Click"})
    assert selectors.opted_out_network_ids(county["anna"]) == {county["county"].pk}


def test_the_settings_page_switches_circulars_per_network(client, county):
    client.force_login(county["bert"])
    html = client.get("/notifications/settings/").content.decode()
    assert "Frühe Hilfen Olsberg" in html and "Frühe Hilfen Hochsauerlandkreis" in html

    services.circular_settings_update(
        network=county["county"], by=county["coordinator"], mandatory=True
    )
    form = {
        "meeting_reminders": "on",
        f"circulars-{county['county'].pk}": "",  # ignored: mandatory
    }
    client.post("/notifications/settings/", form)
    assert selectors.opted_out_network_ids(county["bert"]) == {county["town"].pk}


def test_deleting_the_senders_account_erases_their_address_and_keeps_the_archive(
    county, django_capture_on_commit_callbacks
):
    from core.privacy import account_delete

    county["county"].coordinators.add(UserFactory(name="Zweite Koordination"))
    circular = _send(county, django_capture_on_commit_callbacks)
    account_delete(user=county["coordinator"])
    circular.refresh_from_db()
    assert (circular.reply_to, circular.created_by) == ("", None)
    assert circular.recipients.count() == 1


def test_the_site_admin_reads_circulars_and_sets_a_network_mandatory(
    client, county, django_capture_on_commit_callbacks
):
    circular = _send(county, django_capture_on_commit_callbacks)
    admin = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert "Fachtag Kinderschutz" in client.get("/admin/circulars/circular/").content.decode()
    page = client.get(f"/admin/circulars/circular/{circular.pk}/change/")
    assert page.status_code == 200
    assert client.get("/admin/circulars/networkcircularsettings/add/").status_code == 200
