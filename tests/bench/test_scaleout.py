"""`make scaleout` in short: two gunicorn instances, two workers, one beat (then a second)."""

import shutil

import pytest

from bench import scaleout
from demo.generate import generate
from tests.support.processes import PrivateRedis


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_two_instances_two_workers_one_beat(tmp_path, settings):
    # the servers check passwords with the production hashers, not the suite's fast one
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    generate(scale=0.02, seed=6)
    broker = PrivateRedis(tmp_path).start()
    try:
        result = scaleout.run(ports=(8107, 8108), broker_url=broker.url, out=tmp_path / "out")
    finally:
        broker.stop()

    assert result["session_across_instances"], result
    publish = result["publish"]
    assert publish["invitations"] > 0
    assert publish["received"] == publish["mails_sent"] == publish["invitations"]
    assert publish["received_twice"] == 0
    beat = result["beat"]
    # a second beat ticks as often again, but each reminder still goes out once
    assert beat["ticks_in_10_s_two_beats"] > beat["ticks_in_10_s_one_beat"] > 0
    people = beat["registered_people_per_meeting"]
    assert beat["reminder_rows"] == {"one beat": people, "two beats": people}
    assert beat["reminders_received"] == 2 * people
    assert beat["reminders_received_twice"] == 0
    assert result["passed"]
