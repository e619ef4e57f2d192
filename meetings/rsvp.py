"""Personal links in invitations: register or decline without logging in.

The token is signed (``django.core.signing`` with its own salt) and names the invitation and
its person. It is valid until the meeting ends; declining works once (``declined_at``).
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from .models import Invitation
from .services import registration_decline, registration_register

# The salt stays as it was when the links lived in the notifications app: links in mails
# already sent keep working.
SALT = "notifications.rsvp"


class InvalidToken(Exception):
    pass


class ExpiredToken(Exception):
    pass


def rsvp_token(invitation) -> str:
    return signing.dumps({"i": invitation.pk, "u": invitation.user_id}, salt=SALT, compress=True)


def rsvp_url(invitation) -> str:
    return f"{settings.SITE_URL}/notifications/rsvp/{rsvp_token(invitation)}/"


def invitation_from_token(token: str):
    """The invitation the token was made for; raises InvalidToken or ExpiredToken."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    invitation = (
        Invitation.objects.select_related("meeting", "meeting__network", "user", "organisation")
        .filter(pk=data.get("i"), user_id=data.get("u"), user__is_active=True)
        .first()
    )
    if invitation is None:
        raise InvalidToken
    if invitation.meeting.end <= timezone.now():
        raise ExpiredToken
    return invitation


def rsvp_register(*, invitation):
    """Register the invited person (a seat or the waiting list); MeetingError if closed."""
    return registration_register(
        meeting=invitation.meeting,
        user=invitation.user,
        organisation=invitation.organisation,
        registered_by=invitation.user,
    )


def rsvp_decline(*, invitation) -> bool:
    """Decline once; False if this invitation was declined before (the link is used up)."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.declined_at is not None:
            return False
        registration_decline(meeting=invitation.meeting, user=invitation.user)
    return True
