"""Who may see and change what in an organisation. Every such check lives here.

The person's organisations come from ``providers.access`` (once per request).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.permissions import is_site_admin

from .access import (
    is_organisation_admin,
    is_organisation_member,
    related_organisation_ids,
    visible_organisations,
)
from .models import Organisation, OrganisationMember

VIEW = "view"
EDIT = "edit"  # profile, offers, people: organisation admins and site admins
ACTIONS = (VIEW, EDIT)


def member_for(user, organisation: Organisation) -> OrganisationMember | None:
    """The person's place in the organisation, with role and function, or None."""
    if not is_organisation_member(user, organisation.pk):
        return None
    return OrganisationMember.objects.filter(organisation=organisation, user=user).first()


def can_edit_organisation(user, organisation: Organisation) -> bool:
    return is_site_admin(user) or is_organisation_admin(user, organisation.pk)


def can_see_staff_contacts(user, organisation: Organisation) -> bool:
    """Colleagues, site admins and people of related organisations (sharing a network)."""
    if not user.is_authenticated:
        return False
    return is_site_admin(user) or organisation.pk in related_organisation_ids(user)


def get_organisation_for(request, slug: str, *, action: str) -> Organisation:
    """The organisation at ``slug`` if the user may ``action`` it.

    404 when the user must not know it (or, for changes, when they do not work there);
    403 for staff members who know it but may not change it.
    """
    assert action in ACTIONS, action
    user = request.user
    organisation = get_object_or_404(visible_organisations(user), slug=slug)
    if action == EDIT and not can_edit_organisation(user, organisation):
        if not is_organisation_member(user, organisation.pk):
            raise Http404
        raise PermissionDenied
    return organisation
