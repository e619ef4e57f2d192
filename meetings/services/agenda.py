"""The agenda: topic proposals and their decision, agenda items and their order, and the
review items (open measures, working-group results) added for the plenary."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from network.models import Measure, WorkingGroupResult
from providers.access import organisation_ids

from .. import events
from ..models import (
    AgendaItem,
    Meeting,
    MeetingTemplate,
    TopicComment,
    TopicProposal,
    TopicSupport,
)
from ..permissions import audience_organisation_ids_for
from .errors import MeetingError


def _next_position(meeting: Meeting, count: int = 1) -> int:
    """Where ``count`` new items go: after the last item, but before the closing items (any
    other business, next meeting), which move down to make room."""
    closing = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting=meeting, is_closing=True)
        .order_by("position", "pk")
    )
    if not closing:
        return (meeting.agenda_items.aggregate(m=Max("position"))["m"] or 0) + 1
    first = closing[0].position
    later = list(AgendaItem.objects.filter(meeting=meeting, position__gte=first))
    for item in later:
        item.position += count
    AgendaItem.objects.bulk_update(later, ["position"])
    return first


@transaction.atomic
def topic_propose(
    *,
    meeting: Meeting,
    by,
    title: str,
    description: str = "",
    duration_minutes: int = 15,
) -> TopicProposal:
    deadline = meeting.topic_deadline or meeting.start
    if deadline <= timezone.now():
        raise MeetingError(_("The deadline for topic proposals has passed."))
    if meeting.is_case_conference:
        raise MeetingError(_("Case conferences have no topic proposals."))
    org_ids = audience_organisation_ids_for(by, meeting)
    return TopicProposal.objects.create(
        network=meeting.network,
        meeting=meeting,
        title=title,
        description=description,
        duration_minutes=duration_minutes,
        proposed_by=by,
        organisation_id=org_ids[0] if org_ids else None,
    )


@transaction.atomic
def topic_support_toggle(*, topic: TopicProposal, meeting: Meeting, by) -> bool:
    """Support the topic, or withdraw one's support; returns whether the person supports it
    now. One support per person (the row lock on the topic orders two quick clicks; the
    unique constraint is the last word)."""
    if not meeting.topics_open or topic.meeting_id != meeting.pk:
        raise MeetingError(_("Topics of this meeting cannot be supported."))
    if meeting.has_started or meeting.status not in (
        Meeting.Status.DRAFT,
        Meeting.Status.PUBLISHED,
    ):
        raise MeetingError(_("Topics can be supported until the meeting starts."))
    TopicProposal.objects.select_for_update().get(pk=topic.pk)
    deleted, _rows = TopicSupport.objects.filter(topic=topic, user=by).delete()
    if deleted:
        return False
    TopicSupport.objects.create(topic=topic, user=by)
    return True


@transaction.atomic
def topic_comment_add(*, topic: TopicProposal, meeting: Meeting, by, text: str) -> TopicComment:
    """A plain-text comment, signed with the person's organisation in the audience."""
    text = text.strip()
    if not text:
        raise MeetingError(_("Please write a comment."))
    if meeting.is_case_conference:
        raise MeetingError(_("Case conferences have no topic proposals."))
    org_ids = audience_organisation_ids_for(by, meeting) or organisation_ids(by)
    return TopicComment.objects.create(
        topic=topic, author=by, organisation_id=org_ids[0] if org_ids else None, text=text
    )


@transaction.atomic
def topic_decide(
    *, topic: TopicProposal, meeting: Meeting, by, decision: str, note: str = ""
) -> TopicProposal:
    """Accept (onto this meeting's agenda), reject or defer (to a later meeting)."""
    topic = TopicProposal.objects.select_for_update().get(pk=topic.pk)
    if decision not in TopicProposal.Status.values or decision == TopicProposal.Status.PROPOSED:
        raise MeetingError(_("Unknown decision."))
    if topic.status == TopicProposal.Status.ACCEPTED and topic.meeting_id == meeting.pk:
        raise MeetingError(_("This topic is already on the agenda."))
    topic.status = decision
    topic.decision_note = note
    if decision == TopicProposal.Status.ACCEPTED:
        topic.meeting = meeting
        AgendaItem.objects.create(
            meeting=meeting,
            position=_next_position(meeting),
            kind=AgendaItem.Kind.TOPIC,
            title=topic.title,
            description=topic.description,
            duration_minutes=topic.duration_minutes,
            topic=topic,
        )
    topic.save()
    return topic


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, by, title: str, duration_minutes: int = 15, description: str = ""
) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=meeting,
        position=_next_position(meeting),
        title=title,
        description=description,
        duration_minutes=duration_minutes,
    )


