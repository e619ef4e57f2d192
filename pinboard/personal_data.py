"""What the pinboard holds about a person (see ``core.privacy``): their posts, answers and
reports. The foreign keys are set to NULL when the account is deleted."""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import Answer, Post, Report


def register() -> None:
    for name, model, lookups in [
        ("pinboard.post", Post, ("created_by", "hidden_by")),
        ("pinboard.answer", Answer, ("author",)),
        ("pinboard.report", Report, ("reported_by",)),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups)))
