import json
import shutil

import pytest

from bench import fanout
from core.models import User
from notifications.models import OutgoingMail
from tests.support.processes import PrivateRedis


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
        returned = fanout.run(
            count=50,
            output=output,
            worker_settings="tests.notifications.worker_settings",
        )
    finally:
        broker.stop()
    result = json.loads(output.read_text())
    assert result == returned
    assert result["count"] == 50
    assert result["worker_deliver_seconds"] > 0
    assert result["raw_smtplib_seconds"] > 0
    assert result["ratio_worker_to_raw"] == pytest.approx(
        result["worker_deliver_seconds"] / result["raw_smtplib_seconds"], rel=0.05
    )
    assert not User.objects.filter(email__endswith="@bench.invalid").exists()
    assert not OutgoingMail.objects.exists()


def test_no_app_imports_dev_only_code():
    """aiosmtpd, tests and bench are for development; config and the apps (every directory
    with an apps.py, so new apps are covered too) never import them."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    apps = [path.parent for path in root.glob("*/apps.py")]
    assert len(apps) >= 7
    offending = []
    for app in [root / "config", *apps]:
        for path in app.rglob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module]
                for name in names:
                    if name.split(".")[0] in {"aiosmtpd", "tests", "bench"}:
                        offending.append(f"{path.relative_to(root)}: {name}")
    assert offending == []
