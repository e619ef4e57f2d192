"""The reminder tick with nothing new to send, at 1,000 and at 100,000 meetings.

    python -m bench.reminders --database-url postgres://…/portal_bench_tick

Works in a database of its own (it is emptied and rebuilt): one network, a few dozen people,
and meetings as minimal rows spread over the same span as the generated data (18 months
back, 6 months ahead), each with one registration and two invitations — so a hundred times
the meetings means a hundred times the meetings whose reminders are due. The first tick
queues what is due; the second, measured, finds everything already sent.
"""

import argparse
import json
import logging
import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

from bench import ROOT, setup_django

SPAN_BACK_DAYS = 540
SPAN_AHEAD_DAYS = 180
PEOPLE = 60


def _prepare_database(url: str) -> None:
    """Drop and create the database, migrate it (in a child process with that URL)."""
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()
    subprocess.run(  # noqa: S603 - our interpreter, our arguments
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        check=True,
    )


def _audience():
    from django.contrib.auth import get_user_model

    from network.models import Membership, Network, Representative
    from providers.models import Organisation, OrganisationMember

    User = get_user_model()
    network = Network.objects.create(name="Tick", slug="tick", kind=Network.Kind.OTHER)
    organisation = Organisation.objects.create(
        name="Tick", slug="tick", kind=Organisation.Kind.OTHER
    )
    membership = Membership.objects.create(
        network=network, organisation=organisation, status=Membership.Status.ACTIVE
    )
    people = User.objects.bulk_create(
        [User(email=f"tick-{n}@example.org", name=f"Tick {n}", password="!") for n in range(PEOPLE)]
    )
    members = OrganisationMember.objects.bulk_create(
        [OrganisationMember(organisation=organisation, user=person) for person in people]
    )
    Representative.objects.bulk_create(
        [Representative(membership=membership, person=member) for member in members]
    )
    return network, organisation, people


def _add_meetings(network, organisation, people, count: int, offset: int, now) -> None:
    """``count`` published (ahead) or held (past) meetings, evenly over the span."""
    from meetings.models import Invitation, Meeting, MeetingKind, Registration

    span = SPAN_BACK_DAYS + SPAN_AHEAD_DAYS
    rows = []
    for n in range(count):
        # a different spread for every batch, so the batches interleave
        position = ((n * 7919 + offset * 104729) % count) / count
        start = now - timedelta(days=SPAN_BACK_DAYS) + timedelta(days=span * position)
        start = start.replace(second=0, microsecond=0) + timedelta(minutes=1)
        rows.append(
            Meeting(
                uid=f"{uuid.uuid4()}@tick.example.org",
                network=network,
                kind=MeetingKind.NETWORK,
                title=f"Netzwerktreffen {offset + n}",
                start=start,
                end=start + timedelta(hours=2),
                status=Meeting.Status.PUBLISHED if start > now else Meeting.Status.HELD,
                registration_deadline=start - timedelta(days=1),
                topic_deadline=start - timedelta(days=5),
                published_at=start - timedelta(days=30),
            )
        )
    meetings = Meeting.objects.bulk_create(rows, batch_size=5000)
    invitations, registrations = [], []
    for n, meeting in enumerate(meetings):
        first, second = people[n % PEOPLE], people[(n + 1) % PEOPLE]
        for person in (first, second):
            invitations.append(Invitation(meeting=meeting, user=person, organisation=organisation))
        registrations.append(
            Registration(
                meeting=meeting,
                user=first,
                organisation=organisation,
                status=Registration.Status.REGISTERED,
                created_at=meeting.start - timedelta(days=20),
            )
        )
    Invitation.objects.bulk_create(invitations, batch_size=5000)
    Registration.objects.bulk_create(registrations, batch_size=5000)


def _tick() -> dict:
    """One tick, timed; its queries counted (all of them: Django's query log stops at 9,000)."""
    from django.db import connection

    from notifications.reminders import reminders_send_due

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        queued = reminders_send_due()
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 3), "queries": queries, "queued": queued}


def measure(sizes: list[int]) -> dict:
    """Grow the meetings to each size; at each, tick once to send what is due, then measure
    a tick with nothing new."""
    from django.db import connection
    from django.utils import timezone

    from config.celery_app import app
    from meetings.models import Meeting

    # Deliveries are queued nowhere: no worker belongs to this measurement (and kombu need
    # not warn that the in-memory transport has no host).
    logging.getLogger("kombu.connection").setLevel(logging.ERROR)
    app.conf.task_always_eager = False
    app.conf.broker_url = "memory://"
    now = timezone.now()
    network, organisation, people = _audience()
    results = {}
    for size in sorted(sizes):
        missing = size - Meeting.objects.count()
        _add_meetings(network, organisation, people, missing, size, now)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        first = _tick()
        nothing_new = _tick()
        results[str(size)] = {
            "meetings": Meeting.objects.count(),
            "due_meetings_next_7_days": Meeting.objects.filter(
                status=Meeting.Status.PUBLISHED, start__gt=now, start__lte=now + timedelta(days=7)
            ).count(),
            "first_tick": first,
            "nothing_new": nothing_new,
        }
    small, large = (results[str(size)]["nothing_new"] for size in (min(sizes), max(sizes)))
    return {
        "sizes": results,
        "ratio": round(large["seconds"] / small["seconds"], 2) if small["seconds"] else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reminders")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--output")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    if not args.child:
        _prepare_database(args.database_url)
        child = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "bench.reminders", "--child", *sys.argv[1:]],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": args.database_url},
            check=False,
        )
        return child.returncode
    setup_django("config.settings.bench")
    result = measure(sizes)
    if args.output:
        Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
