"""The network report: every figure of the page, the PDF, the CSV and the XLSX, computed once.

``network_report`` runs a FIXED number of queries, whatever the number of meetings,
registrations, members or measures (aggregates with GROUP BY, never one query per meeting):

 1. the network tree (recursive CTE): the network and its sub-networks
 2. the networks of the tree with their held meetings in the period
 3. held meetings by kind and format (case conferences included, as a count only)
 4. the held meetings (without case conferences) with registrations, attendance and feedback
 5. organisations present, by kind
 6. member organisations in the period by kind, and how many of them were present
 7. memberships begun or ended in the period
 8. topics handled: the agenda items of the held meetings
 9. measures: opened, done and overdue, and measures by status
10. feedback: average and number of ratings
11. working groups with their held meetings

Case conferences appear only as a count: no title, no participants, no measures, no feedback.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem, Feedback, Meeting, MeetingKind, Registration
from network.models import Measure, Membership, Network, WorkingGroup
from network.tree import with_subnetworks
from providers.models import Organisation

# Sectors as the states' network statistics count them, from the organisation's kind.
SECTORS = (
    ("youth_welfare", _("youth welfare")),
    ("health", _("health")),
    ("schools_daycare", _("schools and day care")),
    ("counselling", _("counselling")),
    ("job_centre", _("job centre")),
    ("police_justice", _("police and justice")),
    ("others", _("others")),
)
SECTOR_OF_KIND = {
    Organisation.Kind.INDEPENDENT_PROVIDER: "youth_welfare",
    Organisation.Kind.YOUTH_OFFICE: "youth_welfare",
    Organisation.Kind.HEALTH: "health",
    Organisation.Kind.SCHOOL: "schools_daycare",
    Organisation.Kind.DAYCARE: "schools_daycare",
    Organisation.Kind.COUNSELLING: "counselling",
    Organisation.Kind.JOB_CENTRE: "job_centre",
    Organisation.Kind.POLICE: "police_justice",
}
HELD_STATUSES = (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
OPEN_MEASURE = (Measure.Status.OPEN, Measure.Status.IN_PROGRESS)


def sector_of(kind: str | None) -> str:
    return SECTOR_OF_KIND.get(kind, "others")


def last_calendar_year(today: date | None = None) -> tuple[date, date]:
    year = (today or timezone.localdate()).year - 1
    return date(year, 1, 1), date(year, 12, 31)


def share(part: int, whole: int) -> float | None:
    """Percent, one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class ReportPeriod:
    start: date
    end: date
    include_subnetworks: bool = False

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_before(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))


@dataclass
class Report:
    network: Network
    period: ReportPeriod
    network_ids: list[int]
    meetings_total: int = 0
    case_conferences: int = 0
    by_kind: list = field(default_factory=list)  # (label, count)
    by_format: list = field(default_factory=list)  # (label, count)
    meetings: list = field(default_factory=list)  # dicts, one per held meeting (no CC)
    attendance_by_month: list = field(default_factory=list)  # (label, people)
    people_present: int = 0
    organisations_present: int = 0
    sectors: list = field(default_factory=list)  # dicts per sector
    members_total: int = 0
    members_present: int = 0
    new_memberships: list = field(default_factory=list)
    ended_memberships: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    measures: dict = field(default_factory=dict)
    measures_by_status: list = field(default_factory=list)  # (label, count)
    feedback_average: float | None = None
    feedback_count: int = 0
    subnetworks: list = field(default_factory=list)  # dicts: name, meetings
    working_groups: list = field(default_factory=list)  # dicts: name, network, meetings

    @property
    def members_present_share(self):
        return share(self.members_present, self.members_total)


def _held(qs, period: ReportPeriod, network_ids, *, prefix: str = ""):
    """Meetings of the networks that took place in the period (published or held, begun)."""
    now = timezone.now()
    p = prefix
    return qs.filter(
        **{
            f"{p}network_id__in": network_ids,
            f"{p}status__in": HELD_STATUSES,
            f"{p}start__gte": period.start_at,
            f"{p}start__lt": min(period.end_before, now),
        }
    )


