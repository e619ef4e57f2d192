"""Reading the report back: the page's tables, the CSV and the XLSX; and the figures counted
independently, in plain Python over the objects the test created."""

import csv
import io
from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser

from django.utils import timezone

from meetings.models import Meeting, MeetingKind, Registration
from network.models import Measure, Membership

# The sectors, written out once more for the test (the report maps organisation kinds).
SECTOR = {
    "provider": "youth_welfare",
    "youth_office": "youth_welfare",
    "health": "health",
    "school": "schools_daycare",
    "daycare": "schools_daycare",
    "counselling": "counselling",
    "job_centre": "job_centre",
    "police": "police_justice",
}


def sector(kind):
    return SECTOR.get(kind, "others")


def expected_figures(world, start, end, *, include_subnetworks=False) -> dict:
    now = timezone.now()
    ids = {world.network.pk, world.sub.pk} if include_subnetworks else {world.network.pk}

    def held(m):
        local = timezone.localtime(m.start).date()
        return (
            m.network_id in ids
            and m.status in (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
            and start <= local <= end
            and m.start <= now
        )

    held_meetings = [m for m in world.meetings if held(m)]
    plain = [m for m in held_meetings if m.kind != MeetingKind.CASE_CONFERENCE]
    plain_ids = {m.pk for m in plain}
    regs = [r for r in world.registrations if r.meeting_id in plain_ids]
    per_meeting = {}
    for m in plain:
        mine = [r for r in regs if r.meeting_id == m.pk]
        ratings = [f.rating for f in world.feedback if f.meeting_id == m.pk]
        per_meeting[m.title] = {
            "registered": sum(r.status == Registration.Status.REGISTERED for r in mine),
            "people": sum(r.attended is True for r in mine),
            "organisations": len({r.organisation_id for r in mine if r.attended is True}),
            "rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
        }
    present_orgs = {r.organisation_id for r in regs if r.attended is True}
    kinds = {o.pk: o.kind for o in world.organisations}
    member_orgs = {
        ms.organisation_id: ms.organisation.kind
        for ms in world.memberships
        if ms.network_id in ids
        and ms.status in (Membership.Status.ACTIVE, Membership.Status.LEFT)
        and (ms.started_at is None or ms.started_at <= end)
        and (ms.ended_at is None or ms.ended_at >= start)
    }
    sectors = {}
    for key in (
        "youth_welfare",
        "health",
        "schools_daycare",
        "counselling",
        "job_centre",
        "police_justice",
        "others",
    ):
        members = [o for o, k in member_orgs.items() if sector(k) == key]
        sectors[key] = {
            "present": sum(1 for o in present_orgs if sector(kinds[o]) == key),
            "members": len(members),
            "members_present": sum(1 for o in members if o in present_orgs),
        }
    new = [
        ms
        for ms in world.memberships
        if ms.network_id in ids
        and ms.status in ("active", "left")
        and ms.started_at
        and start <= ms.started_at <= end
    ]
    ended = [
        ms
        for ms in world.memberships
        if ms.network_id in ids
        and ms.status == "left"
        and ms.ended_at
        and start <= ms.ended_at <= end
    ]
    start_at = timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time()))
    end_before = timezone.make_aware(
        timezone.datetime.combine(end + timedelta(days=1), timezone.datetime.min.time())
    )
    conference_ids = {m.pk for m in world.meetings if m.kind == MeetingKind.CASE_CONFERENCE}
    measures = [
        x
        for x in world.measures
        if x.network_id in ids and not x.is_restricted and x.meeting_id not in conference_ids
    ]
    overdue_before = min(timezone.localdate(), end + timedelta(days=1))
    ratings = [f.rating for f in world.feedback if f.meeting_id in plain_ids]
    meeting_start = {m.pk: m.start for m in world.meetings}

    def opened(x):  # at the meeting that decided it, else when it was entered
        return meeting_start.get(x.meeting_id, x.created_at) if x.meeting_id else x.created_at

    by_status = Counter(x.status for x in measures if start_at <= opened(x) < end_before)
    return {
        "total": len(held_meetings),
        "case_conferences": sum(m.kind == MeetingKind.CASE_CONFERENCE for m in held_meetings),
        "by_kind": Counter(m.kind for m in held_meetings),
        "by_format": Counter(m.format for m in plain),
        "per_meeting": per_meeting,
        "people_present": sum(v["people"] for v in per_meeting.values()),
        "organisations_present": len(present_orgs),
        "members_total": len(member_orgs),
        "members_present": sum(1 for o in member_orgs if o in present_orgs),
        "sectors": sectors,
        "new": sorted(ms.organisation.name for ms in new),
        "ended": sorted(ms.organisation.name for ms in ended),
        "topics": sorted(a.title for a in world.agenda if a.meeting_id in plain_ids),
        "opened": sum(by_status.values()),
        "by_status": by_status,
        "done": sum(
            1
            for x in measures
            if x.status == Measure.Status.DONE and x.done_at and start_at <= x.done_at < end_before
        ),
        "overdue": sum(
            1
            for x in measures
            if x.status in (Measure.Status.OPEN, Measure.Status.IN_PROGRESS)
            and x.due_date
            and x.due_date < overdue_before
            and opened(x) < end_before
        ),
        "feedback_count": len(ratings),
        "feedback_average": round(sum(ratings) / len(ratings), 1) if ratings else None,
        "working_groups": {
            wg.name: sum(1 for m in plain if m.working_group_id == wg.pk)
            for wg in world.working_groups
        },
        "sub_meetings": sum(
            1
            for m in world.meetings
            if m.network_id == world.sub.pk
            and m.status in (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
            and start <= timezone.localtime(m.start).date() <= end
        ),
    }


class TableParser(HTMLParser):
    """Tables of a page by id: {id: [[cell text, …], …]} (header rows included)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.texts: dict[str, str] = {}
        self._table = None
        self._row = None
        self._cell = None
        self._text_id = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._table = attrs["id"]
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "p" and attrs.get("id"):
            self._text_id = attrs["id"]
            self.texts[self._text_id] = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "p":
            self._text_id = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._text_id:
            self.texts[self._text_id] += data


def page_tables(html: str) -> TableParser:
    parser = TableParser()
    parser.feed(html)
    return parser


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode()), "the CSV starts with a byte-order mark"
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def xlsx_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    rows = []
    for row in sheet.iter_rows(values_only=True):
        cells = ["" if c is None else c for c in row]
        while cells and cells[-1] == "" and not any(cells):
            cells.pop()
        rows.append(cells)
    return rows


def section(rows, title: str) -> list[list]:
    """The data rows of a section (without its title and header row)."""
    for index, row in enumerate(rows):
        if row and row[0] == title and not any(row[1:]):
            data = []
            for line in rows[index + 2 :]:
                if not line or all(c in ("", None) for c in line):
                    break
                data.append(line)
            return data
    raise AssertionError(f"no section {title!r}")


def number(value) -> float | int | None:
    """A cell as a number: German decimal commas in CSV, numbers in XLSX."""
    if value in ("", None, "–"):
        return None
    if isinstance(value, int | float):
        return value
    text = str(value).replace(",", ".")
    return float(text) if "." in text else int(text)
