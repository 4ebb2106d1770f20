"""Every message the interchange modules can emit has a French translation."""

import ast
import json
import string
from pathlib import Path

import pytest

from pooling.errors import InvalidInput
from pooling.i18n import catalogue
from pooling.interchange import scenario_from_dict

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted((ROOT / "pooling" / "interchange").glob("*.py")) + [ROOT / "pooling" / "travel.py"]


def message_ids() -> set[str]:
    """The literal argument of every `N_(...)` call in the modules."""
    found = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
                found.add(node.args[0].value)
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_messages_are_found_by_the_scan():
    assert "time {time} is not on the {slot}-minute grid: use {before} or {after}" in message_ids()
    assert len(message_ids()) > 40


@pytest.mark.parametrize("message", sorted(message_ids()))
def test_each_message_has_a_french_translation_with_the_same_placeholders(message):
    french = catalogue("fr").get(message)
    assert french and french != message
    assert placeholders(french) == placeholders(message)


def test_reported_problems_render_in_french():
    doc = json.loads((ROOT / "tests" / "data" / "interchange_scenario.json").read_text("utf-8"))
    doc["network"]["week_start"] = "2026-12-01"
    doc["needs"][0]["start"] = "09:10"
    with pytest.raises(InvalidInput) as caught:
        scenario_from_dict(doc)
    assert caught.value.render("fr").splitlines() == [
        "$.network.week_start: le 2026-12-01 n'est pas un lundi : utilisez le 2026-11-30, "
        "lundi de cette semaine",
        "$.needs[0].start: l'heure 09:10 n'est pas sur la grille de 15 minutes : utilisez 09:00 "
        "ou 09:15",
    ]


def test_the_french_catalogue_has_no_stale_entries():
    own = json.loads((ROOT / "pooling" / "locale" / "fr" / "interchange.json").read_text("utf-8"))
    assert set(own) == message_ids()
