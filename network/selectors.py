"""Reads about networks that other apps use."""

from django.contrib.auth import get_user_model

from .models import Membership, Network, Representative


def network_with_descendant_ids(network: Network) -> list[int]:
    """The network and all its sub-networks (any depth), one query per level."""
    ids, frontier = [network.pk], [network.pk]
    while frontier:
        frontier = list(
            Network.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids.extend(frontier)
    return ids


def audience_memberships(network: Network, *, include_subnetworks: bool):
    """Active memberships whose organisations a meeting of ``network`` addresses.

    Membership is inherited downward: members of every sub-network belong to the audience of
    a county-wide meeting. An organisation in several of these networks appears once per
    network; use ``audience_organisation_ids`` for distinct organisations.
    """
    network_ids = network_with_descendant_ids(network) if include_subnetworks else [network.pk]
    return Membership.objects.filter(network_id__in=network_ids, status=Membership.Status.ACTIVE)


def audience_organisation_ids(network: Network, *, include_subnetworks: bool) -> set[int]:
    return set(
        audience_memberships(network, include_subnetworks=include_subnetworks).values_list(
            "organisation_id", flat=True
        )
    )


def audience_people(network: Network, *, include_subnetworks: bool):
    """Representatives and deputies of the audience's organisations, each person once."""
    memberships = audience_memberships(network, include_subnetworks=include_subnetworks)
    person_ids = Representative.objects.filter(membership__in=memberships).values("person__user_id")
    return get_user_model().objects.filter(pk__in=person_ids, is_active=True).order_by("pk")
