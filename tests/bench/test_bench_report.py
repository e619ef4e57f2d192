"""The benchmark's parts that need no server: every key page answers its visitor on generated
data (with the queries counted), and the report has the shape issue 12 asks for."""

import pytest
from django.test import Client

from bench import subjects
from bench.load import Result
from bench.pages import ADMIN, ANONYMOUS, COORDINATOR, MEMBER, key_pages
from bench.run import build_report, count_queries, table
from demo.generate import generate


@pytest.mark.django_db
def test_every_key_page_answers_its_visitor_on_generated_data(settings):
    settings.ROOT_URLCONF = "config.urls_bench"
    generate(scale=0.02, seed=1)
    s = subjects.find()
    pages = key_pages(s)
    clients = {
        ANONYMOUS: Client(HTTP_HOST="127.0.0.1"),
        MEMBER: subjects.signed_in_client(s.member),
        COORDINATOR: subjects.signed_in_client(s.coordinator),
        ADMIN: subjects.signed_in_client(s.admin),
    }

    queries = count_queries(pages, clients)  # raises unless every page answers 200

    assert len(pages) == 20
    assert set(queries) == {"bare|anonymous", "bare|member"} | {
        f"{page.name}|{page.visitor}" for page in pages
    }
    assert all(number >= 0 for number in queries.values())
    assert s.member.pk not in set(s.network.coordinators.values_list("pk", flat=True))


def _result(rps: float, p50: float, p95: float) -> Result:
    latencies = [p50] * 90 + [p95] * 10
    return Result(requests=int(rps), errors=0, seconds=1.0, latencies_ms=latencies, statuses={})


def test_the_report_has_the_shape_of_the_issue():
    class Page:
        name, url, visitor, signed_in = "network page", "/networks/x/", MEMBER, True

    rows = [(Page, _result(50, 100, 200), _result(200, 10, 20))]
    bare_runs = {"anonymous": [_result(400, 5, 8)], "signed_in": [_result(200, 10, 20)]}
    queries = {"network page|member": 12, "bare|anonymous": 0, "bare|member": 1}
    report = build_report(
        rows,
        bare_runs,
        queries,
        {"ratio": 1.5},
        {"ratio_worker_to_raw": 2.5, "worker_max_rss_mb": 90.0},
        150.0,
    )

    assert set(report) == {
        "pages", "bare", "reminder_tick_ratio", "fanout_ratio", "memory", "machine", "date",
    }  # fmt: skip
    page = report["pages"][0]
    assert set(page) == {
        "name", "url", "signed_in", "queries", "rps", "bare_rps", "ratio", "p95_ms", "p95_ratio",
    }  # fmt: skip
    assert page["ratio"] == 0.25 and page["bare_rps"] == 200
    assert page["p95_ratio"] == 20.0  # p95 200 ms against the bare view's median of 10 ms
    assert report["bare"]["signed_in_ratio"] == 0.5
    assert report["reminder_tick_ratio"] == 1.5 and report["fanout_ratio"] == 2.5
    assert report["memory"] == {"web_worker_max_rss_mb": 150.0, "celery_worker_max_rss_mb": 90.0}
    assert "| network page | yes | 12 | 50.0 | 200.0 | 0.25 | 200.0 | 20.0 ✗ |" in table(report)
