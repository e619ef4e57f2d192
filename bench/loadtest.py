"""``make loadtest``: simulated people browse, register, cancel and answer date polls.

    DJANGO_SETTINGS_MODULE=config.settings.bench python -m bench.loadtest --users 200 --seconds 120

Against gunicorn (2 workers) and a Celery worker on the database of DATABASE_URL (with
generated data), loopback only, locust headless for a bounded time. Passes when:

- no request failed (locust counts every 4xx/5xx answer and every connection error);
- no meeting has more registrations than seats (the meetings tried have only a few seats
  left, so people compete for the last ones and land on the waiting list);
- every mail the run queued was delivered exactly once: each outbox row of the run is sent,
  and the SMTP sink received each Message-ID once.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench import ROOT, setup_django

SEATS_LEFT = 1


def prepare(*, users: int) -> tuple[list[dict], list[int]]:
    """Pick up to ``users`` invited people of the busiest networks, leave a few seats in the
    meetings they may register for, and sign them in. Returns the people and the meetings."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from bench.subjects import session_cookie, signed_in_client
    from meetings.models import DatePoll, Invitation, Meeting, MeetingKind, Registration
    from network.models import Membership

    now = timezone.now()
    open_meetings = (
        Meeting.objects.filter(status=Meeting.Status.PUBLISHED, start__gt=now)
        .exclude(kind=MeetingKind.CASE_CONFERENCE)
        .filter(Q(registration_deadline__isnull=True) | Q(registration_deadline__gt=now))
        .annotate(invited=Count("invitations"))
        .filter(invited__gt=0)
        .order_by("-invited", "pk")
    )
    chosen, people = [], {}
    for meeting in open_meetings[:40]:
        invited = Invitation.objects.filter(
            meeting=meeting, declined_at__isnull=True, user__is_active=True
        ).select_related("user", "meeting__network")
        for invitation in invited:
            person = people.setdefault(
                invitation.user_id,
                {"user": invitation.user, "network": meeting.network.slug, "meetings": []},
            )
            person["meetings"].append(meeting.pk)
        chosen.append(meeting)
        if len(people) >= users:
            break
    for meeting in chosen:
        taken = meeting.registrations.filter(status=Registration.Status.REGISTERED).count()
        Meeting.objects.filter(pk=meeting.pk).update(capacity=taken + SEATS_LEFT)
    result = []
    for person in list(people.values())[:users]:
        user = person["user"]
        networks = set(
            Membership.objects.filter(
                status=Membership.Status.ACTIVE, organisation__members__user=user
            ).values_list("network_id", flat=True)
        )
        polls = DatePoll.objects.filter(network_id__in=networks, status=DatePoll.Status.OPEN)
        result.append(
            {
                "email": user.email,
                "cookie": session_cookie(signed_in_client(user)),
                "network": person["network"],
                "meetings": person["meetings"],
                "polls": list(polls.values_list("pk", flat=True)),
            }
        )
    return result, [meeting.pk for meeting in chosen]


def locust_totals(csv_prefix: Path) -> dict:
    totals = {"requests": 0, "failures": 0, "by_name": {}}
    with open(f"{csv_prefix}_stats.csv") as stats:
        for row in csv.DictReader(stats):
            requests, failures = int(row["Request Count"]), int(row["Failure Count"])
            if row["Name"] == "Aggregated":
                totals["requests"], totals["failures"] = requests, failures
            else:
                totals["by_name"][f"{row['Type']} {row['Name']}"] = [requests, failures]
    failures_file = Path(f"{csv_prefix}_failures.csv")
    if failures_file.exists():
        totals["failure_kinds"] = list(csv.DictReader(failures_file.open()))[:20]
    return totals


