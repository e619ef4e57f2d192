"""Changes to the person's own account that several apps rely on."""

from django.db import transaction

from .audit import audit_log
from .models import new_calendar_token


@transaction.atomic
def calendar_token_regenerate(*, user) -> str:
    """A new secret address for the personal calendar feed; the old one stops working."""
    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])
    audit_log(actor=user, action="calendar_feed.regenerated", target=user)
    return user.calendar_token
