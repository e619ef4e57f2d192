"""A network with a year of meetings, attendance, memberships and measures (last calendar year),
built object by object so the tests can count independently what the report must say."""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from core.models import User
from meetings.models import AgendaItem, Feedback, Meeting, MeetingKind, Registration
from network.models import Measure, Membership, Network, WorkingGroup
from providers.models import Organisation
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    UserFactory,
)

YEAR = timezone.localdate().year - 1
PERIOD_START = date(YEAR, 1, 1)
PERIOD_END = date(YEAR, 12, 31)

KINDS = [
    Organisation.Kind.YOUTH_OFFICE,
    Organisation.Kind.INDEPENDENT_PROVIDER,
    Organisation.Kind.INDEPENDENT_PROVIDER,
    Organisation.Kind.HEALTH,
    Organisation.Kind.SCHOOL,
    Organisation.Kind.DAYCARE,
    Organisation.Kind.COUNSELLING,
    Organisation.Kind.JOB_CENTRE,
    Organisation.Kind.POLICE,
    Organisation.Kind.DISABILITY,
    Organisation.Kind.OTHER,
]


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


@dataclass
class ReportWorld:
    network: Network
    sub: Network
    coordinator: User
    member: User  # staff of a member organisation, not a coordinator
    organisations: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    meetings: list = field(default_factory=list)  # every meeting created, of every status
    registrations: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    feedback: list = field(default_factory=list)
    agenda: list = field(default_factory=list)
    working_groups: list = field(default_factory=list)
    people: dict = field(default_factory=dict)  # organisation pk → [users]


