"""How the pages write values: dates the French (or English) way, codes that may wrap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from flask import Flask
from flask_babel import force_locale

from webui.database import engine as app_engine
from webui.text import breakable, date_text
from webui_fixtures import make_test_app

TEMPLATES = Path(__file__).resolve().parents[1] / "webui" / "templates"
MONDAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def app() -> Iterator[Flask]:
    """An application for its language settings only (the database is never opened)."""
    application = make_test_app("sqlite://")
    yield application
    app_engine(application).dispose()


@pytest.mark.parametrize("language, style, expected", [
    ("fr", "full", "lundi 30 novembre 2026"),
    ("en", "full", "Monday 30 November 2026"),
    ("fr", "day", "lundi 30 novembre"),
    ("fr", "short", "lun. 30 nov."),
    ("en", "short", "Mon 30 Nov"),
])
def test_a_date_is_written_in_the_pages_language(app, language, style, expected):
    with app.test_request_context(), force_locale(language):
        assert date_text(MONDAY, style) == expected
        assert date_text(MONDAY.isoformat(), style) == expected


def test_a_moment_adds_its_time_in_the_networks_time_zone(app):
    stored = datetime(2026, 11, 26, 13, 5)  # UTC, as the database keeps it
    with app.test_request_context():
        with force_locale("fr"):
            assert date_text(stored, "moment") == "jeudi 26 novembre 2026 à 14:05"
        with force_locale("en"):
            assert date_text(stored, "moment") == "Thursday 26 November 2026 at 14:05"


def test_templates_write_dates_through_date_text_only():
    """Flask-Babel's own date filters would bring back other styles (30/11/2026...)."""
    other = re.compile(r"\|\s*(dateformat|datetimeformat)|map\(\s*[\"'](dateformat|datetimeformat)")
    found = [str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")
             if other.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_codes_may_wrap_after_their_underscores_and_stay_escaped():
    assert breakable("mediation_numerique") == "mediation_<wbr>numerique"
    assert breakable("<b>_x") == "&lt;b&gt;_<wbr>x"
