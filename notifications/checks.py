"""The outbox's promise "nothing is sent twice" depends on settings an operator can change."""

from django.core import checks

from . import delivery


@checks.register()
def sending_lease_outlasts_one_exchange(app_configs, **kwargs):
    """A live worker must be done with a row before the sweep may take it back."""
    deadline = delivery.send_deadline()
    lease = delivery.sending_lease()
    if lease >= deadline + delivery.LEASE_MARGIN:
        return []
    return [
        checks.Error(
            f"One mail's SMTP exchange may take {deadline.total_seconds():.0f} s "
            f"(2 × EMAIL_TIMEOUT), but the outbox takes a row back from a worker after "
            f"{lease.total_seconds():.0f} s: a slow server could get the mail twice.",
            hint=f"Set EMAIL_TIMEOUT to at most "
            f"{(lease - delivery.LEASE_MARGIN).total_seconds() / 2:.0f} seconds.",
            id="notifications.E001",
        )
    ]