def build_report_world(*, meetings_per_month: int = 1, people_per_org: int = 2) -> ReportWorld:
    rng = random.Random(15)  # noqa: S311 - test data
    network = NetworkFactory(name="Netzwerk Frühe Hilfen Olsberg", slug="fh-olsberg")
    sub = NetworkFactory(name="Teilnetzwerk Brilon", slug="fh-brilon", parent=network)
    coordinator = UserFactory(email="kora@example.org", name="Kora Koordination")
    network.coordinators.add(coordinator)
    world = ReportWorld(network=network, sub=sub, coordinator=coordinator, member=None)

    for index, kind in enumerate(KINDS):
        organisation = OrganisationFactory(name=f"Einrichtung {index:02d}", kind=kind)
        world.organisations.append(organisation)
        world.people[organisation.pk] = [
            OrganisationMemberFactory(
                organisation=organisation,
                user=UserFactory(name=f"Person {index:02d}-{n}"),
            ).user
            for n in range(people_per_org)
        ]
        # Memberships: most from before the period; some begin or end in it; one ended
        # before it, one begins after it, one only applied.
        if index == 3:
            started, ended, status = date(YEAR, 3, 1), None, Membership.Status.ACTIVE
        elif index == 5:
            started, ended, status = date(YEAR - 2, 1, 1), date(YEAR, 6, 30), "left"
        elif index == 9:
            started, ended, status = date(YEAR - 3, 1, 1), date(YEAR - 1, 5, 1), "left"
        elif index == 10:
            started, ended, status = date(YEAR + 1, 2, 1), None, Membership.Status.ACTIVE
        else:
            started, ended, status = date(YEAR - 2, 5, 1), None, Membership.Status.ACTIVE
        world.memberships.append(
            MembershipFactory(
                network=network,
                organisation=organisation,
                status=status,
                started_at=started,
                ended_at=ended,
            )
        )
    # An application (not a member) and a member of the sub-network.
    world.memberships.append(
        MembershipFactory(
            network=network,
            organisation=OrganisationFactory(name="Antragsteller", kind="health"),
            status=Membership.Status.APPLIED,
        )
    )
    sub_org = OrganisationFactory(name="Schule Brilon", kind=Organisation.Kind.SCHOOL)
    world.organisations.append(sub_org)
    world.people[sub_org.pk] = [UserFactory(name="Sina Schule")]
    OrganisationMemberFactory(organisation=sub_org, user=world.people[sub_org.pk][0])
    world.memberships.append(
        MembershipFactory(
            network=sub, organisation=sub_org, started_at=date(YEAR, 2, 1), ended_at=None
        )
    )
    world.member = world.people[world.organisations[1].pk][0]

    group = WorkingGroup.objects.create(network=network, name="Kleingruppe Schule")
    world.working_groups.append(group)
    WorkingGroup.objects.create(network=network, name="AG Fortbildung")

    kinds = [MeetingKind.NETWORK, MeetingKind.TRAINING, MeetingKind.WORKING_GROUP]
    formats = list(Meeting.Format.values)
    for month in range(1, 13):
        for n in range(meetings_per_month):
            day = date(YEAR, month, 3 + n % 25)
            kind = kinds[(month + n) % 3]
            meeting = MeetingFactory(
                network=network,
                kind=kind,
                title=f"Treffen {month:02d}/{n}",
                start=at(day),
                end=at(day, 13),
                format=formats[(month + n) % 3],
                status=Meeting.Status.HELD if month % 2 else Meeting.Status.PUBLISHED,
                working_group=group if kind == MeetingKind.WORKING_GROUP else None,
            )
            world.meetings.append(meeting)
            _fill(world, meeting, rng)
    # A case conference: counted, nothing else.
    conference = MeetingFactory(
        network=network,
        kind=MeetingKind.CASE_CONFERENCE,
        title="Fallkonferenz geheim",
        start=at(date(YEAR, 4, 20)),
        end=at(date(YEAR, 4, 20), 11),
        status=Meeting.Status.HELD,
    )
    world.meetings.append(conference)
    _fill(world, conference, rng)
    world.measures.append(
        Measure.objects.create(
            network=network,
            meeting=conference,
            title="Geheime Maßnahme",
            is_restricted=True,
            due_date=date(YEAR, 5, 1),
        )
    )
    # Not held: a cancelled meeting, a draft; outside the period; in the sub-network.
    for status, day in (
        (Meeting.Status.CANCELLED, date(YEAR, 5, 5)),
        (Meeting.Status.DRAFT, date(YEAR, 5, 6)),
        (Meeting.Status.HELD, date(YEAR - 1, 12, 31)),
        (Meeting.Status.HELD, date(YEAR + 1, 1, 1)),
    ):
        world.meetings.append(
            MeetingFactory(
                network=network,
                title=f"Nicht im Bericht {status} {day}",
                start=at(day),
                end=at(day, 12),
                status=status,
            )
        )
    sub_meeting = MeetingFactory(
        network=sub,
        kind=MeetingKind.NETWORK,
        title="Treffen Brilon",
        start=at(date(YEAR, 9, 9)),
        end=at(date(YEAR, 9, 9), 12),
        status=Meeting.Status.HELD,
    )
    world.meetings.append(sub_meeting)
    _fill(world, sub_meeting, rng)

    # Measures in every status, some overdue, some outside the period.
    statuses = list(Measure.Status.values)
    for n in range(14):
        created = at(date(YEAR - 1 if n == 13 else YEAR, 1 + n % 12, 10))
        status = statuses[n % 4]
        due = date(YEAR, 1 + n % 12, 20) if n % 3 else None
        measure = Measure.objects.create(
            network=network,
            title=f"Maßnahme {n}",
            status=status,
            due_date=due,
            done_at=created + timedelta(days=20) if status == Measure.Status.DONE else None,
        )
        Measure.objects.filter(pk=measure.pk).update(created_at=created)
        measure.created_at = created
        world.measures.append(measure)
    # Decided at meetings (entered today): opened at the meeting's date.
    for meeting, status in ((world.meetings[2], "open"), (world.meetings[5], "done")):
        world.measures.append(
            Measure.objects.create(
                network=network,
                meeting=meeting,
                title=f"Beschluss aus {meeting.title}",
                status=status,
                due_date=date(YEAR, 11, 30),
                done_at=meeting.start + timedelta(days=3) if status == "done" else None,
            )
        )
    return world


def _fill(world: ReportWorld, meeting: Meeting, rng: random.Random) -> None:
    """Registrations with recorded attendance, feedback and agenda items."""
    candidates = [o for o in world.organisations if world.people.get(o.pk)]
    for organisation in rng.sample(candidates, k=min(5, len(candidates))):
        for user in world.people[organisation.pk]:
            status = rng.choice(
                [Registration.Status.REGISTERED] * 4
                + [Registration.Status.WAITING, Registration.Status.CANCELLED]
            )
            attended = (
                rng.choice([True, True, True, False, None])
                if status == Registration.Status.REGISTERED
                else None
            )
            registration = Registration.objects.create(
                meeting=meeting,
                user=user,
                organisation=organisation,
                status=status,
                attended=attended,
            )
            world.registrations.append(registration)
            if attended and rng.random() < 0.5:
                world.feedback.append(
                    Feedback.objects.create(meeting=meeting, user=user, rating=rng.randint(1, 5))
                )
    for position in range(2):
        world.agenda.append(
            AgendaItem.objects.create(
                meeting=meeting, position=position, title=f"TOP {position + 1}: {meeting.title}"
            )
        )


@pytest.fixture
def report_world(db):
    return build_report_world()
