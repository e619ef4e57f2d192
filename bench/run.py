"""``make bench``: the portal under load on generated data, in one run.

    DJANGO_SETTINGS_MODULE=config.settings.bench python -m bench.run [--seconds 5]

Expects a migrated database with generated data (the Makefile target prepares it). Then:

1. counts the SQL queries of every key page in this process (Django's test client, a
   warmed-up second request, as the server would answer it);
2. starts gunicorn (2 workers) and, page by page, loads the bare view with the same kind of
   visitor and then the page, each for ``--seconds`` with ``--connections`` keep-alive
   connections: requests/s, p50/p95, and the page's ratios to that bare run;
3. the reminder tick at 1,000 and 100,000 meetings (bench.reminders, its own database);
4. the fan-out of 2,000 invitations through a Celery worker vs raw smtplib (bench.fanout);
5. the peak memory (VmHWM) of a web worker and of the Celery worker.

Writes var/bench/report.json in the shape of issue 12 (details in var/bench/details.json)
and prints a table.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import ROOT, load, setup_django
from bench.pages import ADMIN, ANONYMOUS, BARE_URL, COORDINATOR, MEMBER, Page, key_pages
from bench.server import Gunicorn, max_rss_mb


def count_queries(pages: list[Page], clients: dict) -> dict[str, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page in [Page("bare", BARE_URL, ANONYMOUS), Page("bare", BARE_URL, MEMBER), *pages]:
        client = clients[page.visitor]
        client.get(page.url)  # warm up: once-per-session checks, caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        if response.status_code != 200:
            raise RuntimeError(f"{page.name} ({page.url}) answered {response.status_code}")
        counts[f"{page.name}|{page.visitor}"] = len(queries)
    return counts


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def run_module(module: str, *args: str, timeout: float) -> dict:
    """Run ``python -m bench.<module>`` and read the JSON it writes."""
    output = Path(args[args.index("--output") + 1])
    subprocess.run(  # noqa: S603 - our interpreter and arguments
        [sys.executable, "-m", module, *args], cwd=ROOT, check=True, timeout=timeout
    )
    return json.loads(output.read_text())


def measure_pages(pages, cookies, *, port, seconds, connections, progress) -> tuple[list, dict]:
    """Each page right after a bare run with the same kind of visitor."""
    rows, bare_runs = [], {"anonymous": [], "signed_in": []}
    for page in pages:
        kind = "signed_in" if page.signed_in else "anonymous"
        bare = load.run(
            BARE_URL,
            port=port,
            cookie=cookies[MEMBER if page.signed_in else ANONYMOUS],
            seconds=seconds,
            connections=connections,
        )
        result = load.run(
            page.url,
            port=port,
            cookie=cookies[page.visitor],
            seconds=seconds,
            connections=connections,
        )
        bare_runs[kind].append(bare)
        rows.append((page, result, bare))
        progress(f"{page.name:28} {load.summary(result)}   bare {load.summary(bare)}")
    return rows, bare_runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--port", type=int, default=8102)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--fanout-count", type=int, default=2000)
    parser.add_argument("--tick-sizes", default="1000,100000")
    parser.add_argument("--tick-database-url", default=None)
    parser.add_argument("--skip", default="", help="comma-separated: pages,tick,fanout")
    parser.add_argument("--output-dir", default=str(ROOT / "var" / "bench"))
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    setup_django("config.settings.bench")
    from django.db import connection
    from django.test import Client

    from bench import subjects as subject_module

    out = Path(args.output_dir)
    out.mkdir(parents=True, exist_ok=True)

    def progress(line: str) -> None:
        print(line, flush=True)

    started = time.monotonic()
    s = subject_module.find()
    pages = key_pages(s)
    clients = {
        ANONYMOUS: Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="de"),
        MEMBER: subject_module.signed_in_client(s.member),
        COORDINATOR: subject_module.signed_in_client(s.coordinator),
        ADMIN: subject_module.signed_in_client(s.admin),
    }
    cookies = {ANONYMOUS: ""} | {
        visitor: subject_module.session_cookie(client)
        for visitor, client in clients.items()
        if visitor != ANONYMOUS
    }
    queries = count_queries(pages, clients)
    progress(f"queries counted ({time.monotonic() - started:.0f} s)")
    connection.close()

    details = {"subjects": {"network": s.network.slug, "meeting": s.meeting.pk}}
    rows, bare_runs, web_rss = [], {"anonymous": [], "signed_in": []}, 0.0
    if "pages" not in skip:
        server = Gunicorn(port=args.port, log_path=out / "gunicorn.log").start()
        try:
            for page in pages:  # warm up both workers on every page
                load.run(page.url, port=args.port, cookie=cookies[page.visitor],
                         seconds=0.5, connections=2, processes=1)  # fmt: skip
            rows, bare_runs = measure_pages(
                pages,
                cookies,
                port=args.port,
                seconds=args.seconds,
                connections=args.connections,
                progress=progress,
            )
            web_rss = max(max_rss_mb(pid) for pid in server.worker_pids())
        finally:
            server.stop()
        progress(f"pages measured ({time.monotonic() - started:.0f} s)")

    tick = {}
    if "tick" not in skip:
        tick_url = args.tick_database_url or os.environ["DATABASE_URL"] + "_tick"
        tick = run_module(
            "bench.reminders",
            "--database-url", tick_url,
            "--sizes", args.tick_sizes,
            "--output", str(out / "reminders.json"),
            timeout=1200,
        )  # fmt: skip
        progress(f"reminder tick measured ({time.monotonic() - started:.0f} s)")

    fanout = {}
    if "fanout" not in skip:
        fanout = run_module(
            "bench.fanout",
            "--count", str(args.fanout_count),
            "--worker-settings", "config.settings.bench",
            "--output", str(out / "fanout.json"),
            timeout=900,
        )  # fmt: skip
        progress(f"fan-out measured ({time.monotonic() - started:.0f} s)")

    report = build_report(rows, bare_runs, queries, tick, fanout, web_rss)
    details |= {
        "seconds_per_run": args.seconds,
        "connections": args.connections,
        "gunicorn_workers": 2,
        "bare_runs": {
            kind: [
                {"rps": round(r.rps, 1), "p50_ms": round(r.p50_ms, 1), "p95_ms": round(r.p95_ms, 1)}
                for r in runs
            ]
            for kind, runs in bare_runs.items()
        },
        "pages": [
            {
                "name": page.name,
                "visitor": page.visitor,
                "p50_ms": round(result.p50_ms, 1),
                "bare_p50_ms": round(bare.p50_ms, 1),
                "errors": result.errors,
                "statuses": result.statuses,
            }
            for page, result, bare in rows
        ],
        "reminder_tick": tick,
        "fanout": fanout,
        "total_seconds": round(time.monotonic() - started),
    }
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    (out / "details.json").write_text(json.dumps(details, indent=2) + "\n")
    print(table(report))
    return 0


def build_report(rows, bare_runs, queries, tick, fanout, web_rss) -> dict:
    def mean(values):
        values = list(values)
        return sum(values) / len(values) if values else 0.0

    anonymous_rps = mean(r.rps for r in bare_runs["anonymous"])
    signed_in_rps = mean(r.rps for r in bare_runs["signed_in"])
    return {
        "pages": [
            {
                "name": page.name,
                "url": page.url,
                "signed_in": page.signed_in,
                "queries": queries[f"{page.name}|{page.visitor}"],
                "rps": round(result.rps, 1),
                "bare_rps": round(bare.rps, 1),
                "ratio": round(result.rps / bare.rps, 3) if bare.rps else None,
                "p95_ms": round(result.p95_ms, 1),
                # against the bare view's median with the same kind of visitor (issue 12)
                "p95_ratio": round(result.p95_ms / bare.p50_ms, 1) if bare.p50_ms else None,
            }
            for page, result, bare in rows
        ],
        "bare": {
            "anonymous_rps": round(anonymous_rps, 1),
            "signed_in_rps": round(signed_in_rps, 1),
            "signed_in_ratio": round(signed_in_rps / anonymous_rps, 3) if anonymous_rps else None,
            "anonymous_queries": queries["bare|anonymous"],
            "signed_in_queries": queries["bare|member"],
        },
        "reminder_tick_ratio": tick.get("ratio"),
        "fanout_ratio": fanout.get("ratio_worker_to_raw"),
        "memory": {
            "web_worker_max_rss_mb": web_rss,
            "celery_worker_max_rss_mb": fanout.get("worker_max_rss_mb"),
        },
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


TARGETS = {"queries": 15, "ratio": 0.25, "p95_ratio": 10}


def table(report: dict) -> str:
    """The report as a Markdown table (the README shows it)."""
    bare = report["bare"]
    lines = [
        f"`make bench` of {report['date'][:10]} on {report['machine']}",
        "",
        "| page | signed in | queries | req/s | bare req/s | ratio | p95 ms | p95 / bare p50 |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in report["pages"]:
        marks = {
            "queries": " ✗" if p["queries"] > TARGETS["queries"] else "",
            "ratio": " ✗" if (p["ratio"] or 0) < TARGETS["ratio"] else "",
            "p95_ratio": " ✗" if (p["p95_ratio"] or 0) > TARGETS["p95_ratio"] else "",
        }
        lines.append(
            f"| {p['name']} | {'yes' if p['signed_in'] else 'no'}"
            f" | {p['queries']}{marks['queries']}"
            f" | {p['rps']} | {p['bare_rps']} | {p['ratio']}{marks['ratio']} | {p['p95_ms']}"
            f" | {p['p95_ratio']}{marks['p95_ratio']} |"
        )
    memory = report["memory"]
    lines += [
        "",
        f"- bare view: {bare['anonymous_rps']} req/s anonymous, {bare['signed_in_rps']} signed in "
        f"(ratio {bare['signed_in_ratio']}, target ≥ 0.5; {bare['anonymous_queries']} and "
        f"{bare['signed_in_queries']} queries)",
        f"- reminder tick with nothing new, 100,000 vs 1,000 meetings: "
        f"{report['reminder_tick_ratio']}× (target ≤ 2)",
        f"- 2,000 invitations through the worker vs raw smtplib: {report['fanout_ratio']}× "
        "(target ≤ 3)",
        f"- peak memory: web worker {memory['web_worker_max_rss_mb']} MB, Celery worker "
        f"{memory['celery_worker_max_rss_mb']} MB",
        "",
        "✗ misses the target of issue 12 (queries ≤ 15, ratio ≥ 0.25, p95 ≤ 10× the bare p50).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
