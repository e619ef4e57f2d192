"""Reads about networks that other apps use.

Sub-networks are found with one recursive SQL query (``WITH RECURSIVE``, supported by
PostgreSQL and SQLite), so the number of queries does not grow with the depth of the tree.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from providers.models import Organisation

from .models import Membership, Network, Representative


def _descendants_sql(network_pk: int) -> RawSQL:
    """SQL for the ids of a network and all its sub-networks (any depth), cycle-safe."""
    table = Network._meta.db_table
    # UNION (not UNION ALL) drops rows already seen, so a cycle in bad data ends the recursion.
    # The table name comes from the model; the network id is a query parameter.
    return RawSQL(  # noqa: S611
        f"WITH RECURSIVE tree(id) AS ("  # noqa: S608
        f"SELECT id FROM {table} WHERE id = %s "
        f"UNION SELECT child.id FROM {table} child JOIN tree ON child.parent_id = tree.id"
        f") SELECT id FROM tree",
        [network_pk],
    )


def network_with_descendant_ids(network: Network) -> list[int]:
    """The network and all its sub-networks (any depth), in one query."""
    ids = list(
        Network.objects.filter(pk__in=_descendants_sql(network.pk)).values_list("pk", flat=True)
    )
    # The network itself first: callers rely on it.
    return [network.pk, *sorted(pk for pk in ids if pk != network.pk)]


def audience_memberships(network: Network, *, include_subnetworks: bool):
    """Active memberships whose organisations a meeting of ``network`` addresses.

    Membership is inherited downward: members of every sub-network belong to the audience of
    a county-wide meeting. An organisation in several of these networks appears once per
    network; use ``audience_organisation_ids`` for distinct organisations. Lazy: evaluating
    it is one query whatever the depth of the tree.
    """
    if include_subnetworks:
        network_filter = Q(network_id__in=_descendants_sql(network.pk))
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


def upcoming_public_meetings(network: Network, *, limit: int | None = None):
    """Published meetings that visitors may see: public audience, or in a public network."""
    from django.contrib.auth.models import AnonymousUser

    from meetings.models import Meeting

    # The meetings app decides what a visitor may see (never case conferences or drafts).
    meetings = Meeting.objects.visible_to(AnonymousUser()).filter(
        network=network, status=Meeting.Status.PUBLISHED, start__gte=timezone.now()
    )
    meetings = meetings.select_related("contact_person").order_by("start")
    return meetings[:limit] if limit else meetings


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
