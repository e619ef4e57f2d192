"""Mails about organisations and network memberships, composed from the events of the
providers and network apps (``notifications.receivers``)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from network.models import Membership, Network, Representative
from network.tree import ancestor_ids
from providers.models import JoinRequest, Organisation, OrganisationInvitation, OrganisationMember
from providers.services import INVITATION_MAX_AGE, invitation_url

from .mails import compose, language_of
from .outbox import PreparedMail, mail_render


def _coordinators(network: Network):
    """Coordinators of the network and of the networks above it."""
    ids = [network.pk, *ancestor_ids(network)]
    return (
        get_user_model()
        .objects.filter(coordinated_networks__in=ids, is_active=True)
        .distinct()
        .order_by("pk")
    )


def _organisation_admins(organisation: Organisation):
    return (
        get_user_model()
        .objects.filter(
            organisation_memberships__organisation=organisation,
            organisation_memberships__role=OrganisationMember.Role.ADMIN,
            is_active=True,
        )
        .order_by("pk")
    )


def _membership_recipients(membership: Membership) -> list[tuple[object, bool]]:
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


def _representatives(membership: Membership) -> list[dict]:
    return [
        {"name": r.person.user.get_full_name(), "role": r.get_role_display()}
        for r in Representative.objects.filter(membership=membership)
        .select_related("person__user")
        .order_by("role", "person__user__name")
    ]


def membership_mails(membership: Membership) -> list[PreparedMail]:
    """Applicant organisation and coordinators learn of an application or a decision."""
    status = membership.status
    network_url = membership.network.get_absolute_url()
    context = {
        "membership": membership,
        "network": membership.network,
        "organisation": membership.organisation,
        "profile_url": network_url,
        "applications_url": f"{network_url}applications/",
        "representatives_url": f"{network_url}representatives/",
    }
    if status == Membership.Status.ACTIVE:
        context["representatives"] = _representatives(membership)
    mails = []
    for person, is_coordinator in _membership_recipients(membership):
        mail = compose(
            kind=f"membership_{status}",
            key=f"membership:{membership.pk}:{status}:{person.pk}",
            user=person,
            context={**context, "for_coordinator": is_coordinator},
            reference=f"network:{membership.network_id}",
        )
        if mail is not None:
            mails.append(mail)
    return mails


def organisation_invitation_mail(invitation: OrganisationInvitation) -> PreparedMail:
    """A colleague is invited by a person (no Auto-Submitted header: a person sent it)."""
    existing = get_user_model().objects.filter(email__iexact=invitation.email).first()
    inviter = invitation.invited_by
    language = language_of(existing if existing is not None else inviter)
    subject, body_text, body_html = mail_render(
        template="org-invitation",
        context={
            "organisation": invitation.organisation,
            "inviter": inviter,
            "url": invitation_url(invitation),
            "days": INVITATION_MAX_AGE.days,
        },
        language=language,
        user=existing,
    )
    return PreparedMail(
        key=f"org-invitation:{invitation.pk}",
        kind="org-invitation",
        to_email=invitation.email,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        recipient=existing,
        reference=f"providers.organisation:{invitation.organisation_id}",
    )


def join_request_mails(join_request: JoinRequest) -> list[PreparedMail]:
    """The organisation's admins are asked to decide."""
    organisation = join_request.organisation
    mails = [
        compose(
            kind="org-join-request",
            key=f"org-join-request:{join_request.pk}:{admin.pk}",
            user=admin,
            context={
                "organisation": organisation,
                "join_request": join_request,
                "requester": join_request.user,
                "url": f"{settings.SITE_URL}/providers/{organisation.slug}/people/",
            },
            reference=f"providers.organisation:{organisation.pk}",
        )
        for admin in _organisation_admins(organisation)
    ]
    return [mail for mail in mails if mail is not None]


def join_request_decided_mail(join_request: JoinRequest) -> PreparedMail | None:
    organisation = join_request.organisation
    return compose(
        kind="org-join-decided",
        key=f"org-join-decided:{join_request.pk}",
        user=join_request.user,
        context={
            "organisation": organisation,
            "accepted": join_request.status == JoinRequest.Status.ACCEPTED,
            "url": f"{settings.SITE_URL}{organisation.get_absolute_url()}",
        },
        reference=f"providers.organisation:{organisation.pk}",
    )
