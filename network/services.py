"""Everything that changes networks, memberships, working groups, agreements and measures.

Views and Django admin call these functions; each one is a transaction, writes the audit log
for decisions, and queues its mails in the same transaction (``notifications`` outbox).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from notifications import hooks
from notifications.services import mail_enqueue
from providers.models import Organisation, OrganisationMember

from .models import (
    CooperationAgreement,
    Measure,
    Membership,
    Network,
    Representative,
    WorkingGroup,
    WorkingGroupResult,
)
from .permissions import ancestor_ids


class NetworkError(Exception):
    """A domain rule was violated; ``message`` is shown to the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class MembershipError(NetworkError):
    pass


# --- Mail ------------------------------------------------------------------------------------


def _coordinators(network: Network):
    from django.contrib.auth import get_user_model

    ids = [network.pk, *ancestor_ids(network)]
    return get_user_model().objects.filter(coordinated_networks__in=ids, is_active=True).distinct()


def _organisation_admins(organisation: Organisation):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        organisation_memberships__organisation=organisation,
        organisation_memberships__role=OrganisationMember.Role.ADMIN,
        is_active=True,
    )


def _membership_mail_recipients(membership: Membership) -> list[tuple[object, bool]]:
    """(person, is_coordinator) for both sides of a membership, each person once."""
    recipients: dict[int, tuple[object, bool]] = {}
    for person in _coordinators(membership.network):
        recipients[person.pk] = (person, True)
    applicant_side = list(_organisation_admins(membership.organisation))
    if membership.applied_by is not None and membership.applied_by.is_active:
        applicant_side.append(membership.applied_by)
    for person in applicant_side:
        recipients.setdefault(person.pk, (person, False))
    return list(recipients.values())


def _mail_membership(membership: Membership, *, status: str) -> None:
    """Tell applicant organisation and coordinators about an application or decision."""
    for person, is_coordinator in _membership_mail_recipients(membership):
        mail_enqueue(
            key=f"membership:{membership.pk}:{status}:{person.pk}",
            kind=f"membership_{status}",
            template=f"membership_{status}",
            context={
                "membership": membership,
                "network": membership.network,
                "organisation": membership.organisation,
                "for_coordinator": is_coordinator,
                "profile_url": membership.network.get_absolute_url(),
                "applications_url": f"{membership.network.get_absolute_url()}applications/",
            },
            to_email=person.email,
            language=person.preferred_language,
            user=person,
            reference=f"network:{membership.network_id}",
        )


# --- Memberships -----------------------------------------------------------------------------


def membership_apply(
    *, organisation: Organisation, network: Network, applicant, message: str = ""
) -> Membership:
    """An organisation asks to join a network. At most one open or active membership.

    The organisation row is locked so that two simultaneous applications queue up; the
    partial unique constraint is the last line of defence.
    """
    if not network.is_open_for_members:
        raise MembershipError(_("This network does not accept applications at the moment."))
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        existing = Membership.objects.filter(
            network=network, organisation=organisation, status__in=Membership.OPEN_STATUSES
        ).first()
        if existing is not None:
            raise MembershipError(_already_message(existing))
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    network=network,
                    organisation=organisation,
                    status=Membership.Status.APPLIED,
                    application_message=message.strip(),
                    applied_at=timezone.now(),
                    applied_by=applicant,
                )
        except IntegrityError as error:
            raise MembershipError(
                _("Your organisation has already applied to this network or is a member.")
            ) from error
        audit_log(
            actor=applicant,
            action="membership.applied",
            target=membership,
            network_id=network.pk,
            organisation=organisation.pk,
        )
        _mail_membership(membership, status=Membership.Status.APPLIED)
    return membership


def _already_message(existing: Membership):
    if existing.status == Membership.Status.ACTIVE:
        return _("Your organisation is already a member of this network.")
    return _("Your organisation has already applied to this network.")


def _locked(membership: Membership) -> Membership:
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("network", "organisation", "applied_by")
        .get(pk=membership.pk)
    )


def membership_approve(
    *, membership: Membership, actor, reason: str = "", role: str | None = None
) -> Membership:
    """Accept an application: the organisation becomes an active member.

    Both sides are mailed, and the new member's representatives are invited to upcoming
    meetings (``notifications.hooks.on_membership_activated``).
    """
    with transaction.atomic():
        membership = _locked(membership)
        if membership.status != Membership.Status.APPLIED:
            raise MembershipError(_("Only open applications can be accepted."))
        membership.status = Membership.Status.ACTIVE
        membership.role = role or membership.role
        membership.decided_at = timezone.now()
        membership.decided_by = actor
        membership.decision_reason = reason.strip()
        membership.started_at = timezone.localdate()
        membership.save()
        audit_log(
            actor=actor,
            action="membership.approved",
            target=membership,
            network_id=membership.network_id,
            reason=membership.decision_reason,
        )
        _mail_membership(membership, status=Membership.Status.ACTIVE)
        hooks.on_membership_activated(membership)
    return membership


def membership_decline(*, membership: Membership, actor, reason: str) -> Membership:
    """Decline an application with a reason the applicant reads."""
    if not reason.strip():
        raise MembershipError(_("Please give a reason for declining."))
    with transaction.atomic():
        membership = _locked(membership)
        if membership.status != Membership.Status.APPLIED:
            raise MembershipError(_("Only open applications can be declined."))
        membership.status = Membership.Status.DECLINED
        membership.decided_at = timezone.now()
        membership.decided_by = actor
        membership.decision_reason = reason.strip()
        membership.save()
        audit_log(
            actor=actor,
            action="membership.declined",
            target=membership,
            network_id=membership.network_id,
            reason=membership.decision_reason,
        )
        _mail_membership(membership, status=Membership.Status.DECLINED)
    return membership


