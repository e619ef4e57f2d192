"""Personal links in date-poll mails: answer the poll without logging in.

Like the RSVP link (``meetings.rsvp``) the token is signed (``django.core.signing``, its own
salt) and names the poll and the person; it also carries the invitation's ``nonce``. It is
refused when it was tampered with, when it names another poll or person, when the
coordinator revoked it (``PollInvitation.revoked_at``) or the person is no longer active;
once the poll is closed it only says so (``ClosedPoll``).
"""

from django.conf import settings
from django.core import signing

from .models import PollInvitation

SALT = "meetings.poll_answer"


class InvalidToken(Exception):
    pass


class ClosedPoll(Exception):
    def __init__(self, invitation):
        super().__init__("closed")
        self.invitation = invitation


def poll_token(invitation: PollInvitation) -> str:
    return signing.dumps(
        {"p": invitation.poll_id, "u": invitation.user_id, "n": invitation.nonce},
        salt=SALT,
        compress=True,
    )


def poll_answer_url(invitation: PollInvitation) -> str:
    return f"{settings.SITE_URL}/meetings/polls/answer/{poll_token(invitation)}/"


def invitation_from_token(token: str) -> PollInvitation:
    """The invitation the token was made for; raises InvalidToken or ClosedPoll."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict):
        raise InvalidToken
    invitation = (
        PollInvitation.objects.select_related("poll", "poll__network", "user", "organisation")
        .filter(
            poll_id=data.get("p"),
            user_id=data.get("u"),
            nonce=data.get("n"),
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .first()
    )
    if invitation is None or not isinstance(data.get("n"), str):
        raise InvalidToken
    if not invitation.poll.is_open:
        raise ClosedPoll(invitation)
    return invitation
