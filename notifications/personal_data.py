"""What the notifications app holds about a person (see ``core.privacy``): the mails sent to
them (deleted with the account) and their notification settings."""

from django.db.models import Q

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import NotificationSettings, OutgoingMail


def _delete_mails(user, emails) -> None:
    OutgoingMail.objects.filter(Q(recipient=user) | Q(to_email__in=emails)).delete()


def register() -> None:
    register_personal_data(
        PersonalData(
            "notifications.outgoingmail",
            rows_exporter(OutgoingMail, "recipient", "to_email"),
            _delete_mails,
        )
    )
    register_personal_data(
        PersonalData(
            "notifications.notificationsettings", rows_exporter(NotificationSettings, "user")
        )
    )