def membership_end(*, membership: Membership, actor, reason: str = "") -> Membership:
    """An active member leaves (or is removed); it may apply again later."""
    with transaction.atomic():
        membership = _locked(membership)
        if membership.status != Membership.Status.ACTIVE:
            raise MembershipError(_("Only active memberships can be ended."))
        membership.status = Membership.Status.LEFT
        membership.ended_at = timezone.localdate()
        if reason.strip():
            membership.decision_reason = reason.strip()
        membership.save()
        audit_log(
            actor=actor,
            action="membership.ended",
            target=membership,
            network_id=membership.network_id,
            reason=reason.strip(),
        )
        _mail_membership(membership, status=Membership.Status.LEFT)
    return membership


# --- Representatives -------------------------------------------------------------------------


def representative_add(
    *, membership: Membership, person: OrganisationMember, role: str, actor
) -> Representative:
    """Name a person of the member organisation as representative or deputy."""
    if person.organisation_id != membership.organisation_id:
        raise NetworkError(_("Only people of the member organisation can represent it."))
    if membership.status not in Membership.OPEN_STATUSES:
        raise NetworkError(_("Representatives can only be named for current memberships."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                representative = Representative.objects.create(
                    membership=membership, person=person, role=role
                )
        except IntegrityError as error:
            raise NetworkError(_("This person is already named for this network.")) from error
        audit_log(
            actor=actor,
            action="representative.added",
            target=representative,
            network_id=membership.network_id,
            role=role,
        )
        if membership.status == Membership.Status.ACTIVE:
            # A newly named person gets the invitations to upcoming meetings; the hook is
            # idempotent, so people invited before are not invited twice.
            hooks.on_membership_activated(membership)
    return representative


def representative_remove(*, representative: Representative, actor) -> None:
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="representative.removed",
            target=representative,
            network_id=representative.membership.network_id,
        )
        representative.delete()


# --- Network profile -------------------------------------------------------------------------


def network_update_profile(*, network: Network, actor, fields: dict) -> Network:
    """A coordinator edits the profile; ``fields`` are model fields (M2M as iterables)."""
    m2m = {name: fields.pop(name) for name in ("municipalities",) if name in fields}
    with transaction.atomic():
        for name, value in fields.items():
            setattr(network, name, value)
        network.full_clean()
        network.save()
        for name, value in m2m.items():
            getattr(network, name).set(value)
        audit_log(
            actor=actor,
            action="network.profile_updated",
            target=network,
            network_id=network.pk,
            fields=sorted([*fields, *m2m]),
        )
    return network


# --- Working groups --------------------------------------------------------------------------


def working_group_create(
    *, network: Network, actor, name: str, purpose: str = "", lead=None, is_open: bool = True
) -> WorkingGroup:
    with transaction.atomic():
        group = WorkingGroup.objects.create(
            network=network, name=name, purpose=purpose, lead=lead, is_open=is_open
        )
        if lead is not None:
            group.members.add(lead)
        audit_log(actor=actor, action="working_group.created", target=group, network_id=network.pk)
    return group


def working_group_join(*, working_group: WorkingGroup, user) -> None:
    if not working_group.is_open:
        raise NetworkError(_("This working group is closed; please ask its lead."))
    working_group.members.add(user)


def working_group_leave(*, working_group: WorkingGroup, user) -> None:
    working_group.members.remove(user)


def working_group_result_add(
    *,
    working_group: WorkingGroup,
    actor,
    title: str,
    text: str = "",
    document=None,
    for_plenary: bool = True,
) -> WorkingGroupResult:
    if not text.strip() and not document:
        raise NetworkError(_("Please enter a text or attach a PDF document."))
    with transaction.atomic():
        result = WorkingGroupResult(
            working_group=working_group,
            title=title,
            text=text,
            for_plenary=for_plenary,
            created_by=actor,
        )
        if document:
            result.document.save(document.name, document, save=False)
        result.save()
        audit_log(
            actor=actor,
            action="working_group.result_added",
            target=result,
            network_id=working_group.network_id,
        )
    return result


# --- Cooperation agreements ------------------------------------------------------------------


def agreement_save(
    *,
    network: Network,
    actor,
    fields: dict,
    parties,
    document=None,
    agreement: CooperationAgreement | None = None,
) -> CooperationAgreement:
    """Create or update a cooperation agreement of a network."""
    with transaction.atomic():
        created = agreement is None
        agreement = agreement or CooperationAgreement(network=network)
        for name, value in fields.items():
            setattr(agreement, name, value)
        if document:
            agreement.document.save(document.name, document, save=False)
        agreement.save()
        agreement.parties.set(parties)
        audit_log(
            actor=actor,
            action="agreement.created" if created else "agreement.updated",
            target=agreement,
            network_id=network.pk,
        )
    return agreement


# --- Measures --------------------------------------------------------------------------------


def measure_set_status(*, measure: Measure, actor, status: str) -> Measure:
    if status not in Measure.Status.values:
        raise NetworkError(_("Unknown status."))
    with transaction.atomic():
        measure = Measure.objects.select_for_update().get(pk=measure.pk)
        measure.status = status
        measure.done_at = timezone.now() if status == Measure.Status.DONE else None
        measure.save(update_fields=["status", "done_at"])
        audit_log(
            actor=actor,
            action="measure.status_changed",
            target=measure,
            network_id=measure.network_id,
            status=status,
        )
    return measure
