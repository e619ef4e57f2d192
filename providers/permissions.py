"""Who may see and change what in an organisation. Every such check lives here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Organisation, OrganisationMember

VIEW = "view"
EDIT = "edit"  # profile, offers, people: organisation admins and site admins
ACTIONS = (VIEW, EDIT)


def is_site_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def member_for(user, organisation: Organisation) -> OrganisationMember | None:
    """The user's place in the organisation (cached on the instance for the request)."""
    if not user.is_authenticated:
        return None
    cache = organisation.__dict__.setdefault("_member_cache", {})
    if user.pk not in cache:
        cache[user.pk] = OrganisationMember.objects.filter(
            organisation=organisation, user=user
        ).first()
    return cache[user.pk]


def is_organisation_admin(user, organisation: Organisation) -> bool:
    member = member_for(user, organisation)
    return member is not None and member.role == OrganisationMember.Role.ADMIN


def can_edit_organisation(user, organisation: Organisation) -> bool:
    return is_site_admin(user) or is_organisation_admin(user, organisation)


def user_network_ids(user) -> set[int]:
    """network.permissions.member_network_ids, asked once per request (cached on the user)."""
    from network.permissions import member_network_ids

    if "_provider_network_ids" not in user.__dict__:
        user.__dict__["_provider_network_ids"] = member_network_ids(user)
    return user.__dict__["_provider_network_ids"]


def shared_network_ids(user, organisation: Organisation) -> set[int]:
    """Networks in which both the user's organisation and this one are active members."""
    from network.models import Membership

    mine = user_network_ids(user)
    if not mine:
        return set()
    return set(
        Membership.objects.filter(
            organisation=organisation,
            status=Membership.Status.ACTIVE,
            network_id__in=mine,
        ).values_list("network_id", flat=True)
    )


def can_see_staff_contacts(user, organisation: Organisation) -> bool:
    """Colleagues, site admins and members of a network both organisations belong to."""
    if not user.is_authenticated:
        return False
    return (
        is_site_admin(user)
        or member_for(user, organisation) is not None
        or bool(shared_network_ids(user, organisation))
    )


def get_organisation_for(request, slug: str, *, action: str) -> Organisation:
    """The organisation at ``slug`` if the user may ``action`` it.

    404 when the user must not know it (or, for changes, when they do not work there);
    403 for staff members who know it but may not change it.
    """
    assert action in ACTIONS, action
    user = request.user
    organisation = get_object_or_404(Organisation.objects.visible_to(user), slug=slug)
    if action == EDIT and not can_edit_organisation(user, organisation):
        if member_for(user, organisation) is None:
            raise Http404
        raise PermissionDenied
    return organisation
