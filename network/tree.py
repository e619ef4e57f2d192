"""The one walk of the network tree: a recursive CTE (``WITH RECURSIVE``, PostgreSQL and
SQLite), so the number of queries does not grow with the depth of the tree.

``subtree_ids`` / ``ancestor_ids`` run it; ``subtree_subquery`` embeds the same SQL in another
query (the audience of a meeting "with sub-networks"), so that costs no query of its own.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from .models import Network

DOWN = "down"  # sub-networks, at any depth
UP = "up"  # parent, grandparent …


def _tree_sql(start_count: int, direction: str) -> str:
    """SQL selecting the start networks and every network below (or above) them.

    UNION (not UNION ALL) drops rows already seen, so a cycle in bad data ends the recursion.
    The table name comes from the model; the ids are query parameters.
    """
    table = Network._meta.db_table
    placeholders = ", ".join(["%s"] * start_count)
    step = "n.parent_id = tree.id" if direction == DOWN else "n.id = tree.parent_id"
    return (
        f"WITH RECURSIVE tree(id, parent_id) AS ("  # noqa: S608 - model table name only
        f"SELECT id, parent_id FROM {table} WHERE id IN ({placeholders}) "
        f"UNION SELECT n.id, n.parent_id FROM {table} n JOIN tree ON {step}"
        f") SELECT id FROM tree"
    )


def _walk(start_ids, direction: str) -> set[int]:
    ids = sorted(set(start_ids))
    if not ids:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(_tree_sql(len(ids), direction), ids)
        return {row[0] for row in cursor.fetchall()}


def with_subnetworks(network_ids) -> set[int]:
    """The networks and all their sub-networks; one query."""
    return _walk(network_ids, DOWN)


def with_parents(network_ids) -> set[int]:
    """The networks and all networks above them; one query."""
    return _walk(network_ids, UP)


def subtree_ids(network: Network) -> list[int]:
    """The network first, then its sub-networks (any depth) by id; one query."""
    below = with_subnetworks([network.pk]) - {network.pk}
    return [network.pk, *sorted(below)]


def ancestor_ids(network: Network) -> set[int]:
    """Parent, grandparent … of the network (not the network itself); one query, none for a
    network without a parent."""
    if not network.parent_id:
        return set()
    return with_parents([network.parent_id])


def subtree_subquery(network_id: int) -> RawSQL:
    """The ids of the network and its sub-networks, as a subquery for ``__in`` filters."""
    return RawSQL(_tree_sql(1, DOWN), [network_id])  # noqa: S611 - parameters bound
