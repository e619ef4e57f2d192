"""Everything that changes proposals. Each function is one business operation in one
transaction, named ``<entity>_<action>``, with the acting person as ``by=``; moves and
decisions go into the audit log, and a move is announced (``events.proposal_moved``) so that
``notifications`` mails the followers in the same transaction."""

from datetime import date

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.errors import DomainError
from meetings.models import Meeting, MeetingKind
from meetings.services import agenda_item_add
from network.models import Network, WorkingGroupResult
from providers.access import organisation_ids
from providers.models import PlanningRegion

from . import events
from .models import Comment, Follower, Proposal, ProposalMove, Stage, Support


class ProposalError(DomainError):
    pass


Kind = Stage.Kind

# The decision path of an AG 78 (seed 001): ideas collected at the retreat go to the steering
# group, are agreed in the AG 78 and laid before the youth welfare committee.
AG78_STAGES = [
    ("gesammelt", Kind.OPEN),
    ("in der Steuerungsgruppe", Kind.OPEN),
    ("in der AG 78 beraten", Kind.OPEN),
    ("dem Jugendhilfeausschuss vorgelegt", Kind.OPEN),
    ("beschlossen", Kind.ACCEPTED),
    ("abgelehnt", Kind.REJECTED),
    ("zurückgestellt", Kind.DEFERRED),
]
# Every other network: a short path it can extend in Django admin.
DEFAULT_STAGES = [
    ("eingereicht", Kind.OPEN),
    ("in Beratung", Kind.OPEN),
    ("angenommen", Kind.ACCEPTED),
    ("abgelehnt", Kind.REJECTED),
    ("zurückgestellt", Kind.DEFERRED),
]


def default_stages_for(network: Network) -> list[tuple[str, str]]:
    return AG78_STAGES if network.kind == Network.Kind.AG78 else DEFAULT_STAGES


@transaction.atomic
def stages_ensure(*, network: Network) -> list[Stage]:
    """The network's stages; a network without any gets the default path for its kind."""
    stages = list(Stage.objects.filter(network=network).order_by("position", "pk"))
    if stages:
        return stages
    Network.objects.select_for_update().get(pk=network.pk)  # two first proposals at once
    stages = list(Stage.objects.filter(network=network).order_by("position", "pk"))
    if stages:
        return stages
    return Stage.objects.bulk_create(
        Stage(network=network, name=name, kind=kind, position=position)
        for position, (name, kind) in enumerate(default_stages_for(network), start=1)
    )


@transaction.atomic
def stages_configure(*, network: Network, by, changes: list[dict]) -> list[Stage]:
    """The coordinator sets the network's decision path. ``changes``: one dict per stage,
    ``{"stage": Stage | None, "name", "position", "kind", "delete": bool}``; ``stage`` None adds
    one. A stage that still holds proposals cannot be deleted; the path keeps an open stage
    first, where new proposals start."""
    stages_ensure(network=network)
    for change in changes:
        stage = change.get("stage")
        if stage is not None and stage.network_id != network.pk:
            raise ProposalError(_("This stage belongs to another network."))
        if change.get("delete"):
            if stage is None:
                continue
            if stage.proposals.exists() or ProposalMove.objects.filter(to_stage=stage).exists():
                raise ProposalError(
                    _("The stage “%(stage)s” has proposals and cannot be deleted.")
                    % {"stage": stage.name}
                )
            stage.delete()
            continue
        stage = stage or Stage(network=network)
        stage.name = change["name"].strip()
        stage.position = change["position"]
        stage.kind = change["kind"]
        stage.save()
    stages = list(Stage.objects.filter(network=network).order_by("position", "pk"))
    if not stages or stages[0].kind != Kind.OPEN:
        raise ProposalError(_("The first stage must be an open one: new proposals start there."))
    audit_log(
        actor=by,
        action="proposal.stages_configured",
        target=network,
        network_id=network.pk,
        stages=[f"{stage.position}. {stage.name} ({stage.kind})" for stage in stages],
    )
    return stages


def _check_region(planning_region: PlanningRegion | None) -> None:
    if (
        planning_region is not None
        and not PlanningRegion.objects.filter(pk=planning_region.pk).exists()
    ):
        raise ProposalError(_("This planning region no longer exists."))


@transaction.atomic
def proposal_submit(
    *,
    network: Network,
    by,
    title: str,
    text: str,
    attachment=None,
    planning_region: PlanningRegion | None = None,
    source_result: WorkingGroupResult | None = None,
) -> Proposal:
    """A member submits a proposal; it starts in the network's first stage and its author
    follows it. From a working-group result, the result's document comes along unless
    another attachment is given."""
    if not title.strip() or not text.strip():
        raise ProposalError(_("Please enter a title and a text."))
    _check_region(planning_region)
    first = stages_ensure(network=network)[0]
    own = organisation_ids(by)
    proposal = Proposal(
        network=network,
        title=title.strip(),
        text=text,
        planning_region=planning_region,
        stage=first,
        author=by,
        organisation_id=_member_organisation(network, own),
        source_result=source_result,
        created_at=timezone.now(),
        moved_at=timezone.now(),
    )
    if attachment:
        proposal.attachment.save(attachment.name, attachment, save=False)
    elif source_result is not None and source_result.document:
        with source_result.document.open("rb") as document:
            name = f"{source_result.title[:60] or 'ergebnis'}.pdf"
            proposal.attachment.save(name, ContentFile(document.read()), save=False)
    proposal.save()
    Follower.objects.create(proposal=proposal, user=by)
    audit_log(
        actor=by,
        action="proposal.submitted",
        target=proposal,
        network_id=network.pk,
        from_result=source_result.pk if source_result else None,
    )
    return proposal


