"""Meetings of every kind with invitations and registrations (seats never exceeded)."""

import uuid
from datetime import timedelta

from meetings.models import Invitation, Meeting, MeetingKind, Registration

from .context import Context, bulk
from .names import MEETING_TITLES

KIND_WEIGHTS = (
    (MeetingKind.NETWORK, 30),
    (MeetingKind.COOPERATION, 14),
    (MeetingKind.CASE_CONFERENCE, 15),
    (MeetingKind.TRAINING, 10),
    (MeetingKind.WORKING_GROUP, 10),
    (MeetingKind.JOB_SHADOWING, 9),
    (MeetingKind.RETREAT, 6),
    (MeetingKind.KICK_OFF, 6),
)
CASE_CONFERENCE_INVITEES = 6
REGISTERING_SHARE = 0.55


def meetings_create(ctx: Context, count: int) -> list[Meeting]:
    """``count`` meetings from 18 months ago to 6 months ahead: past ones held (a few
    cancelled), future ones published (a few drafts or cancelled)."""
    kinds = [kind for kind, weight in KIND_WEIGHTS for _ in range(weight)]
    rows = []
    for n in range(count):
        network_id = ctx.network_ids[n % len(ctx.network_ids)]
        kind = ctx.rng.choice(kinds)
        if kind == MeetingKind.WORKING_GROUP and network_id not in ctx.working_groups:
            kind = MeetingKind.NETWORK
        days = ctx.rng.uniform(-540, 180)
        start = (ctx.now + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
        start = start.replace(hour=ctx.rng.choice([9, 10, 14, 15]))
        past = start < ctx.now
        roll = ctx.rng.random()
        if past:
            status = Meeting.Status.CANCELLED if roll < 0.05 else Meeting.Status.HELD
        else:
            status = (
                Meeting.Status.DRAFT
                if roll < 0.12
                else Meeting.Status.CANCELLED
                if roll < 0.16
                else Meeting.Status.PUBLISHED
            )
        case_conference = kind == MeetingKind.CASE_CONFERENCE
        representatives = ctx.representatives.get(network_id) or [(None, None)]
        group = ctx.working_groups.get(network_id, (None, ""))
        title = MEETING_TITLES[kind].format(
            network=ctx.network_names[network_id][:150],
            organisation=ctx.org_names.get(representatives[-1][0], "")[:150],
            group=group[1][:150],
        )
        audience_roll = ctx.rng.random()
        rows.append(
            Meeting(
                uid=f"{uuid.UUID(int=ctx.rng.getrandbits(128))}@generated.example.org",
                network_id=network_id,
                working_group_id=group[0] if kind == MeetingKind.WORKING_GROUP else None,
                kind=kind,
                title=title,
                description=""
                if case_conference
                else "Tagesordnung folgt; Themen bitte vorschlagen.",
                case_reference=f"FK-{n + 1:05d}" if case_conference else "",
                start=start,
                end=start + timedelta(hours=ctx.rng.choice([1, 2, 2, 3, 6])),
                format=ctx.rng.choice(["in_person", "in_person", "online", "hybrid"]),
                venue_name="Kreishaus, Sitzungssaal 2",
                venue_address="Am Markt 1",
                online_url="https://meet.example.org/raum-" + str(n + 1),
                capacity=None
                if case_conference or ctx.rng.random() < 0.6
                else ctx.rng.randint(8, 30),
                registration_deadline=start - timedelta(days=3),
                topic_deadline=None if case_conference else start - timedelta(days=14),
                contact_person_id=ctx.coordinators.get(network_id, [None])[0],
                audience=(
                    Meeting.Audience.NETWORK
                    if case_conference or audience_roll < 0.7
                    else Meeting.Audience.WITH_SUBNETWORKS
                    if audience_roll < 0.85
                    else Meeting.Audience.PUBLIC
                ),
                status=status,
                created_by_id=ctx.coordinators.get(network_id, [None])[0],
                created_at=ctx.past(start - timedelta(days=40), before=timedelta(days=3)),
                published_at=(
                    None
                    if status == Meeting.Status.DRAFT
                    else ctx.past(start - timedelta(days=30), before=timedelta(days=2))
                ),
                cancelled_at=(
                    ctx.past(start - timedelta(days=2))
                    if status == Meeting.Status.CANCELLED
                    else None
                ),
            )
        )
    meetings = bulk(Meeting, rows)
    ctx.count("meetings", len(meetings))
    return meetings


def participation_create(ctx: Context, meetings: list[Meeting]) -> None:
    """Invitations for the representatives of the network's members (case conferences: a few
    named people); about half register, beyond the seats they wait."""
    invitations, registrations = [], []
    for meeting in meetings:
        if meeting.status == Meeting.Status.DRAFT:
            continue
        people = ctx.representatives.get(meeting.network_id, [])
        if meeting.kind == MeetingKind.CASE_CONFERENCE:
            people = ctx.rng.sample(people, min(len(people), CASE_CONFERENCE_INVITEES))
        seen = set()
        registered = 0
        for organisation_id, person in people:
            if person in seen:
                continue
            seen.add(person)
            declined = ctx.rng.random() < 0.08
            invitations.append(
                Invitation(
                    meeting_id=meeting.pk,
                    user_id=person,
                    organisation_id=organisation_id,
                    created_at=meeting.published_at,
                    declined_at=(
                        ctx.past(meeting.published_at + timedelta(days=1)) if declined else None
                    ),
                )
            )
            ctx.invited.append((meeting, person))
            if declined or ctx.rng.random() > REGISTERING_SHARE:
                continue
            when = ctx.past(meeting.published_at + timedelta(hours=ctx.rng.randint(1, 400)))
            full = meeting.capacity is not None and registered >= meeting.capacity
            cancelled = not full and ctx.rng.random() < 0.05
            if not full and not cancelled:
                registered += 1
                ctx.registered.append((meeting, person))
            registrations.append(
                Registration(
                    meeting_id=meeting.pk,
                    user_id=person,
                    organisation_id=organisation_id,
                    status=(
                        Registration.Status.WAITING
                        if full
                        else Registration.Status.CANCELLED
                        if cancelled
                        else Registration.Status.REGISTERED
                    ),
                    registered_by_id=person,
                    attended=(
                        ctx.rng.random() < 0.9
                        if meeting.status == Meeting.Status.HELD and not full and not cancelled
                        else None
                    ),
                    created_at=when,
                    waiting_since=when if full else None,
                )
            )
    bulk(Invitation, invitations, batch_size=5000)
    bulk(Registration, registrations, batch_size=5000)
    ctx.count("invitations", len(invitations))
    ctx.count("registrations", len(registrations))
