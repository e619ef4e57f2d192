"""Date polls: the list, the tally, the coordinator's view of who answered, and the polls
on the overview."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from network.access import coordinated_network_ids
from network.models import Membership

from ..models import DatePoll, DatePollAnswer, DatePollSlot, PollInvitation
from ..permissions import visible_polls


def polls_to_list(user):
    """The date polls the person may see, open ones first, newest first. Lazy; one query for
    a page of them."""
    return (
        visible_polls(user).select_related("network", "meeting").order_by("status", "-created_at")
    )


def poll_slots(poll: DatePoll):
    """The poll's proposed dates. Lazy."""
    return poll.slots.all()


def rank_slots(summary: list[tuple]) -> list[tuple]:
    """(slot, yes, maybe, no) ranked: most yes first, then most if-need-be, then earliest."""
    return sorted(summary, key=lambda row: (-row[1], -row[2], row[0].start))


@dataclass(frozen=True)
class PollTally:
    slots: list[DatePollSlot]
    own_answers: dict[int, str]  # slot id → the person's answer
    summary: list[tuple]  # (slot, yes, maybe, no) per slot, in date order
    ranking: list[tuple]  # the same, best first
    rows: list[tuple]  # (person, [their answer's label or "–" per slot])


def poll_tally(poll: DatePoll, user) -> PollTally:
    """The poll's answers counted per slot and laid out per person: two queries (slots,
    answers with their people), whatever the number of people."""
    slots = list(poll_slots(poll))
    answers = list(
        DatePollAnswer.objects.filter(slot__poll=poll)
        .select_related("user")
        .order_by("user__name", "user__email")
    )
    totals = {slot.pk: dict.fromkeys(DatePollAnswer.Answer.values, 0) for slot in slots}
    table: dict[int, dict] = {}
    for answer in answers:
        totals[answer.slot_id][answer.answer] += 1
        row = table.setdefault(answer.user_id, {"person": answer.user, "answers": {}})
        row["answers"][answer.slot_id] = answer.get_answer_display()
    summary = [
        (slot, totals[slot.pk]["yes"], totals[slot.pk]["maybe"], totals[slot.pk]["no"])
        for slot in slots
    ]
    return PollTally(
        slots=slots,
        own_answers={a.slot_id: a.answer for a in answers if a.user_id == user.pk},
        summary=summary,
        ranking=rank_slots(summary),
        rows=[
            (row["person"], [row["answers"].get(slot.pk, "–") for slot in slots])
            for row in table.values()
        ],
    )


@dataclass
class OrganisationAnswers:
    name: str
    people: list = field(default_factory=list)  # (invitation, [answer labels per slot])
    answered: int = 0


@dataclass(frozen=True)
class PollResponses:
    invited: int
    answered: int
    organisations: list[OrganisationAnswers]

    @property
    def rate(self) -> int:
        """Answer rate in percent."""
        return round(100 * self.answered / self.invited) if self.invited else 0


def poll_responses(poll: DatePoll, tally: PollTally) -> PollResponses:
    """Who was asked and who answered, grouped per organisation (by name; people without an
    organisation last), with each person's answers from the tally: one query."""
    invitations = list(
        PollInvitation.objects.filter(poll=poll)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__name", "user__email")
    )
    answers = {person.pk: labels for person, labels in tally.rows}
    groups: dict[int | None, OrganisationAnswers] = {}
    for invitation in invitations:
        name = invitation.organisation.name if invitation.organisation else ""
        group = groups.setdefault(invitation.organisation_id, OrganisationAnswers(name=name))
        group.people.append((invitation, answers.get(invitation.user_id)))
        group.answered += invitation.answered_at is not None
    ordered = sorted(groups.values(), key=lambda group: (group.name == "", group.name))
    return PollResponses(
        invited=len(invitations),
        answered=sum(group.answered for group in ordered),
        organisations=ordered,
    )


def poll_invitations(poll: DatePoll):
    """The people asked in the poll, with their organisations. Lazy."""
    return PollInvitation.objects.filter(poll=poll).select_related("user", "organisation")


def _open_now():
    return Q(status=DatePoll.Status.OPEN) & (
        Q(closes_at__isnull=True) | Q(closes_at__gt=timezone.now())
    )


@dataclass
class OverviewPolls:
    waiting: list = field(default_factory=list)  # asked, not answered, still open
    coordinated: list = field(default_factory=list)  # open polls of coordinated networks


def overview_polls(user, *, waiting_limit: int = 5, coordinated_limit: int = 10) -> OverviewPolls:
    """The overview's date polls in one query: open polls the person was asked in and has
    not answered (closing first), and the open polls of the networks they coordinate (waiting
    for answers or, past their closing time, for the date to be chosen) with how many were
    asked and how many answered."""
    if not user.is_authenticated:
        return OverviewPolls()
    network_ids = coordinated_network_ids(user)
    unanswered = PollInvitation.objects.filter(
        poll=OuterRef("pk"), user=user, answered_at__isnull=True
    )
    polls = (
        DatePoll.objects.annotate(waiting_for_me=Exists(unanswered))
        .filter(
            (_open_now() & Q(waiting_for_me=True))
            | Q(status=DatePoll.Status.OPEN, network_id__in=network_ids)
        )
        .select_related("network")
        .annotate(
            asked=Count("invitations"),
            answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
        )
        .order_by("closes_at", "-created_at")[: waiting_limit + coordinated_limit]
    )
    now = timezone.now()
    result = OverviewPolls()
    for poll in polls:
        still_open = poll.closes_at is None or poll.closes_at > now
        if poll.waiting_for_me and still_open and len(result.waiting) < waiting_limit:
            result.waiting.append(poll)
        if poll.network_id in network_ids and len(result.coordinated) < coordinated_limit:
            result.coordinated.append(poll)
    return result


def poll_candidates(networks):
    """People a coordinator may ask by name: the active people of the member organisations
    of the networks they coordinate, and those networks' coordinators. Lazy."""
    organisation_ids = Membership.objects.filter(
        network__in=networks, status=Membership.Status.ACTIVE
    ).values("organisation_id")
    return (
        get_user_model()
        .objects.filter(
            Q(organisation_memberships__organisation_id__in=organisation_ids)
            | Q(coordinated_networks__in=networks),
            is_active=True,
        )
        .distinct()
        .order_by("name", "email")
    )


def poll_page(poll: DatePoll, user, *, manage: bool) -> dict:
    """What the poll page shows: the tally (ranked), the person's own answer and comment,
    and for coordinators who answered, per organisation. Four queries."""
    tally = poll_tally(poll, user)
    own = PollInvitation.objects.filter(poll=poll, user_id=user.pk).first()
    return {
        "poll": poll,
        "tally": tally,
        "slots": tally.slots,
        "ranking": tally.ranking,
        "own_invitation": own,
        # Who answered what is for the coordinators; members see the totals.
        "responses": poll_responses(poll, tally) if manage else None,
        "can_manage": manage,
    }
