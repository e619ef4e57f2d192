"""Acceptance 1: every number of the network report, checked against counts computed in the
test, the same in the page, the CSV and the XLSX."""

import io
import re

import pytest
from django.utils import timezone, translation

from core.models import AuditEvent
from meetings.models import Meeting, MeetingKind
from network.models import Measure
from reports.selectors import ReportPeriod, last_calendar_year, network_report

from .conftest import PERIOD_END, PERIOD_START, YEAR
from .helpers import csv_rows, expected_figures, number, page_tables, section, xlsx_rows

URL = "/networks/fh-olsberg/report"


def fetch(client, world, suffix, query=""):
    client.force_login(world.coordinator)
    response = client.get(f"{URL}{suffix}{query}")
    assert response.status_code == 200, response.status_code
    return response


def _(response, text):
    with translation.override(response["Content-Language"]):
        return translation.gettext(text)


@pytest.mark.django_db
@pytest.mark.parametrize("include", [False, True])
def test_the_report_counts_what_happened(report_world, include):
    world = report_world
    expected = expected_figures(world, PERIOD_START, PERIOD_END, include_subnetworks=include)
    report = network_report(world.network, ReportPeriod(PERIOD_START, PERIOD_END, include))
    kinds = dict(MeetingKind.choices)

    assert report.meetings_total == expected["total"] > 12
    assert report.case_conferences == expected["case_conferences"] == 1
    assert dict(report.by_kind) == {kinds[k]: n for k, n in expected["by_kind"].items()}
    assert sum(n for _, n in report.by_format) == sum(expected["by_format"].values())
    measured = {m["title"]: m for m in report.meetings}
    assert set(measured) == set(expected["per_meeting"])
    for title, figures in expected["per_meeting"].items():
        for key, value in figures.items():
            assert measured[title][key] == value, (title, key)
    assert "Fallkonferenz geheim" not in measured
    assert report.people_present == expected["people_present"]
    assert sum(n for _, n in report.attendance_by_month) == expected["people_present"]
    assert report.organisations_present == expected["organisations_present"]
    assert report.members_total == expected["members_total"]
    assert report.members_present == expected["members_present"]
    for row in report.sectors:
        want = expected["sectors"][row["key"]]
        assert (row["present"], row["members"], row["members_present"]) == (
            want["present"],
            want["members"],
            want["members_present"],
        ), row["key"]
    assert sorted(e["organisation"] for e in report.new_memberships) == expected["new"]
    assert sorted(e["organisation"] for e in report.ended_memberships) == expected["ended"]
    assert sorted(t["title"] for t in report.topics) == expected["topics"]
    assert report.measures == {
        "opened": expected["opened"],
        "done": expected["done"],
        "overdue": expected["overdue"],
    }
    statuses = dict(Measure.Status.choices)
    assert dict(report.measures_by_status) == {
        statuses[s]: expected["by_status"].get(s, 0) for s in statuses
    }
    assert report.feedback_count == expected["feedback_count"]
    assert report.feedback_average == expected["feedback_average"]
    groups = {w["name"]: w["meetings"] for w in report.working_groups}
    assert groups["Kleingruppe Schule"] == expected["working_groups"]["Kleingruppe Schule"] > 0
    assert groups["AG Fortbildung"] == 0
    assert report.subnetworks == [
        {"name": "Teilnetzwerk Brilon", "meetings": expected["sub_meetings"]}
    ]
    # The test world has something in every figure, or the checks above prove little.
    assert expected["new"] and expected["ended"] and expected["overdue"] and expected["done"]


@pytest.mark.django_db
def test_the_default_period_is_the_last_calendar_year(client, report_world):
    assert last_calendar_year() == (PERIOD_START, PERIOD_END)
    response = fetch(client, report_world, "/")
    assert response.context["report"].period.start == PERIOD_START
    assert response.context["report"].period.end == PERIOD_END
    assert str(YEAR) in response.content.decode()


