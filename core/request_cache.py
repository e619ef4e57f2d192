"""The one per-request cache: facts about the signed-in person, computed once per request.

Permission checks ask the same questions many times while one page is built ("which
organisations does this person work for", "which networks do they coordinate"). The answers
are kept on the user object, which Django creates afresh for every request, so they live
exactly as long as the request::

    def organisation_ids(user) -> set[int]:
        return remembered(user, "providers.organisation_ids", lambda: ...)

Keys are "<app>.<question>". A change to the data behind the answers (a membership, a
coordinator) calls ``forget_everything()`` from a model signal of the app that owns the data;
every remembered answer in this process is then computed again when next asked. That keeps a
long-lived user object (a test, a management command) from acting on stale answers after it
changed them itself.
"""

from collections.abc import Callable
from itertools import count
from typing import TypeVar

T = TypeVar("T")

_ATTRIBUTE = "_portal_request_cache"
_generations = count(1)
_generation = next(_generations)


def remembered(user, key: str, compute: Callable[[], T]) -> T:
    """The answer for ``key`` about ``user``, computed at most once per request."""
    cache = user.__dict__.get(_ATTRIBUTE)
    if cache is None or cache["generation"] != _generation:
        cache = {"generation": _generation}
        user.__dict__[_ATTRIBUTE] = cache
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget_everything(*args, **kwargs) -> None:
    """Invalidate every remembered answer in this process (usable as a signal receiver)."""
    global _generation
    _generation = next(_generations)
