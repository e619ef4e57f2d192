"""Fan-out benchmark: N invitations through the outbox and a real Celery worker to a local
SMTP server, against raw smtplib sending the same N prebuilt messages over one connection.

    python -m bench.fanout --count 2000

Creates a throw-away network with N representatives, publishes a meeting to it, measures
and removes everything again. Needs a broker a worker can reach (Redis) and aiosmtpd (a
development dependency). Settings: DJANGO_SETTINGS_MODULE, default config.settings.local.
"""

import argparse
import json
import smtplib
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

from bench import setup_django
from bench.server import children, max_rss_mb


class FanoutError(RuntimeError):
    pass


def run(
    *,
    count: int = 2000,
    concurrency: int = 2,
    worker_settings: str = "config.settings.local",
    output: Path | None = None,
    timeout: float = 600,
) -> dict:
    """Measure, write ``output`` (JSON) if given, and return the figures."""
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from meetings.services import meeting_publish
    from notifications.delivery import BATCH_SIZE, build_message
    from notifications.models import OutgoingMail
    from tests.support.processes import Worker, publishing_to, smtp_server

    broker = settings.CELERY_BROKER_URL
    if broker.startswith("memory://"):
        raise FanoutError("The benchmark needs a broker a worker process can reach.")
    log_dir = Path(output).parent if output else settings.VAR_DIR / "bench"
    log_dir.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    with smtp_server() as (sink, port), publishing_to(broker):
        worker = Worker(
            broker_url=broker,
            smtp_port=port,
            log_path=log_dir / "fanout-worker.log",
            settings_module=worker_settings,
            pool="prefork",
            concurrency=concurrency,
        )
        if not broker.startswith("redis"):
            worker.env.pop("REDIS_URL")
            worker.env.pop("CELERY_RESULT_BACKEND")
        worker.start()
        meeting = None
        try:
            meeting = _create_audience(tag, count)
            started = time.perf_counter()
            meeting_publish(meeting=meeting, by=None)
            enqueued = time.perf_counter()
            if not sink.wait_for(count, timeout=timeout):
                raise FanoutError(f"only {len(sink.messages)} of {count} mails arrived")
            delivered = time.perf_counter()
            worker_pids = [worker.process.pid, *children(worker.process.pid)]
            worker_rss = max(max_rss_mb(pid) for pid in worker_pids)
            worker.stop()

            raw_messages = [
                (row.to_email, build_message(row).message().as_bytes(linesep="\r\n"))
                for row in OutgoingMail.objects.filter(reference=f"meeting:{meeting.pk}")
            ]
            sink.reset()
            raw_started = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", port) as smtp:
                for to_email, raw in raw_messages:
                    smtp.sendmail(settings.DEFAULT_FROM_EMAIL, [to_email], raw)
            raw_seconds = time.perf_counter() - raw_started
        finally:
            worker.stop()
            if meeting is not None:
                _clean_up(tag, meeting)

    worker_seconds = delivered - started
    result = {
        "count": count,
        "worker_concurrency": concurrency,
        "batch_size": BATCH_SIZE,
        "database": connection.vendor,
        "broker": broker.split("://", 1)[0],
        "enqueue_seconds": round(enqueued - started, 3),
        "worker_deliver_seconds": round(worker_seconds, 3),
        "raw_smtplib_seconds": round(raw_seconds, 3),
        "ratio_worker_to_raw": round(worker_seconds / raw_seconds, 2),
        "worker_max_rss_mb": worker_rss,
        "measured_at": timezone.now().isoformat(timespec="seconds"),
    }
    if output:
        Path(output).write_text(json.dumps(result, indent=2) + "\n")
    return result


def _create_audience(tag: str, count: int):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from meetings.models import Meeting, MeetingKind
    from network.models import Membership, Network, Representative
    from providers.models import Organisation, OrganisationMember

    User = get_user_model()
    network = Network.objects.create(
        name=f"Benchmark {tag}", slug=f"bench-{tag}", kind=Network.Kind.OTHER
    )
    organisation = Organisation.objects.create(
        name=f"Benchmark {tag}", slug=f"bench-{tag}", kind=Organisation.Kind.OTHER
    )
    membership = Membership.objects.create(
        network=network, organisation=organisation, status=Membership.Status.ACTIVE
    )
    User.objects.bulk_create(
        [
            User(email=f"bench-{tag}-{i}@bench.invalid", name=f"Bench {i}", password="!")
            for i in range(count)
        ],
        batch_size=500,
    )
    users = User.objects.filter(email__endswith="@bench.invalid", email__startswith=f"bench-{tag}-")
    OrganisationMember.objects.bulk_create(
        [OrganisationMember(organisation=organisation, user=user) for user in users],
        batch_size=500,
    )
    Representative.objects.bulk_create(
        [
            Representative(membership=membership, person=person)
            for person in OrganisationMember.objects.filter(organisation=organisation)
        ],
        batch_size=500,
    )
    start = timezone.now() + timedelta(days=30)
    return Meeting.objects.create(
        network=network,
        kind=MeetingKind.NETWORK,
        title=f"Benchmark {tag}",
        start=start,
        end=start + timedelta(hours=2),
        venue_name="Kreishaus",
    )


def _clean_up(tag: str, meeting) -> None:
    from django.contrib.auth import get_user_model

    from notifications.models import OutgoingMail
    from providers.models import Organisation

    OutgoingMail.objects.filter(reference=f"meeting:{meeting.pk}").delete()
    network = meeting.network
    meeting.delete()
    get_user_model().objects.filter(
        email__endswith="@bench.invalid", email__startswith=f"bench-{tag}-"
    ).delete()
    Organisation.objects.filter(slug=f"bench-{tag}").delete()
    network.delete()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fanout", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--worker-settings", default="config.settings.local")
    parser.add_argument("--output", default=None, help="JSON file (default var/bench/fanout.json)")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args(argv)
    setup_django()
    from django.conf import settings

    output = Path(args.output) if args.output else settings.VAR_DIR / "bench" / "fanout.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = run(
            count=args.count,
            concurrency=args.concurrency,
            worker_settings=args.worker_settings,
            output=output,
            timeout=args.timeout,
        )
    except FanoutError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
