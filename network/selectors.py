"""Reads about networks that views and other apps use.

Sub-networks come from ``network.tree`` (one recursive CTE), embedded as a subquery, so the
number of queries does not grow with the depth of the tree.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from core.models import AuditEvent
from core.sections import page_sections
from providers.access import admin_organisation_ids
from providers.models import Organisation

from . import permissions
from .access import administered_open_memberships
from .models import (
    CooperationAgreement,
    Measure,
    Membership,
    Network,
    Representative,
    WorkingGroup,
    WorkingGroupResult,
)
from .permissions import visible_networks_q
from .tree import subtree_ids, subtree_subquery


def audience_memberships(network: Network, *, include_subnetworks: bool):
    """Active memberships whose organisations a meeting of ``network`` addresses.

    Membership is inherited downward: members of every sub-network belong to the audience of
    a county-wide meeting. An organisation in several of these networks appears once per
    network; use ``audience_organisation_ids`` for distinct organisations. Lazy: evaluating
    it is one query whatever the depth of the tree.
    """
    if include_subnetworks:
        network_filter = Q(network_id__in=subtree_subquery(network.pk))
    else:
        network_filter = Q(network_id=network.pk)
    return Membership.objects.filter(network_filter, status=Membership.Status.ACTIVE)


def audience_organisation_ids(network: Network, *, include_subnetworks: bool) -> set[int]:
    """Distinct organisations of the audience: one query."""
    return set(
        audience_memberships(network, include_subnetworks=include_subnetworks).values_list(
            "organisation_id", flat=True
        )
    )


def audience_people(network: Network, *, include_subnetworks: bool):
    """Representatives and deputies of the audience's organisations, each person once.

    Lazy queryset of users; evaluating it is exactly one query (the memberships and the
    sub-network tree are sub-queries), independent of depth and number of members.
    """
    memberships = audience_memberships(network, include_subnetworks=include_subnetworks)
    person_ids = Representative.objects.filter(membership__in=memberships).values("person__user_id")
    return get_user_model().objects.filter(pk__in=person_ids, is_active=True).order_by("pk")


def audience_representatives(network: Network, *, include_subnetworks: bool) -> dict[int, int]:
    """person (user id) → the organisation they represent, for every active representative
    and deputy of the audience; one query. A person representing several organisations
    is counted for the one with the lowest id (stable)."""
    memberships = audience_memberships(network, include_subnetworks=include_subnetworks)
    people: dict[int, int] = {}
    for user_id, organisation_id in (
        Representative.objects.filter(membership__in=memberships, person__user__is_active=True)
        .order_by("person__user_id", "membership__organisation_id")
        .values_list("person__user_id", "membership__organisation_id")
    ):
        people.setdefault(user_id, organisation_id)
    return people


def membership_representatives(membership: Membership) -> dict[int, int]:
    """person (user id) → organisation for the active representatives of one membership."""
    return dict(
        Representative.objects.filter(membership=membership, person__user__is_active=True)
        .order_by("person__user_id")
        .values_list("person__user_id", "membership__organisation_id")
    )


def visible_networks(user):
    return Network.objects.filter(visible_networks_q(user))


def organisation_networks_section(*, user, organisation: Organisation) -> dict:
    """The organisation page's list of networks (``providers.selectors``): the active
    memberships in networks the viewer may see."""
    memberships = Membership.objects.filter(
        organisation=organisation,
        status=Membership.Status.ACTIVE,
        network_id__in=visible_networks(user).values("pk"),
    )
    return {
        "networks": [
            m.network for m in memberships.select_related("network").order_by("network__name")
        ]
    }


# --- Reads for the network pages ------------------------------------------------------------


def active_memberships(network: Network):
    return (
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def member_organisations_by_kind(
    network: Network, *, memberships=None
) -> list[tuple[str, list[Organisation]]]:
    """Active member organisations grouped by sector (``Organisation.kind``), one query; none
    when the caller passes the network's memberships (with organisations, by name)."""
    groups: dict[str, list[Organisation]] = {}
    labels = dict(Organisation.Kind.choices)
    if memberships is None:
        memberships = active_memberships(network)
    for membership in memberships:
        if membership.status != Membership.Status.ACTIVE:
            continue
        organisation = membership.organisation
        groups.setdefault(organisation.kind, []).append(organisation)
    order = [kind for kind, _label in Organisation.Kind.choices]
    return [
        (str(labels.get(kind, kind)), groups[kind])
        for kind in sorted(groups, key=lambda k: order.index(k) if k in order else len(order))
    ]


