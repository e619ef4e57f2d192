"""Acceptance 4: the report for 200 meetings and 5,000 registrations runs the same number of
queries as for 5 meetings."""

import uuid
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import AgendaItem, Feedback, Meeting, MeetingKind, Registration
from network.models import Measure, WorkingGroup
from reports.selectors import ReportPeriod, network_report
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
)

from .conftest import PERIOD_END, PERIOD_START, YEAR, at

# The report's queries (reports/selectors.py lists them).
REPORT_QUERIES = 11


def build(network, organisations, people, *, meetings: int, per_meeting: int):
    group = WorkingGroup.objects.create(network=network, name=f"AG {meetings}")
    created = Meeting.objects.bulk_create(
        Meeting(
            uid=f"{uuid.uuid4()}@test",
            network=network,
            working_group=group if n % 4 == 0 else None,
            kind=[MeetingKind.NETWORK, MeetingKind.TRAINING, MeetingKind.CASE_CONFERENCE][n % 3],
            title=f"Treffen {n}",
            start=at(date(YEAR, 1, 1) + timedelta(days=n % 360)),
            end=at(date(YEAR, 1, 1) + timedelta(days=n % 360), 12),
            status=Meeting.Status.HELD,
        )
        for n in range(meetings)
    )
    registrations = []
    for meeting in created:
        for n in range(per_meeting):
            registrations.append(
                Registration(
                    meeting=meeting,
                    user=people[n],
                    organisation=organisations[n % len(organisations)],
                    status=Registration.Status.REGISTERED,
                    attended=n % 3 != 0,
                )
            )
    Registration.objects.bulk_create(registrations)
    Feedback.objects.bulk_create(
        Feedback(meeting=m, user=people[0], rating=1 + m.pk % 5) for m in created
    )
    AgendaItem.objects.bulk_create(AgendaItem(meeting=m, title="TOP") for m in created)
    Measure.objects.bulk_create(
        Measure(network=network, meeting=m, title="Maßnahme", due_date=date(YEAR, 6, 1))
        for m in created
    )
    return created


def world(meetings: int, per_meeting: int):
    network = NetworkFactory()
    NetworkFactory(parent=network)
    organisations = [OrganisationFactory(kind=k) for k in ("provider", "health", "school")]
    for organisation in organisations:
        MembershipFactory(network=network, organisation=organisation)
    people = [UserFactory() for _ in range(per_meeting)]
    build(network, organisations, people, meetings=meetings, per_meeting=per_meeting)
    return network


@pytest.mark.django_db
@pytest.mark.parametrize("include", [False, True])
def test_the_report_runs_a_fixed_number_of_queries(django_assert_num_queries, include):
    period = ReportPeriod(PERIOD_START, PERIOD_END, include)
    small = world(5, 4)
    with django_assert_num_queries(REPORT_QUERIES):
        report = network_report(small, period)
    assert report.meetings_total == 5
    large = world(200, 25)
    assert Registration.objects.filter(meeting__network=large).count() == 5000
    with django_assert_num_queries(REPORT_QUERIES):
        report = network_report(large, period)
    assert report.meetings_total == 200
    conferences = sum(1 for n in range(200) if n % 3 == 2)
    assert report.case_conferences == conferences
    assert len(report.meetings) == 200 - conferences  # case conferences only as a count
    present_per_meeting = sum(1 for n in range(25) if n % 3 != 0)
    assert report.people_present == (200 - conferences) * present_per_meeting


@pytest.mark.django_db
def test_the_page_and_the_exports_cost_the_same_for_5_and_200_meetings(client):
    coordinator = UserFactory()
    small, large = world(5, 4), world(200, 25)
    small.coordinators.add(coordinator)
    large.coordinators.add(coordinator)
    client.force_login(coordinator)
    # The page: user, network, the person's coordinated networks (and their sub-networks),
    # the report's 11; the exports: one more, the audit entry. At most 15 for the page
    # (DESIGN.md, "Quality bars").
    pinned = {"report/": 15, "report.csv": 16, "report.xlsx": 16}
    for suffix in pinned:
        counts = []
        for network in (small, large):
            url = f"/networks/{network.slug}/{suffix}"
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        assert counts == [pinned[suffix], pinned[suffix]], suffix
