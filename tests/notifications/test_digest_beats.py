"""The weekly digest goes out once per week and person with two beat processes running
(issue 14): a real worker, two real beats, Redis and an SMTP server."""

import shutil
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Meeting
from notifications.digest import digest_due
from tests.support.processes import Beat, PrivateRedis, Worker, publishing_to, smtp_server

from .factories import MeetingFactory, NetworkFactory, add_member_organisation

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]

SETTINGS = "tests.notifications.worker_settings_digest"


@pytest.mark.skipif(
    not digest_due(timezone.now()), reason="Monday before 07:00: this week's digest is not due"
)
def test_two_beats_send_each_person_one_digest(tmp_path, settings):
    settings.SITE_URL = "https://portal.example"
    network = NetworkFactory(name="Frühe Hilfen Viersen")
    _, people = add_member_organisation(network, people=3)
    now = timezone.now()
    MeetingFactory(
        network=network,
        title="Netzwerktreffen im Frühjahr",
        status=Meeting.Status.PUBLISHED,
        published_at=now - timedelta(days=1),
        start=now + timedelta(days=10),
        end=now + timedelta(days=10, hours=2),
    )
    (tmp_path / "redis").mkdir()
    redis = PrivateRedis(tmp_path / "redis").start()
    with smtp_server() as (sink, port), publishing_to(redis.url):
        worker = Worker(
            broker_url=redis.url,
            smtp_port=port,
            log_path=tmp_path / "worker.log",
            settings_module=SETTINGS,
        ).start()
        beats = [
            Beat(broker_url=redis.url, log_path=tmp_path / f"beat{n}.log", settings_module=SETTINGS)
            for n in (1, 2)
        ]
        try:
            for beat in beats:
                beat.start()
            assert sink.wait_for(len(people), timeout=60), len(sink.messages)
            time.sleep(5)  # both beats tick five more times: nothing more may arrive
        finally:
            for beat in beats:
                beat.stop()
            worker.stop()
            redis.stop()
    received = Counter(message["To"] for message in sink.parsed())
    assert received == Counter(person.email for person in people)
    assert all(
        "Netzwerktreffen im Frühjahr" in m.get_body(("plain",)).get_content() for m in sink.parsed()
    )
