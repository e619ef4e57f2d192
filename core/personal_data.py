"""What the core app and the account libraries hold about a person (see ``core.privacy``)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry

from .models import AuditEvent
from .privacy import rows_exporter
from .registry import PersonalData, register_personal_data


def _end_sessions(user, emails) -> None:
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()


def register() -> None:
    for name, model, lookups, erase in [
        ("account.emailaddress", EmailAddress, ("user",), None),
        ("mfa.authenticator", Authenticator, ("user",), None),
        ("usersessions.usersession", UserSession, ("user",), _end_sessions),
        ("admin.logentry", LogEntry, ("user",), None),
        # The person's audit events lose the actor when the account is deleted (SET_NULL).
        ("core.auditevent", AuditEvent, ("actor",), None),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups), erase))
