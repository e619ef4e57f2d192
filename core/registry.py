"""Extension points through which upper apps contribute to rules that live in ``core``.

``core`` imports no other app (DESIGN.md, "Layers"). Where a rule of ``core`` depends on what
upper apps know, the upper app registers a function here in its ``AppConfig.ready``:

- ``mfa_requirements``: predicates ``(user) -> bool``; a person for whom one is true must use
  two-factor authentication (site admins always must). The network app registers "coordinates
  a network".
- ``personal_data``: what an app stores about a person, for the export ("my data") and the
  erasure when the account is deleted (see ``core.privacy``).
- ``deletion_blockers``: functions ``(user) -> list[str]`` giving reasons, as messages for the
  person, why their account cannot be deleted yet (the last admin of an organisation).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalData:
    """What one app holds about a person.

    ``export(user)`` returns JSON-ready data (a list of rows) for the person's download;
    ``erase(user)`` removes or anonymises it, by the person's id, inside the deletion's
    transaction, before the user row is deleted.
    """

    name: str
    export: Callable
    erase: Callable | None = None


mfa_requirements: list[Callable] = []
personal_data: list[PersonalData] = []
deletion_blockers: list[Callable] = []


def register_mfa_requirement(predicate: Callable) -> None:
    if predicate not in mfa_requirements:
        mfa_requirements.append(predicate)


def register_personal_data(entry: PersonalData) -> None:
    if all(existing.name != entry.name for existing in personal_data):
        personal_data.append(entry)


def register_deletion_blocker(blocker: Callable) -> None:
    if blocker not in deletion_blockers:
        deletion_blockers.append(blocker)
