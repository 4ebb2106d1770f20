"""A coordinator imports the demo network, generates the week's rota, reads it and publishes it."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

DEMO_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "data" / "demo-network.json"
SOLVE_SECONDS = 3


def test_a_coordinator_imports_generates_and_publishes_the_rota(page, sign_in, screenshot):
    sign_in("coordinator")
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Réseau").click()
    page.get_by_role("link", name="Importer un scénario").click()
    screenshot(page, "coordinator-import")
    page.get_by_label("Fichier du scénario").set_input_files(DEMO_FILE)
    page.get_by_role("button", name="Importer", exact=True).click()
    expect(page.get_by_role("status")).to_have_text(
        "Le scénario est importé : 80 besoins pour la semaine du lundi 30 novembre 2026.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Semaine du lundi 30 novembre 2026")
    screenshot(page, "coordinator-week")

    page.get_by_label("Durée limite en secondes").fill(str(SOLVE_SECONDS))
    page.get_by_role("button", name="Générer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Calcul \d+"))
    expect(page.get_by_role("navigation", name="Vous êtes ici")).to_contain_text(
        "lundi 30 novembre 2026")
    screenshot(page, "coordinator-solve-progress")
    expect(page.get_by_role("link", name="Voir le planning")).to_be_visible(
        timeout=(SOLVE_SECONDS + 15) * 1000)
    expect(page.locator("#run-status")).to_have_text("terminé")
    met, total = page.locator("#run-met").inner_text().split(" / ")
    assert total == "80" and 60 <= int(met) <= 80
    screenshot(page, "coordinator-solve-done")

    page.get_by_role("link", name="Voir le planning").click()
    expect(page.get_by_text(f"{met} / 80", exact=True).first).to_be_visible()
    unmet = page.get_by_role("heading", name=re.compile("Besoins non satisfaits"))
    expect(unmet).to_have_text(f"Besoins non satisfaits ({80 - int(met)})")
    reasons = page.locator("section", has=unmet).locator("tbody tr")
    expect(reasons).to_have_count(80 - int(met))
    assert all(row.locator("li").count() >= 1 for row in reasons.all()), \
        "every unmet need should say why"
    screenshot(page, "coordinator-version")

    page.get_by_role("link", name="Par lieu").click()
    expect(page.get_by_role("table").first).to_contain_text("La Quincaillerie")
    frame, hint = page.locator(".grid-wrap"), page.locator("#grid-hint")
    assert frame.evaluate("f => f.scrollWidth <= f.clientWidth"), "the week's days fit 1280 px"
    expect(hint).to_be_hidden()
    screenshot(page, "coordinator-grid-by-site")
    page.set_viewport_size({"width": 800, "height": 900})
    expect(hint).to_be_visible()
    frame.evaluate("f => { f.scrollLeft = f.scrollWidth; }")
    sites = page.locator(".grid tbody th").first
    assert abs(sites.bounding_box()["x"] - frame.bounding_box()["x"]) < 2, \
        "the first column stays in view while the days scroll"
    screenshot(page, "coordinator-grid-by-site-narrow")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.go_back()

    page.get_by_role("button", name="Publier cette version").click()
    expect(page.get_by_role("status")).to_contain_text("est publiée")
    expect(page.get_by_text("cette version est définitive")).to_be_visible()
    screenshot(page, "coordinator-published")

    page.get_by_role("link", name="Par lieu").click()
    expect(page.get_by_role("link", name="XLSX planning publié de La Quincaillerie")).to_be_visible()
    screenshot(page, "coordinator-published-by-site")
