"""Rota exports: one row per published assignment, headers in the reader's language, the
site's unmet needs and their reasons on a second sheet, CSV that Excel opens with accents."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pandas as pd
import pytest
from openpyxl import load_workbook

from pooling.domain import format_time
from pooling.planning import solve_scenario
from pooling.rota import PublishedRota, rota_entries, unmet_needs
from pooling.rota_export import rota_csv, rota_export, rota_frame, rota_xlsx
from scenarios.demo import demo_scenario


@pytest.fixture(scope="module")
def rota() -> PublishedRota:
    scenario = demo_scenario()
    plan = solve_scenario(scenario, method="greedy", time_limit=1, workers=1, language="fr")
    return PublishedRota(scenario.network.name, scenario.network.week_start, 7,
                         "Europe/Paris", 1, 1, datetime(2026, 11, 25, tzinfo=timezone.utc),
                         rota_entries(scenario, plan), unmet_needs(scenario, plan))


def test_the_frame_has_one_row_per_assignment_in_time_order(rota):
    frame = rota_frame(rota, "fr")
    assert list(frame.columns) == ["Date", "Jour", "Début", "Fin", "Activité", "Besoin", "Lieu",
                                   "Commune", "Salle", "Animateur·rices", "Matériel"]
    assert list(frame["Besoin"]) == [entry.need for entry in rota.entries]
    assert list(frame["Début"]) == [format_time(entry.start) for entry in rota.entries]
    assert list(frame["Animateur·rices"]) == [", ".join(e.people) for e in rota.entries]
    assert frame["Jour"].iloc[0] == "lundi"
    assert list(rota_frame(rota, "en").columns)[:4] == ["Date", "Day", "Start", "End"]


def test_csv_is_utf8_with_a_byte_order_mark_and_reads_back(rota):
    site = rota.for_site("TL-280")
    data = rota_csv(site, "fr")
    assert data.startswith("\ufeff".encode("utf-8"))
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame["Besoin"]) == [entry.need for entry in site.entries]
    assert list(frame["Date"]) == [entry.date.isoformat() for entry in site.entries]
    assert list(frame["Lieu"]) == [entry.site_name for entry in site.entries]


def test_a_sites_workbook_lists_its_unmet_needs_with_reasons(rota):
    unmet_site = next(u.need.site for u in rota.unmet)
    site = rota.for_site(unmet_site)
    book = load_workbook(io.BytesIO(rota_xlsx(site, "fr")))
    assert book.sheetnames == ["Planning", "Besoins non pourvus"]
    assert book["Planning"].max_row == len(site.entries) + 1
    unmet = list(book["Besoins non pourvus"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in unmet] == [u.need.id for u in site.unmet]
    assert unmet[0][5] == "\n".join(site.unmet[0].reasons)
    assert book["Planning"]["A1"].font.bold and book["Planning"].freeze_panes == "A2"


def test_a_persons_workbook_has_no_unmet_sheet(rota):
    person = rota.entries[0].facilitators[0]
    book = load_workbook(io.BytesIO(rota_export(rota.for_facilitator(person), "xlsx", "en")))
    assert book.sheetnames == ["Rota"]
    assert [cell.value for cell in book["Rota"][1]][:3] == ["Date", "Day", "Start"]