def _member_organisation(network: Network, own: list[int]) -> int | None:
    """The first of the person's organisations that is a member of the network."""
    if not own:
        return None
    member = network.memberships.filter(status="active", organisation_id__in=own).values_list(
        "organisation_id", flat=True
    )
    return next(iter(member), own[0])


@transaction.atomic
def proposal_comment(*, proposal: Proposal, by, text: str) -> Comment:
    if not text.strip():
        raise ProposalError(_("Please write a comment."))
    return Comment.objects.create(
        proposal=proposal, author=by, text=text.strip(), created_at=timezone.now()
    )


@transaction.atomic
def proposal_support_toggle(*, proposal: Proposal, by) -> bool:
    """Support the proposal, or withdraw the support. A new supporter follows it. True if
    the person supports it now."""
    deleted, _rows = Support.objects.filter(proposal=proposal, user=by).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=by, created_at=timezone.now())
    except IntegrityError:  # a double click: the other request already supported it
        return True
    Follower.objects.get_or_create(proposal=proposal, user=by)
    return True


@transaction.atomic
def proposal_follow_toggle(*, proposal: Proposal, by) -> bool:
    """Follow (a mail on each move) or stop following. True if the person follows it now."""
    deleted, _rows = Follower.objects.filter(proposal=proposal, user=by).delete()
    if deleted:
        return False
    Follower.objects.get_or_create(proposal=proposal, user=by)
    return True


@transaction.atomic
def proposal_move(
    *,
    proposal: Proposal,
    by,
    to_stage: Stage,
    on: date | None = None,
    note: str = "",
    decision_reference: str = "",
) -> ProposalMove:
    """The coordinator moves the proposal to another stage of its network, with a dated note.

    Entering a decided stage (accepted, rejected, deferred) records the committee's decision:
    its date and, for accepted and rejected, its reference (printed matter or resolution
    number) are required. The proposal row is locked so two coordinators moving at once
    write two moves in order, not one lost update.
    """
    proposal = Proposal.objects.select_for_update().select_related("stage").get(pk=proposal.pk)
    if to_stage.network_id != proposal.network_id:
        raise ProposalError(_("This stage belongs to another network."))
    if to_stage.pk == proposal.stage_id:
        raise ProposalError(_("The proposal is already in this stage."))
    on = on or timezone.localdate()
    decision_reference = decision_reference.strip()
    if to_stage.kind in (Kind.ACCEPTED, Kind.REJECTED) and not decision_reference:
        raise ProposalError(
            _("Please enter the reference of the decision (printed matter or resolution number).")
        )
    move = ProposalMove.objects.create(
        proposal=proposal,
        from_stage=proposal.stage,
        to_stage=to_stage,
        date=on,
        note=note.strip(),
        decision_reference=decision_reference,
        by=by,
        created_at=timezone.now(),
    )
    proposal.stage = to_stage
    proposal.moved_at = timezone.now()
    fields = ["stage", "moved_at"]
    if to_stage.is_decided:
        proposal.decision_date = on
        proposal.decision_reference = decision_reference
        fields += ["decision_date", "decision_reference"]
    proposal.save(update_fields=fields)
    audit_log(
        actor=by,
        action="proposal.decided" if to_stage.is_decided else "proposal.moved",
        target=proposal,
        network_id=proposal.network_id,
        from_stage=move.from_stage.name,
        to_stage=to_stage.name,
        date=on.isoformat(),
        reference=decision_reference,
    )
    events.proposal_moved.send_event(move=move)
    return move


def agenda_meetings(network: Network):
    """Meetings whose agenda a proposal can go on: the network's upcoming drafts and
    published meetings, never a case conference (their agenda is nobody else's business)."""
    return (
        Meeting.objects.filter(
            network=network,
            start__gt=timezone.now(),
            status__in=[Meeting.Status.DRAFT, Meeting.Status.PUBLISHED],
        )
        .exclude(kind=MeetingKind.CASE_CONFERENCE)
        .order_by("start")
    )


@transaction.atomic
def proposal_put_on_agenda(*, proposal: Proposal, by, meeting: Meeting) -> Proposal:
    """An agenda item on an upcoming meeting of the proposal's network; the proposal keeps
    the link to the meeting and the item."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not agenda_meetings(proposal.network).filter(pk=meeting.pk).exists():
        raise ProposalError(_("Please choose an upcoming meeting of this network."))
    if proposal.meeting_id == meeting.pk and proposal.agenda_item_id:
        raise ProposalError(_("The proposal is already on the agenda of this meeting."))
    item = agenda_item_add(
        meeting=meeting,
        by=by,
        title=proposal.title[:200],
        description=_("Proposal: %(url)s") % {"url": proposal.get_absolute_url()},
    )
    proposal.meeting = meeting
    proposal.agenda_item = item
    proposal.save(update_fields=["meeting", "agenda_item"])
    audit_log(
        actor=by,
        action="proposal.put_on_agenda",
        target=proposal,
        network_id=proposal.network_id,
        meeting=meeting.pk,
    )
    return proposal
