"""With real parts: a Celery worker subprocess, Redis and an aiosmtpd SMTP server.

The worker works on the same PostgreSQL test database; the test process publishes tasks to
a redis-server of the module's own (not eagerly) and reads what the SMTP server accepted.
"""

import shutil
import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.test import Client

from meetings import services as meeting_services
from meetings.models import Meeting, Registration
from notifications import checks, delivery
from notifications.models import OutgoingMail
from notifications.tasks import outbox_requeue_stale
from tests.support.processes import Beat, PrivateRedis, Worker, publishing_to, smtp_server

from . import worker_settings_quick_sweep
from .factories import MeetingFactory, NetworkFactory, add_member_organisation
from .helpers import attendees, calendar_of, rsvp_path, the_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]

WORKER_SETTINGS = "tests.notifications.worker_settings"


@pytest.fixture(scope="module")
def smtp():
    with smtp_server() as (handler, port):
        yield handler, port


@pytest.fixture
def sink(smtp):
    handler, _port = smtp
    handler.reset()
    return handler


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = PrivateRedis(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def broker(redis_server):
    redis_server.flush()
    with publishing_to(redis_server.url):
        yield redis_server.url


def _worker(broker, smtp, log_path, **options) -> Worker:
    _, port = smtp
    options.setdefault("settings_module", WORKER_SETTINGS)
    return Worker(broker_url=broker, smtp_port=port, log_path=log_path, **options)


@pytest.fixture
def worker(transactional_db, broker, smtp, tmp_path):
    worker = _worker(broker, smtp, tmp_path / "worker.log").start()
    yield worker
    worker.stop()


@pytest.fixture
def county(settings):
    settings.SITE_URL = "https://portal.example"
    county = NetworkFactory(name="Frühe Hilfen im Hochsauerlandkreis")
    town = NetworkFactory(name="Frühe Hilfen Olsberg", parent=county)
    _, people = add_member_organisation(county, people=2, deputies=1)
    _, town_people = add_member_organisation(town, people=1, deputies=1, language="en")
    return county, people + town_people


def _network_with(count: int):
    network = NetworkFactory()
    people = []
    for _ in range(count // 10):
        _, users = add_member_organisation(network, people=10)
        people += users
    return network, people


def _by_recipient(sink):
    return {m["To"]: m for m in sink.parsed()}


def _assert_each_once(sink, emails):
    messages = sink.parsed()
    recipients = Counter(m["To"] for m in messages)
    message_ids = Counter(m["Message-ID"] for m in messages)
    assert sorted(recipients) == sorted(emails)
    assert set(recipients.values()) == {1}, recipients
    assert set(message_ids.values()) == {1}, message_ids


def _publish(meeting):
    meeting_services.meeting_publish(meeting=meeting, by=meeting.contact_person)


def test_publish_delivers_one_invitation_per_person_with_calendar_and_link(worker, sink, county):
    network, people = county
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
    _publish(meeting)

    assert sink.wait_for(len(people)), f"only {len(sink.messages)} of {len(people)} arrived"
    time.sleep(1)  # nothing more may arrive
    _assert_each_once(sink, [u.email for u in people])
    received = _by_recipient(sink)
    for user in people:
        calendar = calendar_of(received[user.email])
        assert calendar["method"] == "REQUEST"
        event = the_event(calendar)
        assert attendees(event) == [user.email]
        assert event["dtstart"].params["TZID"] == "Europe/Berlin"
        assert str(event["uid"]) == meeting.uid

    link = rsvp_path(received[people[0].email])
    client = Client()
    assert client.get(link).status_code == 200
    assert client.post(link, {"action": "register"}).status_code == 302
    assert Registration.objects.filter(
        meeting=meeting, user=people[0], status=Registration.Status.REGISTERED
    ).exists()


def test_moving_the_start_sends_updates_and_cancelling_sends_cancel(worker, sink, county):
    network, people = county
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
    _publish(meeting)
    assert sink.wait_for(len(people))
    meeting.refresh_from_db()
    first_sequence = meeting.sequence
    sink.reset()

    meeting_services.meeting_update(
        meeting=meeting,
        by=meeting.contact_person,
        start=meeting.start + timedelta(hours=1),
        end=meeting.end + timedelta(hours=1),
    )
    assert sink.wait_for(len(people))
    _assert_each_once(sink, [u.email for u in people])
    for message in sink.parsed():
        event = the_event(calendar_of(message))
        assert str(event["uid"]) == meeting.uid
        assert int(event["sequence"]) == first_sequence + 1
    sink.reset()

    meeting_services.meeting_cancel(meeting=meeting, by=meeting.contact_person)
    assert sink.wait_for(len(people))
    _assert_each_once(sink, [u.email for u in people])
    for message in sink.parsed():
        calendar = calendar_of(message)
        assert calendar["method"] == "CANCEL"
        assert the_event(calendar)["status"] == "CANCELLED"


def test_smtp_refusing_the_first_two_attempts_delivers_on_retry(worker, sink, county):
    network, people = county
    sink.refuse_first = 2
    meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
    _publish(meeting)

    assert sink.wait_for(len(people), timeout=60), OutgoingMail.objects.values_list(
        "status", "attempts", "last_error"
    )
    time.sleep(1)
    _assert_each_once(sink, [u.email for u in people])
    assert sink.data_commands == len(people) + 2
    mails = OutgoingMail.objects.filter(kind="invitation")
    assert set(mails.values_list("status", flat=True)) == {OutgoingMail.Status.SENT}
    assert max(mails.values_list("attempts", flat=True)) >= 2


def test_smtp_refusing_every_message_twice_retries_each_on_its_own_schedule(worker, sink):
    """A greylisting server: 451 for the first two attempts of every message, then 250."""
    network, people = _network_with(20)  # one batch
    sink.refuse_each_first = 2
    _publish(MeetingFactory(network=network))

    assert sink.wait_for(len(people), timeout=60), OutgoingMail.objects.values_list(
        "status", "attempts", "last_error"
    )
    time.sleep(1)
    _assert_each_once(sink, [u.email for u in people])
    mails = OutgoingMail.objects.filter(kind="invitation")
    assert set(mails.values_list("status", flat=True)) == {OutgoingMail.Status.SENT}
    assert set(mails.values_list("attempts", flat=True)) == {3}
    # The batch tried every message once, one after the other (when it stopped at each
    # refusal, a message's first attempt waited for the retries of all before it: 20 × 1 s).
    first_attempts = sorted(times[0] for times in sink.attempts.values())
    assert first_attempts[-1] - first_attempts[0] < 5, "the batch stopped at a refusal"
    # Then each message was retried after its own backoff (1 s, then 2 s, ± 25 % jitter, the
    # base shortened to 1 s), counted from its own previous attempt; the upper limits leave
    # room for a worker that runs the retries of 20 messages one after the other.
    for message_id, times in sink.attempts.items():
        assert len(times) == 3, message_id
        first_wait, second_wait = times[1] - times[0], times[2] - times[1]
        assert 0.7 <= first_wait < 1.25 + 3, (message_id, first_wait)
        assert 1.45 <= second_wait < 2.5 + 3, (message_id, second_wait)


def test_killed_worker_mails_go_out_once_within_the_stated_bound(
    transactional_db, broker, smtp, sink, tmp_path, settings
):
    """Two workers and the beat run; SIGKILL the one in the middle of a batch.

    The intervals are shortened (``worker_settings_quick_sweep``) in the same relation as in
    production; ``test_outbox_bounds`` checks the production values' arithmetic.
    """
    quick = worker_settings_quick_sweep
    settings.EMAIL_TIMEOUT = quick.EMAIL_TIMEOUT
    settings.NOTIFICATIONS_SENDING_LEASE_SECONDS = quick.NOTIFICATIONS_SENDING_LEASE_SECONDS
    settings.NOTIFICATIONS_STALE_AFTER_SECONDS = quick.NOTIFICATIONS_STALE_AFTER_SECONDS
    settings.CELERY_BEAT_SCHEDULE = quick.CELERY_BEAT_SCHEDULE
    assert checks.sending_lease_outlasts_one_exchange(None) == []
    bound = delivery.worst_case_after_kill().total_seconds()

    network, people = _network_with(40)  # one batch
    sink.hold_at = 20  # the 20th mail: kill its worker while it waits for the answer
    quick_settings = "tests.notifications.worker_settings_quick_sweep"
    workers = [
        _worker(broker, smtp, tmp_path / f"w{n}.log", settings_module=quick_settings).start()
        for n in (1, 2)
    ]
    beat = Beat(broker_url=broker, log_path=tmp_path / "beat.log", settings_module=quick_settings)
    beat.start()
    try:
        _publish(MeetingFactory(network=network))
        assert sink.holding.wait(60), "no worker reached the 20th mail"
        (sending,) = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING)
        (busy,) = [w for w in workers if w.received("notifications.tasks.deliver_batch")]
        busy.kill()
        killed_at = time.monotonic()
        sink.release.set()
        assert sink.wait_for(len(people), timeout=bound + 30), len(sink.messages)
        last_mail_after = time.monotonic() - killed_at
        time.sleep(2)  # nothing more may arrive
    finally:
        sink.release.set()
        beat.stop()
        for worker in workers:
            worker.stop()
    _assert_each_once(sink, [u.email for u in people])
    assert not OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).exists()
    # The mail that was being sent went out again: its first attempt is counted.
    assert OutgoingMail.objects.get(pk=sending.pk).attempts == 2
    assert last_mail_after <= bound, f"last mail {last_mail_after:.1f} s after the kill"


