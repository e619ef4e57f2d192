"""Reads about networks that views and other apps use.

Sub-networks come from ``network.tree`` (one recursive CTE), embedded as a subquery, so the
number of queries does not grow with the depth of the tree.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from providers.models import Organisation

from .models import Membership, Network, Representative
from .permissions import visible_networks_q
from .tree import subtree_subquery


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


def member_organisations_by_kind(network: Network) -> list[tuple[str, list[Organisation]]]:
    """Active member organisations grouped by sector (``Organisation.kind``), one query."""
    groups: dict[str, list[Organisation]] = {}
    labels = dict(Organisation.Kind.choices)
    for membership in active_memberships(network):
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
