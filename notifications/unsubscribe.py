"""One-click unsubscribe (RFC 8058) from the mails a person can switch off.

Every optional mail carries ``List-Unsubscribe: <https://…/notifications/unsubscribe/<token>/>``
and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``. The token is signed
(``django.core.signing`` with its own salt) and names the person and the kind of mail; a POST
with the body ``List-Unsubscribe=One-Click`` switches that kind off, without logging in.
It does not expire: a mail read months later must still be able to stop the next one.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing

from .models import NotificationSettings

SALT = "notifications.unsubscribe"
# The body a mail client POSTs (RFC 8058, section 3.1).
ONE_CLICK = ("List-Unsubscribe", "One-Click")


# Circulars are switched off per network: the kind names the network ("circular:12").
CIRCULAR_PREFIX = "circular:"


class InvalidToken(Exception):
    pass


def circular_kind(network_id: int) -> str:
    return f"{CIRCULAR_PREFIX}{network_id}"


def circular_network_id(kind: str) -> int | None:
    """The network of a circular kind ("circular:12" → 12); None for every other kind."""
    if not isinstance(kind, str) or not kind.startswith(CIRCULAR_PREFIX):
        return None
    number = kind.removeprefix(CIRCULAR_PREFIX)
    return int(number) if number.isdigit() else None


def is_switchable(kind: str) -> bool:
    return kind in NotificationSettings.OPTIONAL_KINDS or circular_network_id(kind) is not None


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def unsubscribe_url(user, kind: str) -> str:
    return f"{settings.SITE_URL}/notifications/unsubscribe/{unsubscribe_token(user, kind)}/"


def unsubscribe_headers(user, kind: str) -> dict:
    """The headers of a mail of ``kind`` to ``user``: none if the kind cannot be switched off
    (whether a network's circulars can be is for the circular composer to decide)."""
    if not is_switchable(kind):
        return {}
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, kind)}>",
        "List-Unsubscribe-Post": "=".join(ONE_CLICK),
    }


def person_and_kind_from_token(token: str):
    """The active person and the switchable kind of mail the token was made for."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    kind = data.get("k")
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or not is_switchable(kind):
        raise InvalidToken
    return user, kind
