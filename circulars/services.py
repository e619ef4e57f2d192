"""Writing and sending circulars, and the per-network switch.

A circular is saved as a draft first (with its attachments), the coordinator sees how many
people from how many organisations it will reach, then sends it: the recipients are written
and ``events.circular_sent`` makes ``notifications`` queue one mail per person through the
outbox, in the same transaction.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit_log
from core.errors import DomainError
from network.models import Network

from . import events, selectors
from .models import (
    Circular,
    CircularAttachment,
    CircularOptOut,
    CircularRecipient,
    NetworkCircularSettings,
)

MAX_ATTACHMENTS = 5


class CircularError(DomainError):
    pass


def _check_audience(*, network: Network, audience: str, working_group, meeting) -> None:
    Audience = Circular.Audience
    if audience not in Audience.values:
        raise CircularError(_("Please choose who receives the circular."))
    if audience == Audience.WORKING_GROUP and (
        working_group is None or working_group.network_id != network.pk
    ):
        raise CircularError(_("Please choose a working group of this network."))
    if audience == Audience.MEETING:
        if meeting is None or meeting.is_case_conference:
            # A case conference's participants talk through the meeting, nowhere else.
            raise CircularError(_("Please choose a meeting of this network."))
        if not selectors.meetings_to_address(network).filter(pk=meeting.pk).exists():
            raise CircularError(_("Please choose a meeting of this network."))


@transaction.atomic
def circular_draft_save(
    *,
    network: Network,
    by,
    subject: str,
    text: str,
    audience: str,
    working_group=None,
    meeting=None,
    attachments=(),
    circular: Circular | None = None,
) -> Circular:
    """Create a draft, or change one (``circular``); new attachments are added."""
    _check_audience(
        network=network, audience=audience, working_group=working_group, meeting=meeting
    )
    if circular is None:
        circular = Circular(network=network, created_by=by)
    else:
        circular = Circular.objects.select_for_update().get(pk=circular.pk)
        if circular.is_sent:
            raise CircularError(_("This circular has already been sent and cannot be changed."))
    circular.subject = subject.strip()
    circular.text = text
    circular.audience = audience
    circular.working_group = working_group if audience == Circular.Audience.WORKING_GROUP else None
    circular.meeting = meeting if audience == Circular.Audience.MEETING else None
    circular.save()
    attachments = list(attachments)
    if circular.attachments.count() + len(attachments) > MAX_ATTACHMENTS:
        raise CircularError(
            _("A circular can have at most %(count)d attachments.") % {"count": MAX_ATTACHMENTS}
        )
    for upload in attachments:
        CircularAttachment.objects.create(circular=circular, document=upload, name=upload.name)
    return circular


@transaction.atomic
def circular_attachment_remove(*, circular: Circular, attachment_id: int, by) -> None:
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    if circular.is_sent:
        raise CircularError(_("This circular has already been sent and cannot be changed."))
    attachment = circular.attachments.filter(pk=attachment_id).first()
    if attachment is not None:
        attachment.document.delete(save=False)
        attachment.delete()


@transaction.atomic
def circular_draft_delete(*, circular: Circular, by) -> None:
    circular = Circular.objects.select_for_update().get(pk=circular.pk)
    if circular.is_sent:
        raise CircularError(_("A circular that has been sent stays in the archive."))
    for attachment in circular.attachments.all():
        attachment.document.delete(save=False)
    circular.delete()


@transaction.atomic
def circular_send(*, circular: Circular, by) -> Circular:
    """Send the draft to its audience, once. Refused when nobody would receive it."""
    circular = (
        Circular.objects.select_for_update(of=("self",))
        .select_related("network", "working_group", "meeting")
        .get(pk=circular.pk)
    )
    if circular.is_sent:
        raise CircularError(_("This circular has already been sent."))
    network = circular.network
    _check_audience(
        network=network,
        audience=circular.audience,
        working_group=circular.working_group,
        meeting=circular.meeting,
    )
    people = selectors.circular_audience(
        network=network,
        audience=circular.audience,
        working_group=circular.working_group,
        meeting=circular.meeting,
    )
    if not people:
        raise CircularError(
            _("Nobody would receive this circular. Please choose other recipients.")
        )
    CircularRecipient.objects.bulk_create(
        [
            CircularRecipient(circular=circular, user_id=user_id, organisation_id=organisation_id)
            for user_id, organisation_id in people.items()
        ],
        batch_size=500,
    )
    circular.status = Circular.Status.SENT
    circular.sent_at = timezone.now()
    circular.reply_to = network.contact_email or getattr(by, "email", "") or ""
    circular.recipient_count = len(people)
    circular.organisation_count = len({o for o in people.values() if o is not None})
    circular.save(
        update_fields=[
            "status",
            "sent_at",
            "reply_to",
            "recipient_count",
            "organisation_count",
        ]
    )
    audit_log(
        actor=by,
        action="circular.sent",
        target=circular,
        network_id=network.pk,
        subject=circular.subject,
        audience=circular.audience,
        recipients=circular.recipient_count,
        organisations=circular.organisation_count,
    )
    events.circular_sent.send_event(circular=circular)
    return circular


@transaction.atomic
def circular_settings_update(*, network: Network, by, mandatory: bool) -> None:
    settings, _created = NetworkCircularSettings.objects.select_for_update().get_or_create(
        network=network
    )
    if settings.mandatory != mandatory:
        settings.mandatory = mandatory
        settings.save(update_fields=["mandatory"])
        audit_log(
            actor=by,
            action="circular.settings",
            target=network,
            network_id=network.pk,
            mandatory=mandatory,
        )


def circulars_switch(*, user, network: Network, receive: bool) -> None:
    """Receive the network's circulars or not; switching off is refused when mandatory.
    Idempotent."""
    with transaction.atomic():
        if receive:
            CircularOptOut.objects.filter(user=user, network=network).delete()
            return
        if selectors.is_mandatory(network):
            raise CircularError(
                _(
                    "The network “%(network)s” has made its circulars mandatory for "
                    "representatives; they cannot be switched off."
                )
                % {"network": network.name}
            )
        CircularOptOut.objects.get_or_create(user=user, network=network)