def pending_applications(network: Network):
    return (
        Membership.objects.filter(network=network, status=Membership.Status.APPLIED)
        .select_related("organisation", "applied_by")
        .order_by("applied_at", "pk")
    )


def open_membership_for(network: Network, organisation_ids) -> dict[int, Membership]:
    """The applied or active membership of each of the given organisations, by organisation."""
    return {
        m.organisation_id: m
        for m in Membership.objects.filter(
            network=network,
            organisation_id__in=list(organisation_ids),
            status__in=Membership.OPEN_STATUSES,
        ).select_related("organisation")
    }


# --- The network list and profile -----------------------------------------------------------


def networks_to_list(user):
    """The networks the person may see, by name, each with its parent and ``member_count``.
    Lazy; one query for a page of them."""
    return (
        Network.objects.filter(visible_networks_q(user))
        .distinct()
        .select_related("parent")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__status=Membership.Status.ACTIVE),
                distinct=True,
            )
        )
        .order_by("name")
    )


def own_open_memberships(user):
    """Applied and active memberships of the organisations the person works for, by network.
    Lazy; one query (none for visitors)."""
    if not user.is_authenticated:
        return []
    return (
        Membership.objects.filter(
            organisation__members__user=user, status__in=Membership.OPEN_STATUSES
        )
        .select_related("network", "organisation")
        .order_by("network__name", "organisation__name")
    )


