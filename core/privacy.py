"""What the portal stores about a person: export ("my data") and account deletion.

Both walk the models of every installed app instead of listing them, so a model added later
is exported and cleaned without anyone remembering to come here:

- the export contains every row that points at the person (a foreign key or many-to-many to
  the user) or carries one of their email addresses;
- deletion first empties the free text only they wrote (registration notes, feedback
  comments), deletes the mails sent to them, erases their name and email addresses from every
  text column of every table, and then deletes the user. Foreign keys decide the rest:
  registrations, feedback, topic proposals and audit events keep their row and lose the
  person (SET_NULL), so counts per organisation and ratings stay; memberships in
  organisations and date-poll answers go with the person (CASCADE).
"""

import json
import re
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit import audit_erase_person, audit_log
from .models import AuditEvent

# Never exported: credentials and secrets, even the person's own.
SECRET_FIELDS = {"password", "calendar_token", "session_key", "session_data", "key", "secret"}
SECRET_MODEL_FIELDS = {"mfa.authenticator": {"data"}}
ERASED = "[gelöscht]"
MIN_NAME_LENGTH = 3


class AccountDeletionRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Export -------------------------------------------------------------------------------


def _user_model():
    return get_user_model()


def _json_value(value):
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def _serialise(obj) -> dict:
    label = obj._meta.label_lower
    hidden = SECRET_FIELDS | SECRET_MODEL_FIELDS.get(label, set())
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in hidden:
            continue
        if field.is_relation:
            related_id = getattr(obj, field.attname)
            if related_id is None:
                row[field.name] = None
            else:
                related = getattr(obj, field.name)
                row[field.name] = {"id": related_id, "text": str(related)}
        else:
            row[field.name] = _json_value(field.value_from_object(obj))
    return row


def _user_foreign_keys(model) -> list:
    User = _user_model()
    return [
        field
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is User
    ]


def _owned_by_person(model) -> list[str]:
    """Foreign keys through which rows of ``model`` belong to a person (deleted with them),
    e.g. OrganisationMember.user; rows pointing at such rows (a Representative) are theirs too.
    """
    return [
        field.name
        for field in _user_foreign_keys(model)
        if not field.many_to_many and field.remote_field.on_delete is models.CASCADE
    ]


def _person_filter(model, user, emails: list[str]) -> Q | None:
    condition = Q()
    for field in _user_foreign_keys(model):
        condition |= Q(**{field.name: user})
    for field in model._meta.concrete_fields:
        if isinstance(field, models.EmailField):
            for email in emails:
                condition |= Q(**{f"{field.name}__iexact": email})
        elif field.many_to_one and field.related_model is not _user_model():
            for owner_field in _owned_by_person(field.related_model):
                condition |= Q(**{f"{field.name}__{owner_field}": user})
    return condition or None


def _person_models():
    User = _user_model()
    for model in apps.get_models():
        if model is User or model._meta.proxy or not model._meta.managed:
            continue
        yield model


