"""The order of a generation and its record in the audit log."""

import time

from django.db import transaction
from django.utils import timezone

from core.audit import audit_log
from core.models import AuditEvent

from . import content, meetings, networks, people, records
from .context import Context

GENERATED_PASSWORD = "generated-portal-2026"
MARKER_ACTION = "demo.data_generated"

# At scale 1 (a federal state); the rest follows from these.
BASE_COUNTS = {
    "organisations": 5000,
    "networks": 208,
    "people": 20000,
    "meetings": 3500,
    "outbox": 100000,
}


def generated_marker() -> dict | None:
    """Scale and seed of the generation in this database, if there was one."""
    event = AuditEvent.objects.filter(action=MARKER_ACTION).order_by("-pk").first()
    return event.data if event else None


@transaction.atomic
def generate(*, scale: float, seed: int = 1, progress=None) -> dict[str, int]:
    """Write the data; returns how many rows of each kind were written."""
    ctx = Context(scale=scale, seed=seed, now=timezone.now().replace(microsecond=0))
    started = time.monotonic()

    def step(name, function, *args):
        function(*args)
        if progress:
            progress(f"{name}: {time.monotonic() - started:.1f} s")

    step(
        "organisations",
        people.organisations_create,
        ctx,
        ctx.scaled(BASE_COUNTS["organisations"], minimum=30),
    )
    step(
        "people",
        people.people_create,
        ctx,
        max(ctx.scaled(BASE_COUNTS["people"]), 2 * len(ctx.org_ids)),
        GENERATED_PASSWORD,
    )
    step("networks", networks.networks_create, ctx, ctx.scaled(BASE_COUNTS["networks"], minimum=2))
    step("memberships", networks.memberships_create, ctx)
    step("working groups", networks.working_groups_create, ctx)
    generated_meetings = meetings.meetings_create(
        ctx, ctx.scaled(BASE_COUNTS["meetings"], minimum=10)
    )
    step("participation", meetings.participation_create, ctx, generated_meetings)
    step("agenda and minutes", content.agenda_create, ctx, generated_meetings)
    step("measures", content.measures_create, ctx, generated_meetings)
    step("feedback", content.feedback_create, ctx, generated_meetings)
    step("polls", content.polls_create, ctx)
    step("outbox", records.outbox_create, ctx, ctx.scaled(BASE_COUNTS["outbox"]))
    step("audit log", records.audit_create, ctx, generated_meetings)
    audit_log(actor=None, action=MARKER_ACTION, scale=scale, seed=seed, counts=ctx.counts)
    return ctx.counts
