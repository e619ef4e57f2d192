"""Reads: the list of a network's proposals, a proposal's page, the sections other apps'
pages show."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from meetings.models import Meeting
from network.access import coordinated_network_ids, member_network_ids
from network.models import Membership, Network
from network.tree import with_parents
from providers.models import PlanningRegion
from providers.selectors import planning_region_choices

from .models import Comment, Follower, Proposal, ProposalMove, Stage, Support
from .permissions import can_move, can_see_proposals, can_submit


def network_stages(network: Network) -> list[Stage]:
    """The network's stages in order. One query."""
    return list(Stage.objects.filter(network=network).order_by("position", "pk"))


def planning_regions_for(network: Network) -> QuerySet[PlanningRegion]:
    """Planning regions and social spaces a proposal of the network can concern: those in the
    counties of the network's region (all of them if the network names no region). Lazy."""
    regions = planning_region_choices()
    if network.municipalities.exists():
        regions = regions.filter(county_id__in=network.municipalities.values("county_id"))
    return regions


@dataclass(frozen=True)
class ProposalFilters:
    stage: Stage | None = None
    planning_region: PlanningRegion | None = None


def proposals_to_list(network: Network, filters: ProposalFilters) -> QuerySet[Proposal]:
    """The network's proposals, newest first, with stage, region, author and the number of
    supporters and comments. Lazy; one query for a page (plus the paginator's count).

    A planning region matches its own proposals and those of its social spaces."""
    proposals = Proposal.objects.filter(network=network)
    if filters.stage is not None:
        proposals = proposals.filter(stage=filters.stage)
    if filters.planning_region is not None:
        region = filters.planning_region
        proposals = proposals.filter(Q(planning_region=region) | Q(planning_region__parent=region))
    return (
        proposals.select_related("stage", "planning_region", "author", "organisation")
        .annotate(
            support_count=Count("supports", distinct=True),
            comment_count=Count("comments", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def proposal_page(user, proposal: Proposal) -> dict:
    """What the proposal's page shows to this person: its history, comments, supporters,
    whether the person supports or follows it, the meeting it is on (only if the person may
    see that meeting) and what they may do. Seven queries."""
    moves = list(
        ProposalMove.objects.filter(proposal=proposal).select_related(
            "from_stage", "to_stage", "by"
        )
    )
    comments = list(Comment.objects.filter(proposal=proposal).select_related("author"))
    supporters = list(
        Support.objects.filter(proposal=proposal)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    meeting = None
    if proposal.meeting_id:
        meeting = Meeting.objects.visible_to(user).filter(pk=proposal.meeting_id).first()
    return {
        "proposal": proposal,
        "network": proposal.network,
        "moves": moves,
        "comments": comments,
        "supporters": [support.user for support in supporters],
        "supports": any(support.user_id == user.pk for support in supporters),
        "follows": Follower.objects.filter(proposal=proposal, user_id=user.pk).exists(),
        "meeting": meeting,
        "can_take_part": can_submit(user, proposal.network),
        "can_move": can_move(user, proposal.network),
    }


def proposal_followers(proposal: Proposal):
    """The people to tell about a move: followers who still may see the proposal (a member
    of the network or its coordinator) and whose account is active. One query."""
    network_ids = with_parents({proposal.network_id})
    member = Exists(
        Membership.objects.filter(
            network_id=proposal.network_id,
            status=Membership.Status.ACTIVE,
            organisation__members__user_id=OuterRef("user_id"),
        )
    )
    coordinator = Exists(
        Network.coordinators.through.objects.filter(
            network_id__in=network_ids, user_id=OuterRef("user_id")
        )
    )
    return (
        Follower.objects.filter(proposal=proposal, user__is_active=True)
        .filter(member | coordinator | Q(user__is_superuser=True))
        .select_related("user")
        .order_by("user_id")
    )


def proposal_news_for(user, since, until) -> tuple[list[Proposal], list[ProposalMove]]:
    """For the weekly digest: proposals submitted and moves made in ``(since, until]`` in
    the networks whose proposals the person may see (member or coordinator). Two queries."""
    network_ids = member_network_ids(user) | coordinated_network_ids(user)
    if not network_ids:
        return [], []
    proposals = list(
        Proposal.objects.filter(
            network_id__in=network_ids, created_at__gt=since, created_at__lte=until
        )
        .select_related("network")
        .order_by("created_at", "pk")
    )
    moves = list(
        ProposalMove.objects.filter(
            proposal__network_id__in=network_ids, created_at__gt=since, created_at__lte=until
        )
        .select_related("proposal__network", "to_stage")
        .order_by("created_at", "pk")
    )
    return proposals, moves


# --- Sections on other apps' pages ----------------------------------------------------------


def network_proposals_section(*, user, network: Network) -> dict | None:
    """The network page's "Proposals" section: for members and coordinators only, with the
    number of proposals under way. One query."""
    if not can_see_proposals(user, network):
        return None
    open_count = Proposal.objects.filter(network=network, stage__kind=Stage.Kind.OPEN).count()
    return {
        "network": network,
        "open_count": open_count,
        "can_submit": can_submit(user, network),
    }


def result_to_proposal_section(*, user, network: Network, result) -> dict | None:
    """The buttons under a working-group result: make it a proposal to the plenary, of the
    working group's network or of its parent network, where the person may submit. No query
    (``network`` comes with its parent; the person's networks are remembered per request)."""
    targets = [
        target
        for target in (network, network.parent)
        if target is not None and can_submit(user, target)
    ]
    if not targets:
        return None
    return {
        "targets": [
            {"network": target, "url": f"/networks/{target.slug}/proposals/new/?result={result.pk}"}
            for target in targets
        ]
    }
