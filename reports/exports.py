"""The report's figures as rows, written as CSV (German spreadsheets: UTF-8 with BOM,
semicolons, decimal commas) and as XLSX. The page, the PDF and both files read the same
``Report`` (reports/selectors.py)."""

import csv
import io
from datetime import date

from django.utils.translation import gettext as _

from .selectors import Report


def report_rows(report: Report) -> list[list]:
    """Rows of cells: each section starts with its title, then a header row, then its data."""
    period = report.period
    rows: list[list] = [
        [_("Network report"), report.network.name],
        [_("Period"), period.start, period.end],
        [_("Including sub-networks"), _("yes") if period.include_subnetworks else _("no")],
        [],
    ]

    def section(title, header, data):
        rows.append([title])
        rows.append(header)
        rows.extend(data)
        rows.append([])

    section(
        _("Meetings held"),
        [_("Kind"), _("Number")],
        [*([label, n] for label, n in report.by_kind), [_("Total"), report.meetings_total]],
    )
    section(_("Meetings by format"), [_("Format"), _("Number")], report.by_format)
    section(
        _("Attendance per meeting"),
        [
            _("Date"),
            _("Meeting"),
            _("Kind"),
            _("Network"),
            _("Registered"),
            _("People present"),
            _("Organisations present"),
            _("Average rating"),
        ],
        [
            [
                m["date"],
                m["title"],
                m["kind"],
                m["network"],
                m["registered"],
                m["people"],
                m["organisations"],
                m["rating"] if m["rating"] is not None else "",
            ]
            for m in report.meetings
        ],
    )
    section(_("Attendance by month"), [_("Month"), _("People present")], report.attendance_by_month)
    section(
        _("Organisations and sectors"),
        [
            _("Sector"),
            _("Organisations present"),
            _("Member organisations"),
            _("Share of the members (%)"),
            _("Members present"),
            _("Members present (%)"),
        ],
        [
            *(
                [
                    s["label"],
                    s["present"],
                    s["members"],
                    _blank(s["share_of_members"]),
                    s["members_present"],
                    _blank(s["share_present"]),
                ]
                for s in report.sectors
            ),
            [
                _("Total"),
                report.organisations_present,
                report.members_total,
                100 if report.members_total else "",
                report.members_present,
                _blank(report.members_present_share),
            ],
        ],
    )
    section(
        _("Memberships"),
        [_("Change"), _("Organisation"), _("Network"), _("Date")],
        [
            *(
                [_("new"), e["organisation"], e["network"], e["started_at"]]
                for e in report.new_memberships
            ),
            *(
                [_("ended"), e["organisation"], e["network"], e["ended_at"]]
                for e in report.ended_memberships
            ),
        ],
    )
    section(
        _("Membership changes"),
        [_("Change"), _("Number")],
        [[_("new"), len(report.new_memberships)], [_("ended"), len(report.ended_memberships)]],
    )
    section(
        _("Topics handled"),
        [_("Date"), _("Meeting"), _("Topic")],
        [[t["date"], t["meeting"], t["title"]] for t in report.topics],
    )
    section(
        _("Measures"),
        [_("Figure"), _("Number")],
        [
            [_("opened"), report.measures["opened"]],
            [_("done"), report.measures["done"]],
            [_("overdue"), report.measures["overdue"]],
        ],
    )
    section(_("Measures opened, by status"), [_("Status"), _("Number")], report.measures_by_status)
    section(
        _("Feedback"),
        [_("Figure"), _("Value")],
        [
            [_("Average rating (1–5)"), _blank(report.feedback_average)],
            [_("Number of ratings"), report.feedback_count],
        ],
    )
    section(
        _("Sub-networks"),
        [_("Sub-network"), _("Meetings held")],
        [[s["name"], s["meetings"]] for s in report.subnetworks],
    )
    section(
        _("Working groups"),
        [_("Working group"), _("Network"), _("Meetings held")],
        [[w["name"], w["network"], w["meetings"]] for w in report.working_groups],
    )
    section(
        _("Case conferences"),
        [_("Figure"), _("Number")],
        [[_("Case conferences held"), report.case_conferences]],
    )
    return rows


def _blank(value):
    return "" if value is None else value


# A text starting with one of these is a formula to a spreadsheet program (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def to_csv(rows) -> bytes:
    """UTF-8 with BOM, separated by semicolons: what German spreadsheet programs open."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows, *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    bold = Font(bold=True)
    previous_empty = True
    for row in rows:
        cells = [str(c) if not isinstance(c, int | float | date) else c for c in row]
        sheet.append(cells)
        if cells and previous_empty:
            sheet.cell(row=sheet.max_row, column=1).font = bold
        previous_empty = not cells
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a title like "=HYPERLINK(…)" stays text
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
