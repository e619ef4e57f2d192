"""The main navigation works with the keyboard alone and on a phone."""

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_keyboard_users_skip_to_the_content_and_reach_every_menu_link(page, axe_check):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # visible as soon as it has the focus
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    page.goto("/")
    reached = []
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.textContent.trim()"))
    for name in ["Netzwerke", "Verzeichnis", "Einloggen", "Registrieren", "English"]:
        assert name in reached, reached
    # Enter on the focused link follows it.
    page.get_by_role("link", name="Einloggen").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    axe_check(page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_menu_button_opens_the_navigation(page, axe_check):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    login = navigation.get_by_role("link", name="Einloggen")
    toggler = page.get_by_role("button", name="Navigation ein- oder ausblenden")
    expect(login).to_be_hidden()
    expect(toggler).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "false")
    axe_check(page)

    # Keyboard on a phone-sized screen: the toggler is reachable and opens the menu.
    toggler.focus()
    page.keyboard.press("Enter")
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(login).to_be_visible()
    expect(navigation.get_by_role("link", name="Netzwerke")).to_be_visible()
    expect(navigation.get_by_role("button", name="English")).to_be_visible()
    # Nothing sticks out sideways at 375 px.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    axe_check(page)

    login.click()
    expect(page.locator("h1")).to_have_text("Einloggen")
    axe_check(page)
