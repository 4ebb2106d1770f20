"""Signing in with the keyboard alone, switching the pages to English and back, and the
pages that say no (not found, access refused)."""

from __future__ import annotations

from playwright.sync_api import expect


def focused(page) -> str:
    """What has the keyboard focus: the field's name, or the button's or link's text."""
    return page.evaluate("() => document.activeElement.name || "
                         "document.activeElement.textContent.trim()")


def test_the_login_form_works_with_the_keyboard_alone(page, live_server, screenshot):
    account = live_server.accounts["coordinator"]
    page.goto("/login")
    screenshot(page, "login")
    assert focused(page) == "email", "the address field should have the focus on arrival"
    page.keyboard.type(account.email)
    page.keyboard.press("Tab")
    assert focused(page) == "password"
    page.keyboard.type(account.password)
    page.keyboard.press("Tab")
    assert focused(page) == "Se connecter"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused button should show where the focus is"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("status")).to_have_text("Bienvenue, Coordination du réseau.")
    screenshot(page, "coordinator-home")


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(page, screenshot):
    page.goto("/no/such/page")
    expect(page.get_by_role("heading", name="Page introuvable")).to_be_visible()
    screenshot(page, "not-found")
    page.keyboard.press("Tab")
    assert focused(page) == "Aller au contenu"
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "content"


def test_the_language_switch_turns_the_pages_to_english_and_back(page, live_server,
                                                                  screenshot):
    account = live_server.accounts["site_manager"]
    page.goto("/login")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Sign in").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("Email address").fill(account.email)
    page.get_by_label("Password").fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()
    expect(page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Home")).to_be_visible()
    screenshot(page, "site-manager-home-english")
    page.get_by_role("button", name="Français").click()
    page.get_by_role("button", name="Se déconnecter").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"


def test_a_site_manager_opening_a_coordinator_page_is_refused(page, sign_in, screenshot):
    sign_in("site_manager")
    response = page.goto("/coordination/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    expect(page.get_by_role("main")).not_to_contain_text("Réseau des tiers-lieux")
    screenshot(page, "forbidden")
    page.get_by_role("link", name="Retour à l'accueil").click()
    expect(page.get_by_role("heading", name="Vos lieux")).to_be_visible()
