"""A short `make loadtest`: 20 simulated people for 20 seconds against gunicorn and a worker;
no failed request, no meeting over its seats, every mail delivered exactly once."""

import shutil

import pytest

from bench import loadtest
from demo.generate import generate
from meetings.models import Registration
from tests.support.processes import PrivateRedis


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_short_load_test_passes(tmp_path):
    generate(scale=0.02, seed=4)
    before = Registration.objects.count()
    broker = PrivateRedis(tmp_path).start()
    try:
        result = loadtest.run(
            users=20, seconds=20, port=8104, broker_url=broker.url, out=tmp_path / "out"
        )
    finally:
        broker.stop()

    assert result["requests"] > 100
    assert result["failures"] == 0, result.get("failure_kinds")
    assert result["overbooked"] == []
    # people did register and cancel, and mails went out for it, each exactly once
    assert result["by_name"]["POST register"][0] > 0
    assert Registration.objects.count() > before
    assert result["mails_queued"] > 0
    assert result["mails_not_sent"] == 0
    assert result["mails_received"] == result["mails_sent"] == result["mails_queued"]
    assert result["mails_received_twice"] == 0
    assert result["passed"]
