"""The audit log: one function writes it, nothing in the application changes it."""

from django.db import models

from .models import AuditEvent


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
