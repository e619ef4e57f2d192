"""What meetings leave behind: agenda items, topic proposals, minutes, measures, date polls
with answers, feedback."""

from datetime import timedelta

from meetings.models import (
    AgendaItem,
    DatePoll,
    DatePollAnswer,
    DatePollSlot,
    Feedback,
    Meeting,
    MeetingKind,
    TopicProposal,
)
from network.models import Measure

from .context import Context, bulk
from .names import AGENDA_TITLES, MEASURE_TITLES, TOPIC_TITLES

MINUTES = (
    "Anwesend laut Teilnehmendenliste. Die Einrichtungen berichten von steigender "
    "Nachfrage; das Netzwerk vereinbart, die Übergänge gemeinsam zu planen."
)


def agenda_create(ctx: Context, meetings: list[Meeting]) -> None:
    """Agenda items for announced meetings, topic proposals for those ahead, minutes for the
    held ones (case conferences keep only item minutes, no general part)."""
    items, topics, minuted = [], [], []
    for meeting in meetings:
        if meeting.status == Meeting.Status.DRAFT:
            continue
        held = meeting.status == Meeting.Status.HELD
        case_conference = meeting.kind == MeetingKind.CASE_CONFERENCE
        for position, title in enumerate(ctx.rng.sample(AGENDA_TITLES, ctx.rng.randint(3, 6))):
            items.append(
                AgendaItem(
                    meeting_id=meeting.pk,
                    position=position,
                    title=title,
                    duration_minutes=ctx.rng.choice([10, 15, 20, 30]),
                    minutes="Besprochen; siehe Anlage." if held else "",
                    decisions="Einstimmig beschlossen." if held and position == 1 else "",
                )
            )
        if not case_conference and ctx.rng.random() < 0.5:
            people = ctx.representatives.get(meeting.network_id, [])
            for organisation_id, person in ctx.rng.sample(people, min(len(people), 2)):
                topics.append(
                    TopicProposal(
                        network_id=meeting.network_id,
                        meeting_id=meeting.pk,
                        title=ctx.rng.choice(TOPIC_TITLES),
                        description="Vorschlag aus der Praxis.",
                        proposed_by_id=person,
                        organisation_id=organisation_id,
                        status=(
                            ctx.rng.choice(["accepted", "rejected", "deferred"])
                            if held
                            else "proposed"
                        ),
                        created_at=ctx.past(meeting.start - timedelta(days=20)),
                    )
                )
        if held:
            meeting.minutes = "" if case_conference else MINUTES
            meeting.minutes_published_at = meeting.end + timedelta(days=3)
            minuted.append(meeting)
    bulk(AgendaItem, items)
    bulk(TopicProposal, topics)
    Meeting.objects.bulk_update(minuted, ["minutes", "minutes_published_at"], batch_size=1000)
    ctx.count("agenda_items", len(items))
    ctx.count("topics", len(topics))
    ctx.count("minutes", len(minuted))


def measures_create(ctx: Context, meetings: list[Meeting]) -> None:
    """One or two measures per held meeting; from case conferences they are restricted."""
    rows = []
    for meeting in meetings:
        if meeting.status != Meeting.Status.HELD:
            continue
        people = ctx.representatives.get(meeting.network_id, [])
        for _ in range(ctx.rng.randint(1, 2)):
            organisation_id, person = ctx.rng.choice(people) if people else (None, None)
            status = ctx.rng.choice(["open", "open", "in_progress", "done", "dropped"])
            rows.append(
                Measure(
                    network_id=meeting.network_id,
                    meeting_id=meeting.pk,
                    title=ctx.rng.choice(MEASURE_TITLES),
                    description="Aus der Sitzung vereinbart.",
                    responsible_person_id=person,
                    responsible_organisation_id=organisation_id,
                    due_date=(meeting.start + timedelta(days=ctx.rng.randint(14, 120))).date(),
                    status=status,
                    is_restricted=meeting.kind == MeetingKind.CASE_CONFERENCE,
                    created_at=meeting.end,
                    done_at=meeting.end + timedelta(days=30) if status == "done" else None,
                )
            )
    bulk(Measure, rows)
    ctx.count("measures", len(rows))


def feedback_create(ctx: Context, meetings: list[Meeting]) -> None:
    rows = []
    for meeting in meetings:
        if meeting.status != Meeting.Status.HELD or meeting.kind == MeetingKind.CASE_CONFERENCE:
            continue
        people = {person for _, person in ctx.representatives.get(meeting.network_id, [])}
        for person in ctx.rng.sample(sorted(people), min(len(people), 3)):
            rows.append(
                Feedback(
                    meeting_id=meeting.pk,
                    user_id=person,
                    rating=ctx.rng.randint(3, 5),
                    comment="Gute Moderation.",
                    created_at=meeting.end + timedelta(days=1),
                )
            )
    bulk(Feedback, rows)
    ctx.count("feedback", len(rows))


def polls_create(ctx: Context) -> None:
    """A date poll in about every second network, with 3–4 slots, answered by most of the
    representatives."""
    polls = []
    for network_id in ctx.network_ids:
        if ctx.rng.random() < 0.5:
            continue
        polls.append(
            DatePoll(
                network_id=network_id,
                title="Terminfindung nächstes Netzwerktreffen",
                description="Bitte tragen Sie ein, wann Sie können.",
                kind=MeetingKind.NETWORK,
                status=DatePoll.Status.OPEN if ctx.rng.random() < 0.7 else DatePoll.Status.CLOSED,
                created_by_id=ctx.coordinators.get(network_id, [None])[0],
                created_at=ctx.now - timedelta(days=10),
            )
        )
    polls = bulk(DatePoll, polls)
    slots = []
    for poll in polls:
        first = (ctx.now + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)
        for day in range(ctx.rng.randint(3, 4)):
            start = first + timedelta(days=7 * day)
            slots.append(DatePollSlot(poll_id=poll.pk, start=start, end=start + timedelta(hours=2)))
    slots = bulk(DatePollSlot, slots)
    networks = {poll.pk: poll.network_id for poll in polls}
    answers = []
    for slot in slots:
        people = {person for _, person in ctx.representatives.get(networks[slot.poll_id], [])}
        for person in sorted(people):
            if ctx.rng.random() < 0.7:
                answers.append(
                    DatePollAnswer(
                        slot_id=slot.pk,
                        user_id=person,
                        answer=ctx.rng.choice(["yes", "maybe", "no"]),
                    )
                )
    bulk(DatePollAnswer, answers, batch_size=5000)
    ctx.count("polls", len(polls))
    ctx.count("poll_answers", len(answers))
