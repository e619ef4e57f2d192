"""With real parts: a Celery worker subprocess, Redis and an aiosmtpd SMTP server.

The worker works on the same PostgreSQL test database; the test process publishes tasks to
Redis (not eagerly) and reads what the SMTP server accepted.
"""

import shutil
import socket
import subprocess
import time
from collections import Counter
from datetime import timedelta

import pytest
import redis
from django.test import Client

from meetings import services as meeting_services
from meetings.models import Meeting, Registration
from notifications.models import OutgoingMail
from notifications.services import outbox_requeue_stale
from notifications.testing import Worker, publishing_to, smtp_server

from .factories import MeetingFactory, NetworkFactory, add_member_organisation
from .helpers import attendees, calendar_of, rsvp_path, the_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
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


@pytest.fixture
def broker(settings):
    # A Redis database of this xdist worker's own (config/settings/test.py).
    redis.Redis.from_url(settings.REDIS_URL).flushdb()
    with publishing_to(settings.REDIS_URL):
        yield settings.REDIS_URL


@pytest.fixture
def worker(transactional_db, broker, smtp, tmp_path):
    _, port = smtp
    worker = Worker(
        broker_url=broker,
        smtp_port=port,
        log_path=tmp_path / "worker.log",
        settings_module=WORKER_SETTINGS,
    ).start()
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


def test_worker_killed_mid_batch_delivers_everything_once_after_restart(
    transactional_db, broker, smtp, sink, tmp_path, settings
):
    _, port = smtp
    network = NetworkFactory()
    people = []
    for _ in range(6):
        _, users = add_member_organisation(network, people=10)
        people += users
    sink.hold_at = 20  # the 20th mail of the first batch: kill the worker while it waits
    first = Worker(
        broker_url=broker,
        smtp_port=port,
        log_path=tmp_path / "w1.log",
        settings_module=WORKER_SETTINGS,
    ).start()
    try:
        _publish(MeetingFactory(network=network))
        assert sink.holding.wait(60), "the worker never reached the 20th mail"
        first.kill()
    finally:
        sink.release.set()
        first.stop()
    assert len(sink.messages) == 19
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING).count() == 1

    second = Worker(
        broker_url=broker,
        smtp_port=port,
        log_path=tmp_path / "w2.log",
        settings_module=WORKER_SETTINGS,
    ).start()
    try:
        # The beat sweep, with the lease of the dead worker's row already expired.
        outbox_requeue_stale(older_than=timedelta(0), sending_lease=timedelta(0))
        assert sink.wait_for(len(people), timeout=90), len(sink.messages)
        time.sleep(2)
    finally:
        second.stop()
    _assert_each_once(sink, [u.email for u in people])
    assert not OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateRedis:
    """A redis-server of our own, so stopping it does not disturb anyone else."""

    def __init__(self, tmp_path):
        self.port = _free_port()
        self.dir = tmp_path
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_broker_down_while_publishing_delivers_everything_after_the_sweep(
    transactional_db, smtp, sink, tmp_path, county, caplog
):
    _, port = smtp
    network, people = county
    private = PrivateRedis(tmp_path)
    private.start()
    url = f"redis://127.0.0.1:{private.port}/0"
    worker = Worker(
        broker_url=url,
        smtp_port=port,
        log_path=tmp_path / "w.log",
        settings_module=WORKER_SETTINGS,
    ).start()
    try:
        with publishing_to(url):
            private.stop()
            meeting = MeetingFactory(network=network, audience=Meeting.Audience.WITH_SUBNETWORKS)
            _publish(meeting)  # the publication itself succeeds
            assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.PUBLISHED
            assert OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED).count() == len(
                people
            )
            assert "outbox sweep will retry" in caplog.text
            time.sleep(1)
            assert sink.messages == []

            private.start()
            outbox_requeue_stale(older_than=timedelta(0))
            assert sink.wait_for(len(people), timeout=90), "mails did not arrive after the sweep"
            time.sleep(1)
    finally:
        worker.stop()
        private.stop()
    _assert_each_once(sink, [u.email for u in people])
