"""What the portal stores about a person: export ("my data") and account deletion.

Each app registers what it holds about a person in ``core.registry`` (its
``personal_data.py``, called from ``AppConfig.ready``); this module iterates that registry and
imports no other app. A test makes sure every model that points at a user is registered.

Deletion, in one transaction:
1. each app erases what it holds, by the person's id: free text only they wrote
   (registration notes, feedback comments) is emptied, mails to them are deleted, contact
   fields holding their address are cleared;
2. their email addresses — identifiers that belong to them alone — are replaced wherever
   they still stand in a text column. Their *name* is never searched for in free text: a
   namesake's data stays untouched;
3. the audit log loses the person through its one erasure path
   (``core.audit.audit_erase_person``: their events keep what happened, without who and from
   where), and the user row is deleted. Foreign keys decide the rest: registrations, feedback
   and topic proposals keep their row and lose the person (SET_NULL), so counts per
   organisation and ratings stay; memberships in organisations and date-poll answers go with
   the person (CASCADE).
"""

import json
import re
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy

from . import registry
from .audit import ERASED, audit_erase_person, audit_log
from .models import AuditEvent

# Never exported: credentials and secrets, even the person's own.
SECRET_FIELDS = {"password", "calendar_token", "session_key", "session_data", "key", "secret"}
SECRET_MODEL_FIELDS = {"mfa.authenticator": {"data"}}


class AccountDeletionRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Helpers for the apps' registrations ----------------------------------------------------


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


def serialise(obj) -> dict:
    """One row as JSON-ready data: related rows as id and text, secrets left out."""
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


def rows_exporter(model, *lookups: str):
    """An ``export`` for ``core.registry.PersonalData``: the rows of ``model`` in which any
    of ``lookups`` is the person (``"user"``, ``"membership__person__user"``) or, for a lookup
    ending in ``__email`` or naming an email field, one of their addresses."""

    def export(user, emails: list[str]) -> dict | None:
        condition = Q()
        for lookup in lookups:
            field_name = lookup.rsplit("__", 1)[-1]
            if field_name.endswith("email"):
                for email in emails:
                    condition |= Q(**{f"{lookup}__iexact": email})
            else:
                condition |= Q(**{lookup: user})
        rows = model._base_manager.filter(condition).distinct().order_by("pk")
        items = [serialise(obj) for obj in rows]
        if not items:
            return None
        return {"title": str(model._meta.verbose_name_plural), "items": items}

    return export


def email_addresses(user) -> list[str]:
    from allauth.account.models import EmailAddress

    emails = {user.email.lower()}
    emails.update(
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return sorted(e for e in emails if e)


# --- Export ---------------------------------------------------------------------------------


def personal_data_export(*, user) -> dict:
    """Everything the portal stores about ``user``, as JSON-ready data."""
    emails = email_addresses(user)
    profile = serialise(user)
    for field in ("is_superuser", "groups", "user_permissions"):
        profile.pop(field, None)
    records = {}
    for entry in registry.personal_data:
        exported = entry.export(user, emails)
        if exported:
            records[entry.name] = exported
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


# --- Deletion -------------------------------------------------------------------------------


def account_deletion_blockers(user) -> list[str]:
    """Reasons why the account cannot be deleted yet, as messages for the person."""
    return [reason for blocker in registry.deletion_blockers for reason in blocker(user)]


def _address_patterns(emails: list[str]) -> list[re.Pattern]:
    return [re.compile(r"(?<![\w.+-])" + re.escape(e) + r"(?![\w-])", re.I) for e in emails]


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


def _erase_addresses(emails: list[str], *, exclude_user_pk: int) -> int:
    """Replace the person's addresses in every text and JSON column; returns rows changed.

    Email columns holding exactly one of the addresses are emptied; elsewhere the address is
    replaced by ``ERASED``. Not audit events: they change only through
    ``core.audit.audit_erase_person``.
    """
    from django.apps import apps

    User = get_user_model()
    patterns = _address_patterns(emails)
    changed = 0
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model is AuditEvent:
            continue
        manager = model._base_manager
        for field in model._meta.concrete_fields:
            if field.is_relation or field.primary_key:
                continue
            if isinstance(field, TEXT_FIELDS):
                column, base = field.name, manager.all()
            elif isinstance(field, models.JSONField):
                column = "_erase_text"
                base = manager.annotate(_erase_text=Cast(field.name, models.TextField()))
            else:
                continue
            condition = Q()
            for email in emails:
                condition |= Q(**{f"{column}__icontains": email})
            rows = base.filter(condition)
            if model is User:
                rows = rows.exclude(pk=exclude_user_pk)
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
    User = get_user_model()
    user = User.objects.select_for_update().get(pk=user.pk)
    blockers = account_deletion_blockers(user)
    if blockers:
        raise AccountDeletionRefused(" ".join(blockers))

    emails = email_addresses(user)
    user_id = user.pk
    for entry in registry.personal_data:
        if entry.erase is not None:
            entry.erase(user, emails)
    _erase_addresses(emails, exclude_user_pk=user_id)
    patterns = _address_patterns(emails)
    audit_erase_person(
        user_id=user_id, mentions=emails, scrub=lambda value: _scrub_json(value, patterns)
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
