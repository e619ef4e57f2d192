"""Everything that changes organisations, their people and their offers.

Invariant kept here: an organisation always keeps at least one admin. Every change of a
role or of who belongs to an organisation locks the organisation row first, so two admins
who demote each other at the same moment cannot leave it without one.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.errors import DomainError

from . import events
from .models import JoinRequest, Offer, Organisation, OrganisationInvitation, OrganisationMember

Role = OrganisationMember.Role

INVITATION_SALT = "providers.invitation"
INVITATION_MAX_AGE = timedelta(days=14)
# Path segments under /providers/ that are pages, not organisations.
RESERVED_SLUGS = {"mine", "register", "invitations", "new", "admin", "search"}

ORGANISATION_FIELDS = (
    "name",
    "short_name",
    "kind",
    "legal_form",
    "sector_tags",
    "street",
    "postal_code",
    "city",
    "phone",
    "email",
    "website",
    "description",
    "is_public",
    "contact_is_public",
)
ORGANISATION_M2M = ("fields_of_work", "municipalities", "jurisdiction")
OFFER_FIELDS = (
    "title",
    "description",
    "age_from",
    "age_to",
    "is_free",
    "languages",
    "accessibility_notes",
    "contact_name",
    "contact_email",
    "contact_phone",
    "is_active",
)
OFFER_M2M = ("target_groups", "fields_of_work", "municipalities", "planning_regions")


class ProviderError(DomainError):
    """A request the rules about organisations do not allow; ``message`` is shown."""


# --- Organisations ------------------------------------------------------------------------


def unique_slug(name: str) -> str:
    base = slugify(name)[:70].strip("-") or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-org"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(instance, data: dict, fields, m2m) -> None:
    for field in fields:
        if field in data:
            setattr(instance, field, data[field])
    instance.save()
    for field in m2m:
        if field in data:
            getattr(instance, field).set(data[field])


@transaction.atomic
def organisation_register(*, user, data: dict) -> Organisation:
    """A user registers a new organisation: it starts unverified, the user becomes its admin."""
    organisation = Organisation(slug=unique_slug(data["name"]), created_by=user, is_verified=False)
    _apply(organisation, data, ORGANISATION_FIELDS, ORGANISATION_M2M)
    OrganisationMember.objects.create(
        organisation=organisation,
        user=user,
        role=Role.ADMIN,
        function_title=data.get("function_title", ""),
    )
    audit_log(actor=user, action="organisation.registered", target=organisation)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, by, data: dict) -> Organisation:
    _apply(organisation, data, ORGANISATION_FIELDS, ORGANISATION_M2M)
    return organisation


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by) -> bool:
    """Site admins confirm that an organisation is real; it then appears in the directory."""
    updated = Organisation.objects.filter(pk=organisation.pk, is_verified=False).update(
        is_verified=True
    )
    if updated:
        organisation.is_verified = True
        audit_log(actor=by, action="organisation.verified", target=organisation)
    return bool(updated)


# --- People -------------------------------------------------------------------------------


def _lock(organisation: Organisation) -> None:
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()


def _other_admins(member: OrganisationMember) -> int:
    return (
        OrganisationMember.objects.filter(organisation_id=member.organisation_id, role=Role.ADMIN)
        .exclude(pk=member.pk)
        .count()
    )


def _ensure_not_last_admin(member: OrganisationMember) -> None:
    if member.role == Role.ADMIN and _other_admins(member) == 0:
        raise ProviderError(
            _("An organisation always keeps at least one admin. Make another person admin first.")
        )


def member_remove(*, member: OrganisationMember, by) -> None:
    """Remove a person from an organisation (an admin removes them, or they leave)."""
    with transaction.atomic():
        _lock(member.organisation)
        member = OrganisationMember.objects.get(pk=member.pk)
        _ensure_not_last_admin(member)
        leaving = by is not None and by.pk == member.user_id
        audit_log(
            actor=by,
            action="organisation.member_left" if leaving else "organisation.member_removed",
            target=member.organisation,
            person_id=member.user_id,
            role=member.role,
        )
        member.delete()


def member_set_role(*, member: OrganisationMember, by, role: str) -> OrganisationMember:
    with transaction.atomic():
        _lock(member.organisation)
        member = OrganisationMember.objects.select_related("organisation").get(pk=member.pk)
        if member.role == role:
            return member
        if role != Role.ADMIN:
            _ensure_not_last_admin(member)
        previous, member.role = member.role, role
        member.save(update_fields=["role"])
        audit_log(
            actor=by,
            action="organisation.role_changed",
            target=member.organisation,
            person_id=member.user_id,
            old_role=previous,
            new_role=role,
        )
    return member


def member_update(
    *,
    member: OrganisationMember,
    by,
    function_title: str,
    phone: str,
    is_public_contact: bool,
    role: str | None = None,
) -> OrganisationMember:
    with transaction.atomic():
        if role is not None:
            member = member_set_role(member=member, by=by, role=role)
        member.function_title = function_title
        member.phone = phone
        member.is_public_contact = is_public_contact
        member.save(update_fields=["function_title", "phone", "is_public_contact"])
    return member


def admin_hand_over(*, organisation: Organisation, by, to_member: OrganisationMember) -> None:
    """The acting admin makes a colleague admin and becomes staff."""
    with transaction.atomic():
        _lock(organisation)
        current = OrganisationMember.objects.get(organisation=organisation, user=by)
        if to_member.organisation_id != organisation.pk or to_member.pk == current.pk:
            raise ProviderError(_("Please choose a colleague from your organisation."))
        member_set_role(member=to_member, by=by, role=Role.ADMIN)
        member_set_role(member=current, by=by, role=Role.STAFF)


# --- Invitations --------------------------------------------------------------------------


def invitation_token(invitation: OrganisationInvitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


def invitation_url(invitation: OrganisationInvitation) -> str:
    return f"{settings.SITE_URL}/providers/invitations/{invitation_token(invitation)}/"


def invitation_from_token(token: str) -> OrganisationInvitation:
    """The invitation a link points to; ProviderError if the link is broken, expired or used."""
    try:
        payload = signing.loads(
            token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE.total_seconds()
        )
    except signing.SignatureExpired as error:
        raise ProviderError(_("This invitation has expired. Please ask for a new one.")) from error
    except signing.BadSignature as error:
        raise ProviderError(_("This invitation link is not valid.")) from error
    invitation = (
        OrganisationInvitation.objects.select_related("organisation")
        .filter(pk=payload.get("invitation"))
        .first()
    )
    if invitation is None:
        raise ProviderError(_("This invitation has been withdrawn."))
    if invitation.accepted_at is not None:
        raise ProviderError(_("This invitation has already been accepted."))
    return invitation


def member_invite(
    *, organisation: Organisation, by, email: str, role: str = Role.STAFF
) -> OrganisationInvitation:
    """Invite a colleague by email; the mail carries a signed link valid for 14 days."""
    email = email.strip().lower()
    if OrganisationMember.objects.filter(
        organisation=organisation, user__email__iexact=email
    ).exists():
        raise ProviderError(_("This person already belongs to the organisation."))
    with transaction.atomic():
        invitation = OrganisationInvitation.objects.create(
            organisation=organisation, email=email, role=role, invited_by=by
        )
        events.member_invited.send_event(invitation=invitation)
        audit_log(actor=by, action="organisation.invited", target=organisation, role=role)
    return invitation


def invitation_accept(*, invitation: OrganisationInvitation, user) -> OrganisationMember:
    if user.email.lower() != invitation.email.lower():
        raise ProviderError(
            _(
                "This invitation was sent to %(email)s. Please log in with that address "
                "to accept it."
            )
            % {"email": invitation.email}
        )
    with transaction.atomic():
        invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise ProviderError(_("This invitation has already been accepted."))
        member, created = OrganisationMember.objects.get_or_create(
            organisation_id=invitation.organisation_id,
            user=user,
            defaults={"role": invitation.role},
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        JoinRequest.objects.filter(
            organisation_id=invitation.organisation_id, user=user, status=JoinRequest.Status.PENDING
        ).update(status=JoinRequest.Status.ACCEPTED, decided_at=timezone.now())
        if created:
            audit_log(
                actor=user,
                action="organisation.member_joined",
                target=member.organisation,
                role=member.role,
                invitation_id=invitation.pk,
            )
    return member


def invitation_withdraw(*, invitation: OrganisationInvitation, by) -> None:
    with transaction.atomic():
        audit_log(
            actor=by, action="organisation.invitation_withdrawn", target=invitation.organisation
        )
        invitation.delete()


# --- Join requests ------------------------------------------------------------------------


def join_request_create(*, organisation: Organisation, user, message: str = "") -> JoinRequest:
    if OrganisationMember.objects.filter(organisation=organisation, user=user).exists():
        raise ProviderError(_("You already belong to this organisation."))
    with transaction.atomic():
        if JoinRequest.objects.filter(
            organisation=organisation, user=user, status=JoinRequest.Status.PENDING
        ).exists():
            raise ProviderError(_("Your request is already waiting for a decision."))
        join_request = JoinRequest.objects.create(
            organisation=organisation, user=user, message=message
        )
        events.join_request_created.send_event(join_request=join_request)
    return join_request


def _join_request_decide(*, join_request: JoinRequest, by, accept: bool) -> JoinRequest:
    with transaction.atomic():
        join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if join_request.status != JoinRequest.Status.PENDING:
            raise ProviderError(_("This request has already been decided."))
        join_request.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.DECLINED
        join_request.decided_at = timezone.now()
        join_request.decided_by = by
        join_request.save(update_fields=["status", "decided_at", "decided_by"])
        organisation = join_request.organisation
        if accept:
            OrganisationMember.objects.get_or_create(
                organisation=organisation, user=join_request.user, defaults={"role": Role.STAFF}
            )
        audit_log(
            actor=by,
            action="organisation.join_accepted" if accept else "organisation.join_declined",
            target=organisation,
            person_id=join_request.user_id,
        )
        events.join_request_decided.send_event(join_request=join_request)
    return join_request


def join_request_accept(*, join_request: JoinRequest, by) -> JoinRequest:
    return _join_request_decide(join_request=join_request, by=by, accept=True)


def join_request_decline(*, join_request: JoinRequest, by) -> JoinRequest:
    return _join_request_decide(join_request=join_request, by=by, accept=False)


# --- Offers -------------------------------------------------------------------------------


@transaction.atomic
def offer_create(*, organisation: Organisation, by, data: dict) -> Offer:
    offer = Offer(organisation=organisation)
    _apply(offer, data, OFFER_FIELDS, OFFER_M2M)
    return offer


@transaction.atomic
def offer_update(*, offer: Offer, by, data: dict) -> Offer:
    _apply(offer, data, OFFER_FIELDS, OFFER_M2M)
    return offer


@transaction.atomic
def offer_delete(*, offer: Offer, by) -> None:
    offer.delete()
