"""``make scaleout``: two gunicorn instances, two Celery workers and one beat on one
PostgreSQL and one Redis (the database of DATABASE_URL, with generated data).

    DJANGO_SETTINGS_MODULE=config.settings.bench python -m bench.scaleout

Shows, and fails unless:

1. a session made by signing in on instance A works on instance B;
2. a meeting published through instance B: every invitation reaches the SMTP sink exactly
   once although two workers deliver;
3. the reminder tick (beat, every 2 s here) queues each due reminder once, and a second beat
   started beside the first — a deployment mistake — doubles the ticks but not the reminders
   (idempotency keys): a meeting that becomes due while both beats run is reminded once too.
"""

import argparse
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from datetime import timedelta
from pathlib import Path

from bench import ROOT, setup_django

TICK_TASK = "notifications.reminders.send_due_reminders"


class Browser:
    """Cookies for 127.0.0.1 whatever the port: as a browser, for one site behind a balancer."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str):
        with self.opener.open(url, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def post(self, url: str, data: dict):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def csrf(self, html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _ticks(workers) -> int:
    return sum(
        worker.log_path.read_bytes().count(f"Task {TICK_TASK}[".encode()) for worker in workers
    )


def _received(sink, rows) -> Counter:
    """How often the SMTP sink received each of the mails of ``rows`` (by Message-ID)."""
    from notifications.delivery import build_message

    expected = {build_message(row).message()["Message-ID"] for row in rows}
    return Counter(m["Message-ID"] for m in sink.parsed() if m["Message-ID"] in expected)


def _deliveries(log: str) -> int:
    """Delivery tasks a worker took (its log)."""
    return sum(
        1
        for line in log.splitlines()
        if "Task notifications.tasks.deliver" in line and line.endswith(" received")
    )


def _wait(condition, timeout: float, step: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def _due_meeting(network, coordinator, people, *, title: str):
    """A published meeting 23 hours ahead whose people registered days ago: its 24-hour
    reminder is due at once."""
    from django.utils import timezone

    from meetings.models import Meeting, MeetingKind, Registration

    start = timezone.now() + timedelta(hours=23)
    meeting = Meeting.objects.create(
        network=network,
        kind=MeetingKind.NETWORK,
        title=title,
        start=start,
        end=start + timedelta(hours=2),
        status=Meeting.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=5),
        contact_person=coordinator,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                meeting=meeting,
                user_id=user_id,
                organisation_id=organisation_id,
                status=Registration.Status.REGISTERED,
                created_at=timezone.now() - timedelta(days=3),
            )
            for user_id, organisation_id in people
        ]
    )
    return meeting


def run(*, ports: tuple[int, int], broker_url: str, out: Path) -> dict:
    from django.conf import settings
    from django.utils import timezone

    from bench import subjects
    from bench.server import Gunicorn, collect_static
    from demo.generate import GENERATED_PASSWORD
    from meetings.models import Invitation, Meeting, MeetingKind
    from notifications.models import OutgoingMail
    from tests.support.processes import Beat, Worker, database_url, smtp_server

    out.mkdir(parents=True, exist_ok=True)
    s = subjects.find()
    start = timezone.now() + timedelta(days=20)
    draft = Meeting.objects.create(
        network=s.network,
        kind=MeetingKind.NETWORK,
        title="Scale-out: Netzwerktreffen",
        start=start,
        end=start + timedelta(hours=2),
        contact_person=s.coordinator,
    )
    started_at = timezone.now()
    result = {"instances": list(ports), "workers": 2}
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker_url,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_RESULT_BACKEND": broker_url,
        "SITE_URL": f"http://127.0.0.1:{ports[0]}",
    }
    processes = []
    collect_static(env)
    with smtp_server() as (sink, smtp_port):
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
        try:
            workers = []
            for n in (1, 2):
                workers.append(
                    Worker(
                        broker_url=broker_url,
                        smtp_port=smtp_port,
                        log_path=out / f"scaleout-worker-{n}.log",
                        settings_module="config.settings.bench",
                        pool="prefork",
                        concurrency=2,
                        extra_env=env,
                    )
                )
                processes.append(workers[-1].start())
            a, b = (
                Gunicorn(port=port, log_path=out / f"scaleout-web-{port}.log", env=env)
                for port in ports
            )
            processes += [a.start(), b.start()]
            url_a, url_b = (f"http://127.0.0.1:{port}" for port in ports)

            # 1. Signed in on A, recognised on B.
            browser = Browser()
            _, _, login_page = browser.get(f"{url_a}/accounts/login/")
            login = browser.post(
                f"{url_a}/accounts/login/",
                {
                    "csrfmiddlewaretoken": browser.csrf(login_page),
                    "login": s.member.email,
                    "password": GENERATED_PASSWORD,
                },
            )
            status, final_url, page = browser.get(f"{url_b}/dashboard/")
            result["login_on_a"] = {"status": login[0], "landed_on": login[1]}
            result["dashboard_on_b"] = {"status": status, "landed_on": final_url}
            result["session_across_instances"] = (
                status == 200 and "/accounts/login/" not in final_url and s.member.name in page
            )

            # 2. Published through B; two workers deliver every invitation once.
            coordinator = Browser()
            name, value = subjects.session_cookie(subjects.signed_in_client(s.coordinator)).split(
                "=", 1
            )
            coordinator.jar.set_cookie(
                http.cookiejar.Cookie(
                    0,
                    name,
                    value,
                    None,
                    False,
                    "127.0.0.1",
                    False,
                    False,
                    "/",
                    True,
                    False,
                    None,
                    False,
                    None,
                    None,
                    {},
                )  # fmt: skip
            )
            _, _, confirm = coordinator.get(f"{url_b}/meetings/{draft.pk}/publish/")
            coordinator.post(
                f"{url_b}/meetings/{draft.pk}/publish/",
                {"csrfmiddlewaretoken": coordinator.csrf(confirm)},
            )
            invitations = Invitation.objects.filter(meeting=draft).count()
            invitation_mails = OutgoingMail.objects.filter(
                kind="invitation", reference=f"meeting:{draft.pk}"
            )

            def invitations_delivered():
                return (
                    invitation_mails.filter(status=OutgoingMail.Status.SENT).count() >= invitations
                )

            _wait(invitations_delivered, timeout=180)
            received = _received(sink, invitation_mails)
            result["publish"] = {
                "invitations": invitations,
                "mails_sent": invitation_mails.filter(status=OutgoingMail.Status.SENT).count(),
                "received": sum(received.values()),
                "received_twice": sum(1 for n in received.values() if n > 1),
                "delivered_by_worker": {
                    w.log_path.name: w.log_path.read_text().count(
                        "Task notifications.tasks.deliver"
                    )
                    for w in workers
                },
            }

            # 3. One beat, then two.
            people = list(
                Invitation.objects.filter(meeting=draft).values_list("user_id", "organisation_id")
            )[:10]
            first = _due_meeting(s.network, s.coordinator, people, title="Scale-out: morgen")
            reminders = OutgoingMail.objects.filter(kind="reminder", created_at__gte=started_at)
            beat = Beat(
                broker_url=broker_url,
                log_path=out / "scaleout-beat-1.log",
                settings_module="bench.scaleout_settings",
            )
            beat.env.update({k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"})
            processes.append(beat.start())
            ticks_before = _ticks(workers)
            time.sleep(10)
            ticks_one_beat = _ticks(workers) - ticks_before
            _wait(
                lambda: reminders.filter(reference=f"meeting:{first.pk}").count() >= len(people), 60
            )

            second_beat = Beat(
                broker_url=broker_url,
                log_path=out / "scaleout-beat-2.log",
                settings_module="bench.scaleout_settings",
            )
            second_beat.env.update({k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"})
            processes.append(second_beat.start())
            second = _due_meeting(s.network, s.coordinator, people, title="Scale-out: übermorgen")
            ticks_before = _ticks(workers)
            time.sleep(10)
            ticks_two_beats = _ticks(workers) - ticks_before
            _wait(
                lambda: reminders.filter(reference=f"meeting:{second.pk}").count() >= len(people),
                60,
            )
            _wait(lambda: not reminders.exclude(status=OutgoingMail.Status.SENT).exists(), 120)
            reminder_ids = _received(
                sink,
                reminders.filter(reference__in=[f"meeting:{first.pk}", f"meeting:{second.pk}"]),
            )
            result["beat"] = {
                "ticks_in_10_s_one_beat": ticks_one_beat,
                "ticks_in_10_s_two_beats": ticks_two_beats,
                "registered_people_per_meeting": len(people),
                "reminder_rows": {
                    "one beat": reminders.filter(reference=f"meeting:{first.pk}").count(),
                    "two beats": reminders.filter(reference=f"meeting:{second.pk}").count(),
                },
                "reminders_received": sum(reminder_ids.values()),
                "all_reminder_rows": reminders.count(),
                "all_reminders_received": sum(_received(sink, reminders).values()),
                "reminders_received_twice": sum(1 for n in reminder_ids.values() if n > 1),
            }
        finally:
            for process in reversed(processes):
                process.stop()
    publish, beat = result["publish"], result.get("beat", {})
    result["passed"] = bool(
        result["session_across_instances"]
        and publish["invitations"] > 0
        and publish["received"] == publish["mails_sent"] == publish["invitations"]
        and publish["received_twice"] == 0
        and beat
        and beat["reminder_rows"]["one beat"] == len(people)
        and beat["reminder_rows"]["two beats"] == len(people)
        and beat["reminders_received"] == 2 * len(people)
        and beat["reminders_received_twice"] == 0
        and beat["all_reminders_received"] == beat["all_reminder_rows"]
    )
    (out / "scaleout.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scaleout")
    parser.add_argument("--ports", default="8105,8106")
    parser.add_argument("--broker-url", default=os.environ.get("REDIS_URL"))
    parser.add_argument("--output-dir", default=str(ROOT / "var" / "bench"))
    args = parser.parse_args(argv)
    setup_django("config.settings.bench")
    import redis

    redis.Redis.from_url(args.broker_url).flushdb()  # the check's own broker database
    first, second = (int(port) for port in args.ports.split(","))
    result = run(ports=(first, second), broker_url=args.broker_url, out=Path(args.output_dir))
    print(json.dumps(result, indent=2))
    print("PASSED" if result["passed"] else "FAILED")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
