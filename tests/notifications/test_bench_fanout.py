import json

import pytest
from django.core.management import call_command

from core.models import User
from notifications.models import OutgoingMail


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_bench_fanout_writes_figures_and_cleans_up(tmp_path, settings):
    # The broker is this xdist worker's Redis database (config/settings/test.py).
    output = tmp_path / "fanout.json"
    with open(tmp_path / "out.txt", "w") as stdout:
        call_command(
            "bench_fanout",
            count=50,
            output=str(output),
            worker_settings="tests.notifications.worker_settings",
            stdout=stdout,
        )
    result = json.loads(output.read_text())
    assert result["count"] == 50
    assert result["worker_deliver_seconds"] > 0
    assert result["raw_smtplib_seconds"] > 0
    assert result["ratio_worker_to_raw"] == pytest.approx(
        result["worker_deliver_seconds"] / result["raw_smtplib_seconds"], rel=0.05
    )
    assert not User.objects.filter(email__endswith="@bench.invalid").exists()
    assert not OutgoingMail.objects.exists()
