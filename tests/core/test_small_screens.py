"""Nothing is cut off: the network list on a 390 px phone, a site admin's top bar at 1280 px,
the status select of a measure (issue 10)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from network.models import Measure
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.support.browser import log_in

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def assert_inside_viewport(page, locator, what):
    """The element is on screen in full, without scrolling sideways."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{what} is cut off: {box}"
    # Nothing on the page makes the browser scroll sideways either.
    assert page.evaluate("document.documentElement.scrollWidth") <= width, what


# The text the select shows (its chosen option) against the room inside the box.
SELECT_FITS = """select => {
  const style = getComputedStyle(select);
  const context = document.createElement("canvas").getContext("2d");
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = select.options[select.selectedIndex].text;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text, needed: context.measureText(text).width, room};
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_nothing_is_cut_off_on_a_phone_or_in_a_site_admins_top_bar(page, site_url, axe_check):
    network = NetworkFactory(
        name="Netzwerk Frühe Hilfen und Kinderschutz im Kreis Viersen",
        is_open_for_members=True,
    )
    admin = UserFactory(
        email="root@example.org", name="Site Admin", is_staff=True, is_superuser=True
    )
    coordinator = UserFactory(email="koordination@example.org", name="Kora Koordination")
    network.coordinators.add(coordinator)
    MembershipFactory(network=network)
    Measure.objects.create(
        network=network,
        title="Gemeinsame Fortbildung zum Kinderschutzkonzept für alle Kitas im Kreis planen",
        responsible_person=coordinator,
        due_date=timezone.localdate() + timedelta(days=30),
        status=Measure.Status.IN_PROGRESS,
    )

    # A phone: the network list shows the "new members wanted" badge without scrolling.
    page.set_viewport_size(PHONE)
    page.goto("/networks/")
    row = page.locator("tbody tr", has_text="Kinderschutz im Kreis Viersen")
    assert_inside_viewport(page, row.get_by_text("gesucht"), "the badge on a phone")
    axe_check(page)  # the table, stacked into one block per network, is still a table

    # A laptop: a site admin's top bar keeps every entry and the language button on screen.
    log_in(page, site_url, admin)
    page.set_viewport_size(LAPTOP)
    page.goto("/networks/")
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    for name in ["Mein Konto", "Verwaltung"]:
        assert_inside_viewport(page, navigation.get_by_role("link", name=name), name)
    assert_inside_viewport(
        page, navigation.get_by_role("button", name="English"), "the language button"
    )

    # The measure's status select shows its whole text ("in Arbeit"), wide and narrow.
    log_in(page, site_url, coordinator)
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(f"/networks/{network.slug}/measures/")
        select = page.locator("select[name=status]")
        fit = select.evaluate(SELECT_FITS)
        assert fit["text"] == "in Arbeit"
        assert fit["needed"] <= fit["room"], f"{viewport['width']} px: {fit}"
