"""What the network app holds about a person (see ``core.privacy``). Nothing to erase beyond
what the foreign keys do when the account is deleted."""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import Measure, Membership, Network, Representative, WorkingGroup, WorkingGroupResult


def register() -> None:
    for name, model, lookups in [
        ("network.network", Network, ("coordinators", "contact_email")),
        ("network.membership", Membership, ("applied_by", "decided_by")),
        ("network.representative", Representative, ("person__user",)),
        ("network.workinggroup", WorkingGroup, ("lead", "members")),
        ("network.workinggroupresult", WorkingGroupResult, ("created_by",)),
        ("network.measure", Measure, ("responsible_person",)),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups)))
