"""A site manager declares a need for one of their sites through the form and sees it listed."""

from __future__ import annotations

import re

from playwright.sync_api import expect

TITLE = "Atelier réparation de trottinettes"


def test_a_site_manager_declares_a_need_and_sees_it_listed(page, sign_in, screenshot,
                                                           published_plan):
    """With a published plan, so that unmet needs show their reasons in the table."""
    sign_in("site_manager")
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Nos besoins").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nos besoins")
    page.get_by_role("link", name="Déclarer un besoin").click()
    screenshot(page, "site-manager-declare")
    inputs = page.locator(".staff-line").first.locator(".field__input")
    tops = {round(inputs.nth(index).bounding_box()["y"]) for index in range(inputs.count())}
    assert len(tops) == 1, "the level's hint pushes its list below the skill and count fields"

    page.get_by_role("button", name="Enregistrer").click()
    invalid = page.locator(".field--invalid")
    expect(invalid.first).to_be_visible()
    expect(page.locator(".field--invalid", has=page.get_by_text("Activité", exact=True))
           ).to_have_count(1)
    screenshot(page, "site-manager-declare-problems")

    page.get_by_label("Lieu", exact=True).select_option(label="La Quincaillerie")
    page.get_by_label("Activité", exact=True).fill(TITLE)
    page.get_by_label("Une fois, à une date").check()
    page.get_by_label("Date", exact=True).select_option(label="mardi 1 décembre 2026")
    page.get_by_label("Début (ou début au plus tôt)").fill("14:00")
    page.get_by_label("Fin (ou fin au plus tard)").fill("16:30")
    page.get_by_label("Compétence").first.select_option("reparation")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_role("status")).to_contain_text(re.compile(r"1 besoin\(s\) déclaré\(s\)"))
    site = page.locator("section", has=page.get_by_role("heading", name="La Quincaillerie"))
    listed = site.get_by_role("row", name=re.compile(TITLE))
    expect(listed).to_contain_text("14:00")
    expect(listed).to_contain_text("reparation")
    expect(listed).to_contain_text("Pas encore dans le planning publié")
    tables = page.locator(".table-wrap")
    expect(tables.first).to_be_visible()
    sideways = [index for index, table in enumerate(tables.all())
                if table.evaluate("wrap => wrap.scrollWidth > wrap.clientWidth")]
    assert sideways == [], "needs tables wider than their card at 1280 px (actions hidden)"
    screenshot(page, "site-manager-needs")
