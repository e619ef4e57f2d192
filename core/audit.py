"""The audit log: one function writes it, one function erases a deleted person from it, and
nothing else changes it.

Append-only is enforced three times: ``AuditEvent.save()``/``delete()`` refuse an existing row,
the queryset refuses ``update()``/``delete()``, and on PostgreSQL a trigger refuses UPDATE and
DELETE in the database (migration core 0002). The exception, at every level, is the GDPR
erasure of a person (``audit_erase_person``).
"""

import json
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from django.db.models.signals import pre_delete

from .models import AuditEvent

# What stands where a deleted person's data was (the same word as in core.privacy).
ERASED = "[gelöscht]"
# Read by the PostgreSQL trigger: the id of the person whose erasure runs in this transaction.
ERASURE_SETTING = "portal.audit_erasure"


def audit_log(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    network_id: int | None = None,
    request=None,
    **data,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        network_id=network_id,
        ip_address=client_ip(request) if request is not None else None,
        data=data,
    )


def client_ip(request) -> str | None:
    from allauth.account.adapter import get_adapter  # the address the rate limits use

    try:
        return get_adapter().get_client_ip(request)
    except Exception:  # noqa: BLE001 - an odd header must never break the action itself
        return request.META.get("REMOTE_ADDR")


def audit_erase_person(
    *,
    user_id: int,
    mentions: Sequence[str] = (),
    scrub: Callable[[Any], Any] | None = None,
) -> None:
    """Erase a deleted person from the audit log (GDPR Art. 17): the one change it allows.

    The events the person caused keep what happened, when and to which object, and lose who
    did it and from which address (``actor``, ``ip_address``); events about their account
    (the object is their user) lose the object's text. With ``mentions`` (their email
    addresses: identifiers that are theirs alone) and ``scrub`` (a function that blanks those
    in a text or JSON value), other events naming an address are scrubbed too. Their *name*
    is never searched for: a namesake's events stay as they are.

    On PostgreSQL the trigger lets these updates through only while the transaction-local
    ``portal.audit_erasure`` names the person, and even then only clears actor and address of
    that person's own events and changes the object text and details; never a deletion.
    """
    with transaction.atomic():
        _allow_erasure_in_database(user_id)
        _update_past_the_refusal(
            AuditEvent.objects.filter(actor_id=user_id), actor=None, ip_address=None
        )
        about_them = AuditEvent.objects.filter(
            target_type=settings.AUTH_USER_MODEL.lower(), target_id=str(user_id)
        ).exclude(target_repr=ERASED)
        _update_past_the_refusal(about_them, target_repr=ERASED)
        if mentions and scrub is not None:
            _scrub_mentions(mentions, scrub)
        _allow_erasure_in_database(None)


def _scrub_mentions(mentions: Sequence[str], scrub: Callable[[Any], Any]) -> None:
    condition = Q()
    for text in mentions:
        condition |= Q(target_repr__icontains=text) | Q(data_text__icontains=text)
        # SQLite keeps JSON as written by json.dumps, with non-ASCII letters escaped.
        condition |= Q(data_text__icontains=json.dumps(text)[1:-1])
    events = AuditEvent.objects.annotate(data_text=Cast("data", models.TextField()))
    for pk, target_repr, data in events.filter(condition).values_list("pk", "target_repr", "data"):
        scrubbed = {"target_repr": scrub(target_repr)[:255], "data": scrub(data)}
        if scrubbed != {"target_repr": target_repr, "data": data}:
            _update_past_the_refusal(AuditEvent.objects.filter(pk=pk), **scrubbed)


def _update_past_the_refusal(events, **values) -> int:
    # AuditEventQuerySet.update refuses every change; erasure is the one way past it.
    return models.QuerySet.update(events, **values)


def _allow_erasure_in_database(user_id: int | None) -> None:
    """Name the person whose erasure runs, for the PostgreSQL trigger; ``None`` ends it.

    ``set_config(..., true)`` is ``SET LOCAL``: it ends with the transaction at the latest (a
    rollback undoes it), so it cannot leak into the next request on a pooled connection.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        value = "" if user_id is None else str(int(user_id))
        cursor.execute("SELECT set_config(%s, %s, true)", [ERASURE_SETTING, value])


def _erase_deleted_user(sender, instance, **kwargs) -> None:
    audit_erase_person(user_id=instance.pk)


def connect() -> None:
    """However a user is deleted (account deletion, Django admin, a queryset), their events
    lose them before the user row goes; the actor foreign key is DO_NOTHING for this."""
    pre_delete.connect(
        _erase_deleted_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="audit_erase_user"
    )
