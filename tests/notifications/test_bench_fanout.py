import json
import shutil

import pytest
from django.core.management import call_command

from core.models import User
from notifications.models import OutgoingMail
from notifications.testing import PrivateRedis


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_bench_fanout_writes_figures_and_cleans_up(tmp_path, settings):
    broker = PrivateRedis(tmp_path).start()
    settings.CELERY_BROKER_URL = broker.url
    output = tmp_path / "fanout.json"
    try:
        with open(tmp_path / "out.txt", "w") as stdout:
            call_command(
                "bench_fanout",
                count=50,
                output=str(output),
                worker_settings="tests.notifications.worker_settings",
                stdout=stdout,
            )
    finally:
        broker.stop()
    result = json.loads(output.read_text())
    assert result["count"] == 50
    assert result["worker_deliver_seconds"] > 0
    assert result["raw_smtplib_seconds"] > 0
    assert result["ratio_worker_to_raw"] == pytest.approx(
        result["worker_deliver_seconds"] / result["raw_smtplib_seconds"], rel=0.05
    )
    assert not User.objects.filter(email__endswith="@bench.invalid").exists()
    assert not OutgoingMail.objects.exists()
