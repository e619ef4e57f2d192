"""The outbox's promise "nothing is sent twice" depends on settings an operator can change."""

from django.core import checks

from . import services


@checks.register()
def sending_lease_outlasts_one_exchange(app_configs, **kwargs):
    """A live worker must be done with a row before the sweep may take it back."""
    deadline = services.send_deadline()
    lease = services.sending_lease()
    if lease >= deadline + services.LEASE_MARGIN:
        return []
    return [
        checks.Error(
            f"One mail's SMTP exchange may take {deadline.total_seconds():.0f} s "
            f"(2 × EMAIL_TIMEOUT), but the outbox takes a row back from a worker after "
            f"{lease.total_seconds():.0f} s: a slow server could get the mail twice.",
            hint=f"Set EMAIL_TIMEOUT to at most "
            f"{(lease - services.LEASE_MARGIN).total_seconds() / 2:.0f} seconds.",
            id="notifications.E001",
        )
    ]