def _lines(text: str) -> list[str]:
    return [line.strip()[:200] for line in text.splitlines() if line.strip()]


def agenda_add_template_items(*, meeting: Meeting, template: MeetingTemplate | None) -> None:
    """The template's agenda outline, one agenda item per line, then its closing items."""
    if template is None:
        return
    outline = [(line, False) for line in _lines(template.agenda_outline)]
    closing = [(line, True) for line in _lines(template.agenda_closing)]
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=position, title=title, is_closing=is_closing)
        for position, (title, is_closing) in enumerate(outline + closing, start=1)
    )


@transaction.atomic
def agenda_add_review_items(*, meeting: Meeting) -> list[AgendaItem]:
    """Open measures of earlier meetings and working-group results marked for the plenary."""
    on_agenda = AgendaItem.objects.filter(meeting=meeting)
    # Measures of case conferences are restricted: never reviewed before the network.
    measures = (
        Measure.objects.filter(
            network=meeting.network,
            status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS],
            is_restricted=False,
        )
        .exclude(meeting=meeting)
        .exclude(pk__in=on_agenda.filter(measure__isnull=False).values("measure_id"))
        .order_by("due_date", "pk")
    )
    results = (
        WorkingGroupResult.objects.filter(
            working_group__network=meeting.network,
            for_plenary=True,
            presented_at__isnull=True,
        )
        .exclude(
            pk__in=on_agenda.filter(working_group_result__isnull=False).values(
                "working_group_result_id"
            )
        )
        .select_related("working_group")
        .order_by("created_at", "pk")
    )
    measures, results = list(measures), list(results)
    if not measures and not results:
        return []
    position = _next_position(meeting, count=len(measures) + len(results))
    items = []
    for measure in measures:
        items.append(
            AgendaItem(
                meeting=meeting,
                position=position,
                kind=AgendaItem.Kind.MEASURE_REVIEW,
                title=measure.title[:200],
                duration_minutes=5,
                measure=measure,
            )
        )
        position += 1
    for result in results:
        items.append(
            AgendaItem(
                meeting=meeting,
                position=position,
                kind=AgendaItem.Kind.WORKING_GROUP_REPORT,
                title=f"{result.working_group.name}: {result.title}"[:200],
                description=result.text,
                duration_minutes=15,
                working_group_result=result,
            )
        )
        position += 1
    return AgendaItem.objects.bulk_create(items)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down")."""
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id)
        .order_by("position", "pk")
    )
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, agenda_item in enumerate(items, start=1):
        agenda_item.position = position
    AgendaItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by, **changes) -> AgendaItem:
    for name in ("title", "duration_minutes", "description"):
        if name in changes:
            setattr(item, name, changes[name])
    item.save()
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by) -> None:
    if item.topic_id:
        TopicProposal.objects.filter(pk=item.topic_id).update(status=TopicProposal.Status.DEFERRED)
    item.delete()


@transaction.atomic
def agenda_publish(*, meeting: Meeting, by) -> Meeting:
    """Publish the agenda. Before the meeting is published, the invitations will carry it;
    after, ``agenda_published`` is announced and the invitees receive it by mail. Once per
    meeting: later changes show on the meeting page."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_case_conference:
        raise MeetingError(_("Case conferences have no agenda."))
    if meeting.status not in (Meeting.Status.DRAFT, Meeting.Status.PUBLISHED):
        raise MeetingError(_("The agenda of this meeting can no longer be published."))
    if meeting.agenda_published_at is not None:
        raise MeetingError(_("The agenda has already been published."))
    if not meeting.agenda_items.exists():
        raise MeetingError(_("Please add at least one agenda item first."))
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["agenda_published_at", "updated_at"])
    audit_log(
        actor=by, action="meeting.agenda_published", target=meeting, network_id=meeting.network_id
    )
    if meeting.status == Meeting.Status.PUBLISHED:
        events.agenda_published.send_event(meeting=meeting)
    return meeting
