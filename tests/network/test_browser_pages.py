"""The internal network pages pass axe-core (WCAG 2.1 AA) with the demo data."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from network.models import CooperationAgreement, WorkingGroup

from .test_browser_journey import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_internal_pages_are_accessible(page, axe_check):
    call_command("load_demo", stdout=io.StringIO())
    group = WorkingGroup.objects.get(network__slug="kinderschutz-olsberg")
    agreement = CooperationAgreement.objects.get()
    # Each network's pages as its own coordinator in the demo (seeds 000, 002, 003, 004).
    pages_by_coordinator = {
        "koordination@example.org": [
            "/networks/fruehe-hilfen-kreis-viersen/",
            "/networks/fruehe-hilfen-kreis-viersen/edit/",
        ],
        "kreisjugendamt-hsk@example.org": [
            "/networks/kinderschutz-olsberg/members/",
            "/networks/kinderschutz-olsberg/working-groups/",
            f"/networks/kinderschutz-olsberg/working-groups/{group.pk}/",
            f"/networks/kinderschutz-olsberg/working-groups/{group.pk}/results/new/",
            "/networks/kinderschutz-olsberg/working-groups/new/",
        ],
        "jugendamt-herten@example.org": [
            "/networks/kooperation-herten/agreements/",
            f"/networks/kooperation-herten/agreements/{agreement.pk}/",
            f"/networks/kooperation-herten/agreements/{agreement.pk}/edit/",
        ],
        "freiraumwohnung@example.org": [
            "/networks/traegerverbund-kreis-wesel/measures/?filter=overdue",
            "/networks/traegerverbund-kreis-wesel/measures/?filter=all",
        ],
    }
    for coordinator, paths in pages_by_coordinator.items():
        log_in(page, coordinator)
        for path in paths:
            page.goto(path)
            expect(page.locator("h1")).to_have_count(1)
            axe_check(page)
    log_in(page, "freiraumwohnung@example.org")
    page.goto("/networks/traegerverbund-kreis-wesel/representatives/")
    expect(page.locator("h1")).to_have_text("Unsere Vertretungen")
    axe_check(page)