@pytest.mark.django_db
def test_page_csv_and_xlsx_show_the_same_numbers(client, report_world):
    world = report_world
    query = f"?start={PERIOD_START}&end={PERIOD_END}&include_subnetworks=on"
    expected = expected_figures(world, PERIOD_START, PERIOD_END, include_subnetworks=True)

    page = fetch(client, world, "/", query)
    html = page.content.decode()
    assert "Fallkonferenz geheim" not in html
    tables = page_tables(html).tables
    rows = {r[1]: r for r in tables["table-attendance"][1:]}
    for title, figures in expected["per_meeting"].items():
        cells = next(r for t, r in rows.items() if t.startswith(title))
        assert [int(cells[3]), int(cells[4]), int(cells[5])] == [
            figures["registered"],
            figures["people"],
            figures["organisations"],
        ], title
        assert number(cells[6]) == figures["rating"]
    measures = {r[0]: int(r[1]) for r in tables["table-measures"]}
    assert list(measures.values()) == [expected["opened"], expected["done"], expected["overdue"]]
    kinds = {r[0]: int(r[1]) for r in tables["table-by-kind"][1:]}
    assert sum(kinds.values()) == expected["total"]
    sectors = tables["table-sectors"][1:]
    assert [int(r[1]) for r in sectors] == [v["present"] for v in expected["sectors"].values()]
    assert [int(r[2]) for r in sectors] == [v["members"] for v in expected["sectors"].values()]

    for content, reader in (
        (fetch(client, world, ".csv", query), csv_rows),
        (fetch(client, world, ".xlsx", query), xlsx_rows),
    ):
        response = content
        rows = reader(response.content)
        per_meeting = {r[1]: r for r in section(rows, _(response, "Attendance per meeting"))}
        for title, figures in expected["per_meeting"].items():
            cells = per_meeting[title]
            assert [number(cells[4]), number(cells[5]), number(cells[6])] == [
                figures["registered"],
                figures["people"],
                figures["organisations"],
            ]
            assert number(cells[7]) == figures["rating"]
        assert "Fallkonferenz geheim" not in str(rows)
        held = section(rows, _(response, "Meetings held"))
        assert number(held[-1][1]) == expected["total"]
        sector_rows = section(rows, _(response, "Organisations and sectors"))
        assert [number(r[1]) for r in sector_rows[:-1]] == [
            v["present"] for v in expected["sectors"].values()
        ]
        assert [number(r[2]) for r in sector_rows[:-1]] == [
            v["members"] for v in expected["sectors"].values()
        ]
        assert number(sector_rows[-1][1]) == expected["organisations_present"]
        assert number(sector_rows[-1][2]) == expected["members_total"]
        assert number(sector_rows[-1][4]) == expected["members_present"]
        measures = [number(r[1]) for r in section(rows, _(response, "Measures"))]
        assert measures == [expected["opened"], expected["done"], expected["overdue"]]
        changes = [number(r[1]) for r in section(rows, _(response, "Membership changes"))]
        assert changes == [len(expected["new"]), len(expected["ended"])]
        feedback = section(rows, _(response, "Feedback"))
        assert number(feedback[0][1]) == expected["feedback_average"]
        assert number(feedback[1][1]) == expected["feedback_count"]
        topics = sorted(r[2] for r in section(rows, _(response, "Topics handled")))
        assert topics == expected["topics"]
        conferences = section(rows, _(response, "Case conferences"))
        assert number(conferences[0][1]) == 1


@pytest.mark.django_db
def test_every_export_is_written_to_the_audit_log(client, report_world):
    for suffix in (".pdf", ".csv", ".xlsx"):
        fetch(client, report_world, suffix)
    formats = sorted(e.data["format"] for e in AuditEvent.objects.filter(action="report.exported"))
    assert formats == ["csv", "pdf", "xlsx"]


@pytest.mark.django_db
def test_a_bad_period_keeps_the_input_and_says_what_is_wrong(client, report_world):
    response = fetch(client, report_world, "/", "?start=2025-05-01&end=2025-01-01")
    html = response.content.decode()
    assert 'value="2025-05-01"' in html
    assert response.context["form"].errors
    assert response.context["report"].period.start == PERIOD_START


@pytest.mark.django_db
def test_the_charts_have_text_alternatives(client, report_world):
    html = fetch(client, report_world, "/").content.decode()
    assert html.count('role="img"') == 3
    for key in ("attendance", "sectors", "measures"):
        assert f'aria-labelledby="chart-{key}-title"' in html
        assert f'<title id="chart-{key}-title">' in html
        assert f'id="chart-{key}-table"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]
    assert timezone.now()


@pytest.mark.django_db
def test_titles_that_look_like_formulas_stay_text(client, report_world):
    meeting = next(m for m in report_world.meetings if m.title.startswith("Treffen 03"))
    Meeting.objects.filter(pk=meeting.pk).update(title='=HYPERLINK("http://x.example","klick")')
    query = f"?start={PERIOD_START}&end={PERIOD_END}"
    rows = csv_rows(fetch(client, report_world, ".csv", query).content)
    titles = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert titles and all(cell.startswith("'=HYPERLINK(") for cell in titles)
    from openpyxl import load_workbook

    content = fetch(client, report_world, ".xlsx", query).content
    cells = [
        c
        for row in load_workbook(io.BytesIO(content)).active.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells and all(c.data_type == "s" for c in cells)


@pytest.mark.django_db
def test_the_download_links_of_the_report_page_open_the_exports(client, report_world):
    """The links the page shows lead to the PDF, CSV and XLSX of the same period (they were
    relative, and pointed below /report/, where nothing is)."""
    page = fetch(client, report_world, "/", f"?start={PERIOD_START}&end={PERIOD_END}")
    hrefs = re.findall(r'href="([^"]*report\.(?:pdf|csv|xlsx)[^"]*)"', page.content.decode())
    assert len(hrefs) == 3, hrefs
    for href in hrefs:
        href = href.replace("&amp;", "&")
        assert href.startswith(f"{URL}."), href
        response = client.get(href)
        assert response.status_code == 200, (href, response.status_code)
        assert "filename=" in response["Content-Disposition"]


@pytest.mark.django_db
def test_the_sector_chart_shows_every_sector_name_in_full(client, report_world):
    """The chart cut "Schule und Kindertagesbetreuung" to "Schule und Kindertagesbetreuu…"."""
    page = fetch(client, report_world, "/", f"?start={PERIOD_START}&end={PERIOD_END}")
    svg_labels = re.findall(
        r"<text[^>]*text-anchor=\"end\"[^>]*>([^<]*)</text>", page.content.decode()
    )
    assert "Schule und Kindertagesbetreuung" in svg_labels
    assert not [label for label in svg_labels if label.endswith("…")]