@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_broker_down_while_publishing_does_not_hold_the_request(
    transactional_db, smtp, sink, tmp_path, caplog, fault
):
    """``stopped``: connections are refused. ``frozen`` (SIGSTOP): a hung broker that accepts
    connections and never answers. Either way the publication returns within two seconds,
    and the sweep delivers every invitation once the broker is back."""
    network, people = _network_with(60)
    private = PrivateRedis(tmp_path).start()
    worker = _worker(private.url, smtp, tmp_path / "w.log").start()
    # If publishing waited for the broker, the test would hang: wake it up after a while.
    watchdog = threading.Timer(15, private.thaw)
    try:
        with publishing_to(private.url):
            if fault == "stopped":
                private.stop()
            else:
                private.freeze()
                watchdog.start()
            meeting = MeetingFactory(network=network)
            started = time.monotonic()
            _publish(meeting)  # the publication itself succeeds
            took = time.monotonic() - started
            assert took < 2, f"publishing waited {took:.1f} s for the broker"
            assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PUBLISHED
            assert OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED).count() == len(
                people
            )
            assert "outbox sweep will retry" in caplog.text
            time.sleep(1)
            assert sink.messages == []

            if fault == "stopped":
                private.start()
            else:
                private.thaw()
            outbox_requeue_stale(older_than=timedelta(0))
            assert sink.wait_for(len(people), timeout=90), "mails did not arrive after the sweep"
            time.sleep(1)
    finally:
        watchdog.cancel()
        worker.stop()
        private.stop()
    _assert_each_once(sink, [u.email for u in people])
