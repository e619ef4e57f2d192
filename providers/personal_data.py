"""What the providers app holds about a person (see ``core.privacy``), and why an account
cannot be deleted yet (the last admin of an organisation)."""

from django.utils.translation import gettext as _

from core.privacy import rows_exporter
from core.registry import PersonalData, register_deletion_blocker, register_personal_data

from .models import JoinRequest, Offer, Organisation, OrganisationInvitation, OrganisationMember


def _delete_invitations(user, emails) -> None:
    OrganisationInvitation.objects.filter(email__in=emails).delete()


def last_admin_blockers(user) -> list[str]:
    """An organisation must keep an admin: its last one cannot delete their account."""
    blockers = []
    admin_of = OrganisationMember.objects.filter(
        user=user, role=OrganisationMember.Role.ADMIN
    ).select_related("organisation")
    for membership in admin_of:
        organisation = membership.organisation
        other_admins = (
            OrganisationMember.objects.filter(
                organisation=organisation, role=OrganisationMember.Role.ADMIN
            )
            .exclude(user=user)
            .exists()
        )
        if not other_admins:
            blockers.append(
                _(
                    "You are the last administrator of “%(organisation)s”. Make a colleague "
                    "an administrator of the organisation first, or ask the operator of the "
                    "portal to remove the organisation."
                )
                % {"organisation": organisation.name}
            )
    return blockers


def register() -> None:
    for name, model, lookups, erase in [
        ("providers.organisation", Organisation, ("created_by", "email"), None),
        ("providers.organisationmember", OrganisationMember, ("user",), None),
        (
            "providers.organisationinvitation",
            OrganisationInvitation,
            ("invited_by", "accepted_by", "email"),
            _delete_invitations,
        ),
        ("providers.joinrequest", JoinRequest, ("user", "decided_by"), None),
        ("providers.offer", Offer, ("contact_email",), None),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups), erase))
    register_deletion_blocker(last_admin_blockers)
