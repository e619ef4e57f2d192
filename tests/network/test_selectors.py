"""Acceptance 4: the audience of a network includes every sub-network, each person once,
in a number of queries that does not depend on depth or size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.selectors import (
    audience_organisation_ids,
    audience_people,
)
from network.tree import subtree_ids

from .factories import MembershipFactory, NetworkFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db


def _tree(depth: int, width: int):
    """A county network with ``width`` sub-networks per level, ``depth`` levels below it."""
    root = NetworkFactory()
    level, everything = [root], [root]
    for _ in range(depth):
        level = [NetworkFactory(parent=parent) for parent in level for _ in range(width)]
        everything.extend(level)
    return root, everything


def _people_in(networks, per_network: int):
    people = set()
    for network in networks:
        for _ in range(per_network):
            people.add(RepresentativeFactory(membership=MembershipFactory(network=network)))
    return people


def test_audience_includes_all_sub_networks_without_duplicates():
    root, networks = _tree(depth=2, width=2)
    representatives = _people_in(networks, per_network=1)
    # The same organisation in the county network and in a local network: its person once.
    leaf = networks[-1]
    shared = next(r for r in representatives if r.membership.network != leaf)
    again = MembershipFactory(network=leaf, organisation=shared.membership.organisation)
    RepresentativeFactory(membership=again, person=shared.person)
    other_root = NetworkFactory()
    outsider = RepresentativeFactory(membership=MembershipFactory(network=other_root))

    people = list(audience_people(root, include_subnetworks=True))

    assert sorted(p.pk for p in people) == sorted({r.person.user_id for r in representatives})
    assert outsider.person.user not in people
    assert len(people) == len({p.pk for p in people})
    only_root = list(audience_people(root, include_subnetworks=False))
    assert only_root == [r.person.user for r in representatives if r.membership.network == root]


def test_left_and_applied_memberships_are_not_in_the_audience():
    root = NetworkFactory()
    RepresentativeFactory(membership=MembershipFactory(network=root, status="left"))
    RepresentativeFactory(membership=MembershipFactory(network=root, status="applied"))
    assert list(audience_people(root, include_subnetworks=True)) == []


def _queries_for_audience(root) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        people = list(audience_people(root, include_subnetworks=True))
    return len(captured), len(people)


def test_audience_query_count_is_one_whatever_the_depth_and_size():
    # One level, one member vs. three levels with 3 sub-networks each and 2 members per
    # network (40 networks, 80 people): both are exactly ONE query, a SELECT of users whose
    # id is in (representatives of active memberships whose network is in (WITH RECURSIVE
    # tree of sub-networks)).
    small_root, small = _tree(depth=1, width=1)
    _people_in(small, per_network=1)
    large_root, large = _tree(depth=3, width=3)
    _people_in(large, per_network=2)

    small_queries, small_people = _queries_for_audience(small_root)
    large_queries, large_people = _queries_for_audience(large_root)

    assert (small_people, large_people) == (2, 80)
    assert small_queries == large_queries == 1


def test_descendant_ids_and_organisations_take_one_query_each(django_assert_num_queries):
    root, networks = _tree(depth=3, width=2)
    _people_in(networks, per_network=1)
    with django_assert_num_queries(1):  # the recursive query for the tree
        ids = subtree_ids(root)
    assert ids[0] == root.pk and sorted(ids) == sorted(n.pk for n in networks)
    with django_assert_num_queries(1):  # memberships with the tree as sub-query
        assert len(audience_organisation_ids(root, include_subnetworks=True)) == len(networks)
