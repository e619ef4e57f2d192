"""The organisations a person works for, and those related to them: once per request.

Built on ``core.request_cache``; ``providers.permissions`` and the upper apps' permission
modules ask these functions instead of querying memberships themselves.

Upper apps know other ways in which a person and an organisation belong together (the network
app: both are members of one network). They register a function ``(user) -> set[int]`` of such
organisation ids with ``register_related_organisations`` in their ``AppConfig.ready``.
"""

from collections.abc import Callable

from django.db.models import Q

from core.permissions import is_site_admin
from core.request_cache import remembered

from .models import Organisation, OrganisationMember

_related_organisation_sources: list[Callable] = []


def register_related_organisations(source: Callable) -> None:
    if source not in _related_organisation_sources:
        _related_organisation_sources.append(source)


def organisation_roles(user) -> dict[int, str]:
    """organisation id → the person's role there (admin or staff); one query per request."""
    if not user.is_authenticated:
        return {}
    return remembered(
        user,
        "providers.organisation_roles",
        lambda: dict(
            OrganisationMember.objects.filter(user_id=user.pk)
            .order_by("joined_at", "pk")
            .values_list("organisation_id", "role")
        ),
    )


def organisation_ids(user) -> list[int]:
    """The person's organisations, the one they joined first first."""
    return list(organisation_roles(user))


def admin_organisation_ids(user) -> set[int]:
    """Organisations in which the person is an organisation admin."""
    return {
        org_id
        for org_id, role in organisation_roles(user).items()
        if role == OrganisationMember.Role.ADMIN
    }


def is_organisation_member(user, organisation_id: int) -> bool:
    return organisation_id in organisation_roles(user)


def is_organisation_admin(user, organisation_id: int) -> bool:
    return organisation_id in admin_organisation_ids(user)


def related_organisation_ids(user) -> set[int]:
    """The person's own organisations and those related to them through an upper app."""
    if not user.is_authenticated or is_site_admin(user):
        return set(organisation_roles(user))

    def compute() -> set[int]:
        ids = set(organisation_roles(user))
        for source in _related_organisation_sources:
            ids |= source(user)
        return ids

    return remembered(user, "providers.related_organisation_ids", compute)


def visible_organisations(user):
    """Organisations the person may know about: listed ones (verified and public), their own
    and related ones. Visitors see listed ones only; site admins every organisation."""
    if not user.is_authenticated:
        return Organisation.objects.listed()
    if is_site_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Q(is_public=True, is_verified=True) | Q(pk__in=related_organisation_ids(user))
    )