def network_report(network: Network, period: ReportPeriod) -> Report:
    """Every figure of the network report for the period. 11 queries, always (see above)."""
    tree = with_subnetworks([network.pk])  # 1
    network_ids = sorted(tree) if period.include_subnetworks else [network.pk]
    report = Report(network=network, period=period, network_ids=network_ids)
    held = _held(Meeting.objects.all(), period, network_ids)
    held_plain = held.exclude(kind=MeetingKind.CASE_CONFERENCE)

    # 2: the sub-networks (any depth) with their held meetings in the period.
    sub_held = Q(
        meetings__status__in=HELD_STATUSES,
        meetings__start__gte=period.start_at,
        meetings__start__lt=min(period.end_before, timezone.now()),
    )
    report.subnetworks = [
        {"name": row["name"], "meetings": row["held"]}
        for row in Network.objects.filter(pk__in=tree - {network.pk})
        .annotate(held=Count("meetings", filter=sub_held))
        .order_by("name")
        .values("name", "held")
    ]

    # 3: meetings by kind and format.
    kinds = dict(MeetingKind.choices)
    formats = dict(Meeting.Format.choices)
    by_kind: dict[str, int] = {}
    by_format: dict[str, int] = {}
    for row in held.values("kind", "format").annotate(n=Count("pk")).order_by():
        by_kind[row["kind"]] = by_kind.get(row["kind"], 0) + row["n"]
        if row["kind"] != MeetingKind.CASE_CONFERENCE:
            by_format[row["format"]] = by_format.get(row["format"], 0) + row["n"]
    report.meetings_total = sum(by_kind.values())
    report.case_conferences = by_kind.get(MeetingKind.CASE_CONFERENCE, 0)
    report.by_kind = [(kinds[k], by_kind[k]) for k in kinds if by_kind.get(k)]
    report.by_format = [(formats[f], by_format[f]) for f in formats if by_format.get(f)]

    # 4: attendance per meeting (people and organisations), feedback per meeting.
    present = Q(registrations__attended=True)
    feedback_avg = (
        Feedback.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(avg=Avg("rating"))
        .values("avg")
    )
    rows = (
        held_plain.annotate(
            registered=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.REGISTERED),
                distinct=True,
            ),
            people=Count("registrations", filter=present, distinct=True),
            organisations=Count("registrations__organisation", filter=present, distinct=True),
            rating=Subquery(feedback_avg),
        )
        .order_by("start", "pk")
        .values(
            "pk",
            "title",
            "kind",
            "start",
            "network__name",
            "registered",
            "people",
            "organisations",
            "rating",
        )
    )
    months: dict[tuple[int, int], int] = {}
    for row in rows:
        local = timezone.localtime(row["start"])
        months[(local.year, local.month)] = months.get((local.year, local.month), 0) + row["people"]
        report.meetings.append(
            {
                "id": row["pk"],
                "title": row["title"],
                "kind": kinds.get(row["kind"], row["kind"]),
                "date": local.date(),
                "network": row["network__name"],
                "registered": row["registered"],
                "people": row["people"],
                "organisations": row["organisations"],
                "rating": round(row["rating"], 1) if row["rating"] is not None else None,
            }
        )
    report.people_present = sum(m["people"] for m in report.meetings)
    report.attendance_by_month = _months(period, months)

    # 5: organisations present, by kind (each organisation once).
    present_regs = Registration.objects.filter(
        meeting__in=held_plain, attended=True, organisation__isnull=False
    )
    present_by_sector: dict[str, int] = {}
    for row in present_regs.values("organisation__kind").annotate(
        n=Count("organisation", distinct=True)
    ):
        sector = sector_of(row["organisation__kind"])
        present_by_sector[sector] = present_by_sector.get(sector, 0) + row["n"]
    report.organisations_present = sum(present_by_sector.values())

    # 6: member organisations in the period by kind, and how many of them were present.
    members = Membership.objects.filter(
        network_id__in=network_ids,
        status__in=(Membership.Status.ACTIVE, Membership.Status.LEFT),
    ).filter(
        Q(started_at__isnull=True) | Q(started_at__lte=period.end),
        Q(ended_at__isnull=True) | Q(ended_at__gte=period.start),
    )
    member_rows = (
        members.values("organisation__kind")
        .annotate(
            n=Count("organisation", distinct=True),
            present=Count(
                "organisation",
                distinct=True,
                filter=Q(organisation__in=present_regs.values("organisation_id")),
            ),
        )
        .order_by()
    )
    members_by_sector: dict[str, list[int]] = {}
    for row in member_rows:
        counts = members_by_sector.setdefault(sector_of(row["organisation__kind"]), [0, 0])
        counts[0] += row["n"]
        counts[1] += row["present"]
    report.members_total = sum(c[0] for c in members_by_sector.values())
    report.members_present = sum(c[1] for c in members_by_sector.values())
    for key, label in SECTORS:
        member_count, member_present = members_by_sector.get(key, [0, 0])
        report.sectors.append(
            {
                "key": key,
                "label": label,
                "present": present_by_sector.get(key, 0),
                "members": member_count,
                "members_present": member_present,
                "share_of_members": share(member_count, report.members_total),
                "share_present": share(member_present, member_count),
            }
        )

    # 7: memberships begun or ended in the period.
    changes = (
        Membership.objects.filter(network_id__in=network_ids)
        .filter(
            Q(
                status__in=(Membership.Status.ACTIVE, Membership.Status.LEFT),
                started_at__range=(period.start, period.end),
            )
            | Q(status=Membership.Status.LEFT, ended_at__range=(period.start, period.end))
        )
        .order_by("organisation__name", "pk")
        .values("organisation__name", "network__name", "started_at", "ended_at", "status")
    )
    for row in changes:
        entry = {
            "organisation": row["organisation__name"],
            "network": row["network__name"],
            "started_at": row["started_at"],
            "ended_at": row["ended_at"],
        }
        if row["started_at"] and period.start <= row["started_at"] <= period.end:
            report.new_memberships.append(entry)
        if (
            row["status"] == Membership.Status.LEFT
            and row["ended_at"]
            and period.start <= row["ended_at"] <= period.end
        ):
            report.ended_memberships.append(entry)

    # 8: topics handled: the agenda items of the held meetings (no case conferences).
    report.topics = [
        {
            "title": row["title"],
            "meeting": row["meeting__title"],
            "date": timezone.localtime(row["meeting__start"]).date(),
        }
        for row in AgendaItem.objects.filter(meeting__in=held_plain)
        .order_by("meeting__start", "meeting_id", "position", "pk")
        .values("title", "meeting__title", "meeting__start")
    ]

    # 9: measures (none of case conferences): opened, done, overdue; and by status.
    today = timezone.localdate()
    overdue_before = min(today, period.end + timedelta(days=1))
    # Opened: at the meeting that decided it, else when it was entered.
    measures = (
        Measure.objects.filter(network_id__in=network_ids, is_restricted=False)
        .exclude(meeting__kind=MeetingKind.CASE_CONFERENCE)
        .annotate(opened_at=Coalesce("meeting__start", "created_at"))
    )
    opened_q = Q(opened_at__gte=period.start_at, opened_at__lt=period.end_before)
    rows = (
        measures.values("status")
        .annotate(
            opened=Count("pk", filter=opened_q),
            done=Count(
                "pk",
                filter=Q(
                    status=Measure.Status.DONE,
                    done_at__gte=period.start_at,
                    done_at__lt=period.end_before,
                ),
            ),
            overdue=Count(
                "pk",
                filter=Q(
                    status__in=OPEN_MEASURE,
                    due_date__lt=overdue_before,
                    opened_at__lt=period.end_before,
                ),
            ),
        )
        .order_by()
    )
    statuses = dict(Measure.Status.choices)
    opened_by_status: dict[str, int] = {}
    done = overdue = 0
    for row in rows:
        opened_by_status[row["status"]] = row["opened"]
        done += row["done"]
        overdue += row["overdue"]
    report.measures = {
        "opened": sum(opened_by_status.values()),
        "done": done,
        "overdue": overdue,
    }
    report.measures_by_status = [(statuses[s], opened_by_status.get(s, 0)) for s in statuses]

    # 10: feedback on the held meetings (no case conferences).
    feedback = Feedback.objects.filter(meeting__in=held_plain).aggregate(
        average=Avg("rating"), count=Count("pk")
    )
    report.feedback_count = feedback["count"]
    if feedback["average"] is not None:
        report.feedback_average = round(feedback["average"], 1)

    # 11: working groups with their held meetings.
    wg_held = Q(
        meetings__status__in=HELD_STATUSES,
        meetings__start__gte=period.start_at,
        meetings__start__lt=min(period.end_before, timezone.now()),
        meetings__kind__in=[k for k in MeetingKind.values if k != MeetingKind.CASE_CONFERENCE],
    )
    report.working_groups = [
        {"name": row["name"], "network": row["network__name"], "meetings": row["held"]}
        for row in WorkingGroup.objects.filter(network_id__in=network_ids)
        .annotate(held=Coalesce(Count("meetings", filter=wg_held), 0))
        .order_by("network__name", "name")
        .values("name", "network__name", "held")
    ]
    return report


def _months(period: ReportPeriod, people: dict) -> list[tuple[str, int]]:
    """(``MM/YYYY``, people present) for every month of the period, empty months included."""
    result = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month) and len(result) < 120:
        result.append((f"{month:02d}/{year}", people.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


__all__ = ["SECTORS", "Report", "ReportPeriod", "last_calendar_year", "network_report"]