def _email_addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    emails = {user.email.lower()}
    emails.update(
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return sorted(e for e in emails if e)


def personal_data_export(*, user) -> dict:
    """Everything the portal stores about ``user``, as JSON-ready data."""
    emails = _email_addresses(user)
    profile = _serialise(user)
    for field in ("is_superuser", "groups", "user_permissions"):
        profile.pop(field, None)
    records = {}
    for model in _person_models():
        condition = _person_filter(model, user, emails)
        if condition is None:
            continue
        rows = model._base_manager.filter(condition).distinct().order_by("pk")
        items = [_serialise(obj) for obj in rows]
        if items:
            records[model._meta.label_lower] = {
                "title": str(model._meta.verbose_name_plural),
                "items": items,
            }
    return {
        "portal": settings.PORTAL_NAME,
        "generated_at": timezone.localtime().isoformat(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        "profile": profile,
        "records": records,
    }


def personal_data_export_json(*, user, request=None) -> str:
    data = personal_data_export(user=user)
    audit_log(actor=user, action="privacy.export", request=request)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


# --- Deletion -----------------------------------------------------------------------------


def account_deletion_blockers(user) -> list[str]:
    """Reasons why the account cannot be deleted yet, as messages for the person."""
    from providers.models import OrganisationMember

    blockers = []
    admin_of = OrganisationMember.objects.filter(
        user=user, role=OrganisationMember.Role.ADMIN
    ).select_related("organisation")
    for membership in admin_of:
        organisation = membership.organisation
        other_admins = (
            OrganisationMember.objects.filter(
                organisation=organisation, role=OrganisationMember.Role.ADMIN
            )
            .exclude(user=user)
            .exists()
        )
        if not other_admins:
            blockers.append(
                _(
                    "You are the last administrator of “%(organisation)s”. Make a colleague "
                    "an administrator of the organisation first, or ask the operator of the "
                    "portal to remove the organisation."
                )
                % {"organisation": organisation.name}
            )
    return blockers


def _needles(user, emails: list[str]) -> list[re.Pattern]:
    patterns = [re.compile(r"(?<![\w.+-])" + re.escape(e) + r"(?![\w-])", re.I) for e in emails]
    name = (user.name or "").strip()
    if len(name) >= MIN_NAME_LENGTH:
        patterns.append(re.compile(r"\b" + re.escape(name) + r"\b", re.I))
    return patterns


def _needle_strings(user, emails: list[str]) -> list[str]:
    strings = list(emails)
    name = (user.name or "").strip()
    if len(name) >= MIN_NAME_LENGTH:
        strings.append(name)
    return strings


def _scrub_text(value: str, patterns) -> str:
    for pattern in patterns:
        value = pattern.sub(ERASED, value)
    return value


def _scrub_json(value, patterns):
    if isinstance(value, str):
        return _scrub_text(value, patterns)
    if isinstance(value, list):
        return [_scrub_json(item, patterns) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_json(item, patterns) for key, item in value.items()}
    return value


TEXT_FIELDS = (models.CharField, models.TextField)


def erase_from_text_columns(*, strings: list[str], patterns, exclude_pk=None) -> int:
    """Replace the strings in every text and JSON column of every table. Returns rows changed.

    Not audit events: they change only through core.audit.audit_erase_person.
    """
    User = _user_model()
    changed = 0
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model is AuditEvent:
            continue
        manager = model._base_manager
        for field in model._meta.concrete_fields:
            if field.is_relation or field.primary_key:
                continue
            if isinstance(field, TEXT_FIELDS):
                column = field.name
                base = manager.all()
            elif isinstance(field, models.JSONField):
                column = "_erase_text"
                base = manager.annotate(_erase_text=Cast(field.name, models.TextField()))
            else:
                continue
            condition = Q()
            for needle in strings:
                condition |= Q(**{f"{column}__icontains": needle})
            rows = base.filter(condition)
            if model is User and exclude_pk is not None:
                rows = rows.exclude(pk=exclude_pk)
            for pk, value in rows.values_list("pk", field.name):
                if isinstance(field, models.JSONField):
                    new = _scrub_json(value, patterns)
                elif isinstance(field, models.EmailField):
                    new = "" if any(p.fullmatch(value or "") for p in patterns) else value
                    new = _scrub_text(new, patterns) if new else new
                else:
                    new = _scrub_text(value, patterns)
                    if field.max_length:
                        new = new[: field.max_length]
                if new != value:
                    manager.filter(pk=pk).update(**{field.name: new})
                    changed += 1
    return changed


@transaction.atomic
def account_delete(*, user, request=None) -> None:
    """Delete the person's account and erase their personal data; statistics stay."""
    from allauth.usersessions.models import UserSession

    from meetings.models import Feedback, Registration
    from notifications.models import OutgoingMail
    from providers.models import OrganisationInvitation

    User = _user_model()
    user = User.objects.select_for_update().get(pk=user.pk)
    blockers = account_deletion_blockers(user)
    if blockers:
        raise AccountDeletionRefused(" ".join(blockers))

    emails = _email_addresses(user)
    user_id = user.pk
    Registration.objects.filter(user=user).update(notes="")
    Feedback.objects.filter(user=user).update(comment="")
    OutgoingMail.objects.filter(Q(recipient=user) | Q(to_email__in=emails)).delete()
    OrganisationInvitation.objects.filter(email__in=emails).delete()
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()
    strings, patterns = _needle_strings(user, emails), _needles(user, emails)
    erase_from_text_columns(strings=strings, patterns=patterns, exclude_pk=user_id)
    audit_erase_person(
        user_id=user_id, mentions=strings, scrub=lambda value: _scrub_json(value, patterns)
    )
    audit_log(actor=None, action="privacy.account_deleted", request=request, user_id=user_id)
    try:
        user.delete()
    except models.ProtectedError as error:
        raise AccountDeletionRefused(
            gettext_lazy(
                "Your account is still needed by other records. Please contact the operator "
                "of the portal."
            )
        ) from error
