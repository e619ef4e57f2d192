"""What the circulars app holds about a person (see ``core.privacy``). Nothing to erase beyond
what the foreign keys do when the account is deleted."""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import Circular, CircularOptOut, CircularRecipient


def register() -> None:
    for name, model, lookups in [
        ("circulars.circular", Circular, ("created_by",)),
        ("circulars.circularrecipient", CircularRecipient, ("user",)),
        ("circulars.circularoptout", CircularOptOut, ("user",)),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups)))