def check(*, last_mail_before: int, meeting_ids, sink, timeout: float = 180) -> dict:
    """Seats and mails after the run (waits for the worker to deliver what was queued)."""
    from django.db.models import Count, F, Q

    from meetings.models import Meeting
    from notifications.models import OutgoingMail

    overbooked = list(
        Meeting.objects.filter(pk__in=meeting_ids)
        .annotate(seats=Count("registrations", filter=Q(registrations__status="registered")))
        .filter(seats__gt=F("capacity"))
        .values_list("pk", "seats", "capacity")
    )
    rows = OutgoingMail.objects.filter(pk__gt=last_mail_before)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and rows.exclude(status=OutgoingMail.Status.SENT).exists():
        time.sleep(1)
    sent = rows.filter(status=OutgoingMail.Status.SENT).count()
    received = Counter(message["Message-ID"] for message in sink.parsed())
    duplicates = {mid: n for mid, n in received.items() if n > 1}
    return {
        "meetings_tried": len(meeting_ids),
        "overbooked": overbooked,
        "mails_queued": rows.count(),
        "mails_sent": sent,
        "mails_not_sent": rows.exclude(status=OutgoingMail.Status.SENT).count(),
        "mails_received": sum(received.values()),
        "mails_received_twice": len(duplicates),
        "by_kind": dict(rows.values_list("kind").annotate(n=Count("pk")).order_by("kind")),
    }


def run(*, users: int, seconds: int, port: int, broker_url: str, out: Path) -> dict:
    """The whole load test; ``broker_url`` is a Redis the run may fill (and flush)."""
    from django.conf import settings

    from bench.server import Gunicorn, collect_static
    from notifications.models import OutgoingMail
    from tests.support.processes import Worker, database_url, smtp_server

    out.mkdir(parents=True, exist_ok=True)
    people, meeting_ids = prepare(users=users)
    people_file = out / "loadtest-people.json"
    people_file.write_text(json.dumps(people))
    last_mail_before = (
        OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker_url,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_RESULT_BACKEND": broker_url,
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    collect_static(env)
    with smtp_server() as (sink, smtp_port):
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
        worker = Worker(
            broker_url=broker_url,
            smtp_port=smtp_port,
            log_path=out / "loadtest-worker.log",
            settings_module="config.settings.bench",
            pool="prefork",
            concurrency=2,
            extra_env=env,
        ).start()
        server = Gunicorn(port=port, log_path=out / "loadtest-gunicorn.log", env=env)
        try:
            server.start()
            csv_prefix = out / "locust"
            locust = subprocess.run(  # noqa: S603 - our interpreter and arguments
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--only-summary",
                    "--users",
                    str(users),
                    "--spawn-rate",
                    str(max(1, users // 10)),
                    "--run-time",
                    f"{seconds}s",
                    "--stop-timeout",
                    "10",
                    "--host",
                    f"http://127.0.0.1:{port}",
                    "--csv",
                    str(csv_prefix),
                ],  # fmt: skip
                cwd=ROOT,
                env={**os.environ, "LOADTEST_PEOPLE": str(people_file)},
                capture_output=True,
                text=True,
                timeout=seconds + 120,
                check=False,
            )
            (out / "locust.log").write_text(locust.stdout + locust.stderr)
        finally:
            server.stop()
        try:
            checked = check(last_mail_before=last_mail_before, meeting_ids=meeting_ids, sink=sink)
        finally:
            worker.stop()
    totals = locust_totals(csv_prefix)
    result = {
        "users": len(people),
        "seconds": seconds,
        **totals,
        **checked,
    }
    result["passed"] = (
        totals["requests"] > 0
        and totals["failures"] == 0
        and not checked["overbooked"]
        and checked["mails_not_sent"] == 0
        and checked["mails_received_twice"] == 0
        and checked["mails_received"] == checked["mails_sent"]
    )
    (out / "loadtest.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loadtest")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--port", type=int, default=8103)
    parser.add_argument("--broker-url", default=os.environ.get("REDIS_URL"))
    parser.add_argument("--output-dir", default=str(ROOT / "var" / "bench"))
    args = parser.parse_args(argv)
    setup_django("config.settings.bench")
    import redis

    redis.Redis.from_url(args.broker_url).flushdb()  # the run's own broker database
    result = run(
        users=args.users,
        seconds=args.seconds,
        port=args.port,
        broker_url=args.broker_url,
        out=Path(args.output_dir),
    )
    summary = {k: v for k, v in result.items() if k not in {"by_name", "failure_kinds"}}
    print(json.dumps(summary, indent=2, default=str))
    print("PASSED" if result["passed"] else "FAILED")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
