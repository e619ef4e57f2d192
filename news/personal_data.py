"""What the news app holds about a person (see ``core.privacy``): the news they wrote."""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import NewsItem


def register() -> None:
    register_personal_data(PersonalData("news.newsitem", rows_exporter(NewsItem, "created_by")))
