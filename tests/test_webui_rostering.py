"""The rostering rules of the coordinator's facilitator form: folded under their own heading,
saved into the facilitator's `rostering` object, cleared by blank fields, and every wrong rule
shown at its field with nothing saved."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from pooling.domain import Rostering
from pooling.store import export_scenario
from scenarios.demo import demo_scenario
from webui_fixtures import (app, app_database, app_session, client,  # noqa: F401
                            demo_accounts, demo_database, login_as)

DEMO = demo_scenario()
NETWORK, WEEK = DEMO.network.name, DEMO.network.week_start
PERSON = DEMO.facilitators[0]
EDIT = f"/coordination/{quote(NETWORK)}/{WEEK.isoformat()}/facilitators/{PERSON.id}/edit"
RULES = {
    "rostering_min_consecutive_days": "2",
    "rostering_max_consecutive_days": "4",
    "rostering_min_consecutive_days_off": "2",
    "rostering_max_weekends": "1",
    "rostering_max_needs_by_kind": "atelier:3",
    "rostering_forbidden_next_day": "soiree -> matin",
    "rostering_min_total_minutes": "600",
    "rostering_max_total_minutes": "2400",
    "rostering_requests": f"off {WEEK.isoformat()} x2",
}


def form_fields(page: str) -> dict[str, str]:
    """What the form holds: its inputs' values, its text areas' texts, its chosen options."""
    fields = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', page))
    fields.update(re.findall(r'<textarea[^>]*name="(\w+)"[^>]*>(.*?)</textarea>', page, re.S))
    for name, options in re.findall(r'<select[^>]*name="(\w+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option selected value="([^"]*)"', options)
        fields[name] = chosen.group(1) if chosen else ""
    return {name: html.unescape(value).strip() for name, value in fields.items()}


def rules_group(page: str) -> str:
    """The opening tag of the folded group of rostering rules."""
    match = re.search(r'<details class="field-group"[^>]*>', page)
    assert match, "the form has no group of rostering rules"
    return match.group(0)


def person_rules(session) -> Rostering:
    return next(person for person in export_scenario(session, NETWORK, WEEK).facilitators
                if person.id == PERSON.id).rostering


def field_errors(page: str, field: str) -> str:
    match = re.search(rf'<ul class="field__errors" id="{field}-errors">(.*?)</ul>', page, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def test_the_rules_are_folded_under_their_heading_in_french_and_english(client, login_as):
    login_as("coordinator")
    page = client.get(EDIT).get_data(as_text=True)
    assert "Règles de roulement" in page
    assert "Jours travaillés d'affilée, au moins" in page
    assert " open" not in rules_group(page)
    assert page.index("rostering_min_consecutive_days") > page.index("<details")
    client.post("/language", data={"language": "en", "next": EDIT})
    page = client.get(EDIT).get_data(as_text=True)
    assert "Rostering rules" in page and "Days worked in a row, at least" in page


def test_rules_are_saved_shown_open_then_cleared(client, login_as, app_session):
    login_as("coordinator")
    fields = form_fields(client.get(EDIT).get_data(as_text=True)) | RULES
    response = client.post(EDIT, data=fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    rules = person_rules(app_session)
    assert (rules.min_consecutive_days, rules.max_consecutive_days,
            rules.min_consecutive_days_off, rules.max_weekends) == (2, 4, 2, 1)
    assert rules.max_needs_by_kind == {"atelier": 3}
    assert rules.forbidden_next_day == {"soiree": ("matin",)}
    assert (rules.min_total_minutes, rules.max_total_minutes) == (600, 2400)
    assert [(r.date, r.work, r.weight) for r in rules.requests] == [(WEEK, False, 2)]

    page = client.get(EDIT).get_data(as_text=True)
    assert " open" in rules_group(page)
    assert {name: form_fields(page)[name] for name in RULES} == RULES

    response = client.post(EDIT, data=form_fields(page) | dict.fromkeys(RULES, ""))
    assert response.status_code == 302
    assert person_rules(app_session) == Rostering()


def test_wrong_rules_are_shown_at_their_fields_and_nothing_is_saved(client, login_as,
                                                                    app_session):
    login_as("coordinator")
    before = export_scenario(app_session, NETWORK, WEEK)
    fields = form_fields(client.get(EDIT).get_data(as_text=True)) | {
        "rostering_min_consecutive_days": "5", "rostering_max_consecutive_days": "3",
        "rostering_max_weekends": "beaucoup", "rostering_requests": "peut-être lundi"}
    response = client.post(EDIT, data=fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "5" in field_errors(page, "rostering_min_consecutive_days")
    assert field_errors(page, "rostering_max_weekends")
    assert "peut-être lundi" in html.unescape(field_errors(page, "rostering_requests"))
    assert " open" in rules_group(page)
    assert export_scenario(app_session, NETWORK, WEEK) == before
