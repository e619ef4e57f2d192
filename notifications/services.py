"""Changes to a person's notification settings."""

from django.db import transaction

from .models import NotificationSettings


def notifications_switch_off(*, user, kind: str) -> None:
    """Send ``user`` no more mails of ``kind`` (and of the kinds sharing its switch).

    Idempotent: switching off what is off changes nothing.
    """
    flag = NotificationSettings.OPTIONAL_KINDS[kind]
    with transaction.atomic():
        preferences, _created = NotificationSettings.objects.select_for_update().get_or_create(
            user=user
        )
        if getattr(preferences, flag) is not False:  # None: the default of the role
            setattr(preferences, flag, False)
            preferences.save(update_fields=[flag, "updated_at"])