def network_profile_context(user, network: Network) -> dict:
    """What the network's profile page shows to this person, and what they may do there.

    Sub-networks, municipalities, coordinators, members by sector, the sections other apps
    add (the meetings app: upcoming public meetings), the memberships of the organisations
    the person administers, and for coordinators the number of open applications.

    The network's applied and active memberships are read once (with their organisations):
    the members by sector, the person's own memberships and the coordinators' count of open
    applications all come from that one query.
    """
    admin_org_ids = admin_organisation_ids(user)
    open_memberships = list(
        Membership.objects.filter(network=network, status__in=Membership.OPEN_STATUSES)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    own = administered_open_memberships(user, network, open_memberships=open_memberships)
    context = {
        "network": network,
        "subnetworks": network.subnetworks.order_by("name"),
        "municipalities": network.municipalities.order_by("name"),
        "coordinators": network.coordinators.order_by("name"),
        "members_by_kind": member_organisations_by_kind(network, memberships=open_memberships),
        "sections": page_sections("network.profile", user=user, network=network),
        "links": [line.strip() for line in network.links.splitlines() if line.strip()],
        "own_memberships": list(own.values()),
        "can_apply": permissions.can_apply(user, network) and len(own) < len(admin_org_ids),
        "is_coordinator": permissions.is_coordinator(user, network),
        "can_see_internal": permissions.can_see_internal(user, network),
        "is_org_admin_member": any(m.status == Membership.Status.ACTIVE for m in own.values()),
    }
    if context["is_coordinator"]:
        context["pending_count"] = sum(
            1 for m in open_memberships if m.status == Membership.Status.APPLIED
        )
    return context


# --- Applications, memberships, representatives ---------------------------------------------


def organisation_ids_that_may_apply(user, network: Network) -> set[int]:
    """The organisations the person administers that have neither applied to the network nor
    belong to it: one query (their open memberships)."""
    admin_org_ids = admin_organisation_ids(user)
    return admin_org_ids - set(open_membership_for(network, admin_org_ids))


def organisations_by_name(organisation_ids):
    return Organisation.objects.filter(pk__in=organisation_ids).order_by("name")


def member_list(network: Network):
    """Active memberships by organisation name, with each organisation's representatives.
    Lazy; two queries for a page (memberships, representatives with their people)."""
    return (
        active_memberships(network)
        .prefetch_related("representatives__person__user")
        .order_by("organisation__name")
    )


def memberships_to_end(network: Network):
    """Active memberships with organisation and network, to look one up by id. Lazy."""
    return Membership.objects.select_related("organisation", "network").filter(
        network=network, status=Membership.Status.ACTIVE
    )


def own_memberships_with_representatives(user, network: Network) -> list[Membership]:
    """Applied and active memberships of the organisations the person administers, with their
    representatives: two queries."""
    return list(
        Membership.objects.filter(
            network=network,
            organisation_id__in=admin_organisation_ids(user),
            status__in=Membership.OPEN_STATUSES,
        )
        .select_related("organisation")
        .prefetch_related("representatives__person__user")
        .order_by("organisation__name")
    )


def representatives_of(memberships):
    """The representatives of the given memberships, to look one up by id. Lazy."""
    return Representative.objects.select_related("person__user", "membership__organisation").filter(
        membership__in=memberships
    )


# --- Working groups -------------------------------------------------------------------------


def member_people(network: Network):
    """People of the network's active member organisations (candidates for a lead). Lazy."""
    return (
        get_user_model()
        .objects.filter(
            organisation_memberships__organisation__network_memberships__network=network,
            organisation_memberships__organisation__network_memberships__status=(
                Membership.Status.ACTIVE
            ),
            is_active=True,
        )
        .distinct()
        .order_by("name", "email")
    )


def working_groups_of(network: Network):
    """The network's working groups with their lead, to look one up by id. Lazy."""
    return WorkingGroup.objects.select_related("lead", "network__parent").filter(network=network)


def working_groups_to_list(network: Network):
    """The network's working groups by name, with lead and ``member_count``. Lazy; one query
    for a page of them."""
    return (
        network.working_groups.select_related("lead")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("name")
    )


def working_group_context(user, group: WorkingGroup) -> dict:
    """The working group's members (by name), whether the person is one of them, and its
    results with their authors and the sections other apps add under each result (the
    proposals app: "submit as a proposal"): two queries."""
    members = list(group.members.order_by("name", "email"))
    results = list(group.results.select_related("created_by"))
    for result in results:
        result.sections = page_sections(
            "network.working_group_result", user=user, network=group.network, result=result
        )
    return {
        "members": members,
        "is_member": any(member.pk == user.pk for member in members),
        "results": results,
    }


def is_working_group_member(group: WorkingGroup, user) -> bool:
    return group.members.filter(pk=user.pk).exists()


def working_group_results(network: Network, group_id: int):
    """The results of one working group of the network, to look one up by id. Lazy."""
    return WorkingGroupResult.objects.filter(
        working_group_id=group_id, working_group__network=network
    )


# --- Cooperation agreements -----------------------------------------------------------------


def network_agreements(network: Network):
    """The network's cooperation agreements, to look one up by id. Lazy."""
    return CooperationAgreement.objects.filter(network=network)


def agreements_to_list(network: Network):
    """The network's agreements, newest first, with their parties. Lazy; two queries for a
    page of them."""
    return network.agreements.prefetch_related("parties").order_by("-signed_on", "title")


def agreement_parties(agreement: CooperationAgreement):
    return agreement.parties.order_by("name")


# --- Measures and the audit log -------------------------------------------------------------

MEASURE_FILTERS = ("open", "overdue", "done", "all")
_OPEN = Q(status__in=[Measure.Status.OPEN, Measure.Status.IN_PROGRESS])


def measures_to_list(user, network: Network, *, show: str):
    """The measures of the network the person may see (``visible_measures``), filtered by
    ``show`` (``MEASURE_FILTERS``), by due date, with who is responsible and the meeting.
    Lazy; one query for a page of them."""
    measures = permissions.visible_measures(user, network).select_related(
        "responsible_person", "responsible_organisation", "meeting"
    )
    if show == "open":
        measures = measures.filter(_OPEN)
    elif show == "overdue":
        measures = measures.filter(_OPEN, due_date__lt=timezone.localdate())
    elif show == "done":
        measures = measures.filter(status=Measure.Status.DONE)
    return measures.order_by("due_date", "pk")


def audit_events(network: Network):
    """The audit log of the network and its sub-networks (newest first, the model's order),
    with who acted. Lazy; the tree is read once (one query), then one query for a page."""
    return AuditEvent.objects.filter(network_id__in=subtree_ids(network)).select_related("actor")
