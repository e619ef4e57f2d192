"""Everything that changes networks, memberships, working groups, agreements and measures.

Views and Django admin call these functions; each one is a transaction, writes the audit log
for decisions and announces what happened through ``network.events`` in the same
transaction (the notifications app mails both sides, the meetings app invites new members).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.errors import DomainError
from providers.models import Organisation, OrganisationMember

from . import events
from .models import (
    CooperationAgreement,
    Measure,
    Membership,
    Network,
    Representative,
    WorkingGroup,
    WorkingGroupResult,
)


class NetworkError(DomainError):
    """A rule about networks was broken; ``message`` is shown to the user."""


# --- Memberships -----------------------------------------------------------------------------


def membership_apply(
    *, organisation: Organisation, network: Network, by, message: str = ""
) -> Membership:
    """An organisation asks to join a network. At most one open or active membership.

    The organisation row is locked so that two simultaneous applications queue up; the
    partial unique constraint is the last line of defence.
    """
    if not network.is_open_for_members:
        raise NetworkError(_("This network does not accept applications at the moment."))
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        existing = Membership.objects.filter(
            network=network, organisation=organisation, status__in=Membership.OPEN_STATUSES
        ).first()
        if existing is not None:
            raise NetworkError(_already_message(existing))
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    network=network,
                    organisation=organisation,
                    status=Membership.Status.APPLIED,
                    application_message=message.strip(),
                    applied_at=timezone.now(),
                    applied_by=by,
                )
        except IntegrityError as error:
            raise NetworkError(
                _("Your organisation has already applied to this network or is a member.")
            ) from error
        audit_log(
            actor=by,
            action="membership.applied",
            target=membership,
            network_id=network.pk,
            organisation=organisation.pk,
        )
        events.membership_applied.send_event(membership=membership)
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
    *, membership: Membership, by, reason: str = "", role: str | None = None
) -> Membership:
    """Accept an application: the organisation becomes an active member.

    The organisation has a representative from the start (``representative_default``);
    ``membership_accepted`` tells both sides and has the representatives invited to the
    upcoming meetings.
    """
    with transaction.atomic():
        membership = _locked(membership)
        if membership.status != Membership.Status.APPLIED:
            raise NetworkError(_("Only open applications can be accepted."))
        membership.status = Membership.Status.ACTIVE
        membership.role = role or membership.role
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.decision_reason = reason.strip()
        membership.started_at = timezone.localdate()
        membership.save()
        audit_log(
            actor=by,
            action="membership.approved",
            target=membership,
            network_id=membership.network_id,
            reason=membership.decision_reason,
        )
        representative_default(membership=membership, by=by)
        events.membership_accepted.send_event(membership=membership)
    return membership


def membership_decline(*, membership: Membership, by, reason: str) -> Membership:
    """Decline an application with a reason the applicant reads."""
    if not reason.strip():
        raise NetworkError(_("Please give a reason for declining."))
    with transaction.atomic():
        membership = _locked(membership)
        if membership.status != Membership.Status.APPLIED:
            raise NetworkError(_("Only open applications can be declined."))
        membership.status = Membership.Status.DECLINED
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.decision_reason = reason.strip()
        membership.save()
        audit_log(
            actor=by,
            action="membership.declined",
            target=membership,
            network_id=membership.network_id,
            reason=membership.decision_reason,
        )
        events.membership_declined.send_event(membership=membership)
    return membership


def membership_end(*, membership: Membership, by, reason: str = "") -> Membership:
    """An active member leaves (or is removed); it may apply again later."""
    with transaction.atomic():
        membership = _locked(membership)
        if membership.status != Membership.Status.ACTIVE:
            raise NetworkError(_("Only active memberships can be ended."))
        membership.status = Membership.Status.LEFT
        membership.ended_at = timezone.localdate()
        if reason.strip():
            membership.decision_reason = reason.strip()
        membership.save()
        audit_log(
            actor=by,
            action="membership.ended",
            target=membership,
            network_id=membership.network_id,
            reason=reason.strip(),
        )
        events.membership_ended.send_event(membership=membership)
    return membership


# --- Representatives -------------------------------------------------------------------------


def representative_add(
    *, membership: Membership, person: OrganisationMember, role: str, by
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
            actor=by,
            action="representative.added",
            target=representative,
            network_id=membership.network_id,
            role=role,
        )
        if membership.status == Membership.Status.ACTIVE:
            # The meetings app invites the newly named person to upcoming meetings.
            events.representative_added.send_event(representative=representative)
    return representative


def representative_default(*, membership: Membership, by) -> Representative | None:
    """An accepted organisation is represented from the start: by the person who applied if
    they work there, otherwise by its first admin. Nothing changes if it has representatives.
    The coordinator and the organisation's admins can change it on the representatives page.
    """
    if membership.representatives.exists():
        return None
    people = OrganisationMember.objects.filter(organisation_id=membership.organisation_id)
    person = (
        people.filter(user_id=membership.applied_by_id).first()
        or people.filter(role=OrganisationMember.Role.ADMIN).order_by("joined_at", "pk").first()
    )
    if person is None:
        return None
    representative = Representative.objects.create(
        membership=membership, person=person, role=Representative.Role.REPRESENTATIVE
    )
    audit_log(
        actor=by,
        action="representative.added",
        target=representative,
        network_id=membership.network_id,
        role=representative.role,
        default=True,
    )
    return representative


def representative_remove(*, representative: Representative, by) -> None:
    with transaction.atomic():
        audit_log(
            actor=by,
            action="representative.removed",
            target=representative,
            network_id=representative.membership.network_id,
        )
        representative.delete()


# --- Network profile -------------------------------------------------------------------------


def network_update_profile(*, network: Network, by, fields: dict) -> Network:
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
            actor=by,
            action="network.profile_updated",
            target=network,
            network_id=network.pk,
            fields=sorted([*fields, *m2m]),
        )
    return network


# --- Working groups --------------------------------------------------------------------------


def working_group_create(
    *, network: Network, by, name: str, purpose: str = "", lead=None, is_open: bool = True
) -> WorkingGroup:
    with transaction.atomic():
        group = WorkingGroup.objects.create(
            network=network, name=name, purpose=purpose, lead=lead, is_open=is_open
        )
        if lead is not None:
            group.members.add(lead)
        audit_log(actor=by, action="working_group.created", target=group, network_id=network.pk)
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
    by,
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
            created_by=by,
        )
        if document:
            result.document.save(document.name, document, save=False)
        result.save()
        audit_log(
            actor=by,
            action="working_group.result_added",
            target=result,
            network_id=working_group.network_id,
        )
    return result


# --- Cooperation agreements ------------------------------------------------------------------


def agreement_save(
    *,
    network: Network,
    by,
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
            actor=by,
            action="agreement.created" if created else "agreement.updated",
            target=agreement,
            network_id=network.pk,
        )
    return agreement


# --- Measures --------------------------------------------------------------------------------


@transaction.atomic
def measure_create(
    *,
    network: Network,
    by,
    title: str,
    description: str = "",
    responsible_person=None,
    responsible_organisation: Organisation | None = None,
    due_date=None,
    meeting_id: int | None = None,
    is_restricted: bool = False,
) -> Measure:
    """A measure of the network, usually agreed in a meeting (``meeting_id``).

    Restricted measures (those of case conferences) are seen only by the network's
    coordinators and the responsible person.
    """
    measure = Measure.objects.create(
        network=network,
        meeting_id=meeting_id,
        title=title,
        description=description,
        responsible_person=responsible_person,
        responsible_organisation=responsible_organisation,
        due_date=due_date,
        is_restricted=is_restricted,
    )
    audit_log(actor=by, action="measure.created", target=measure, network_id=network.pk)
    return measure


def measure_set_status(*, measure: Measure, by, status: str) -> Measure:
    if status not in Measure.Status.values:
        raise NetworkError(_("Unknown status."))
    with transaction.atomic():
        measure = Measure.objects.select_for_update().get(pk=measure.pk)
        measure.status = status
        measure.done_at = timezone.now() if status == Measure.Status.DONE else None
        measure.save(update_fields=["status", "done_at"])
        audit_log(
            actor=by,
            action="measure.status_changed",
            target=measure,
            network_id=measure.network_id,
            status=status,
        )
    return measure


def working_group_results_presented(*, result_ids, meeting_id: int) -> None:
    """The results were presented in the plenary meeting ``meeting_id``."""
    WorkingGroupResult.objects.filter(pk__in=result_ids).update(presented_at_id=meeting_id)
