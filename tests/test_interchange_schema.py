"""The published JSON Schemas accept the canonical documents and refuse malformed ones."""

import json
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from test_interchange_roundtrip import plans, scenarios

from pooling.errors import InvalidInput
from pooling.interchange import (
    plan_to_dict, read_scenario_json, scenario_from_dict, scenario_to_dict,
)

FIXTURE = Path(__file__).parent / "data" / "interchange_scenario.json"


@cache
def validator(kind: str) -> Draft202012Validator:
    text = (resources.files("pooling") / "schemas" / f"{kind}-v1.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(kind: str, document) -> list[str]:
    return [error.message for error in validator(kind).iter_errors(document)]


def document() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_the_fixture_and_its_canonical_form_are_schema_valid():
    assert errors("scenario", document()) == []
    assert errors("scenario", scenario_to_dict(read_scenario_json(FIXTURE))) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_canonical_scenarios_are_schema_valid(scenario):
    assert errors("scenario", scenario_to_dict(scenario)) == []


@settings(max_examples=25, deadline=None)
@given(plans())
def test_canonical_plans_are_schema_valid(plan):
    assert errors("plan", plan_to_dict(plan)) == []


def broken(path: str, value) -> dict:
    """The fixture with the value at a dotted path replaced (`None` removes the key)."""
    doc = document()
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = doc
    for key in parents:
        target = target[key]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return doc


@pytest.mark.parametrize("path, value", [
    ("format", "pooling-scenario/2"),
    ("needs.0.colour", "red"),
    ("network.slot_minutes", 20),
    ("network.week_start", "30/11/2026"),
    ("facilitators.0.availability.0.start", "9:00"),
    ("facilitators.0.availability.0.day", "monday"),
    ("facilitators.0.skills.mediation_numerique", 4),
    ("facilitators.1.availability", None),
    ("rooms.0.capacity", -1),
    ("needs.0.days", ["2026-12-01"]),
    ("needs.1.window", None),
    ("needs.0.priority", "urgent"),
    ("needs.0.staff.0.count", 0),
    ("needs.0.extra", "not an object"),
    ("sites.0.lat", True),
    ("travel_minutes.jarnac.cognac", -5),
])
def test_the_schema_and_the_reader_both_refuse_malformed_documents(path, value):
    doc = broken(path, value)
    assert errors("scenario", doc) != []
    with pytest.raises(InvalidInput):
        scenario_from_dict(doc)


def test_the_plan_schema_refuses_malformed_documents():
    good = {"format": "pooling-plan/1", "status": "optimal", "assignments": [
        {"need": "N1", "date": "2026-12-01", "start": "09:00", "end": "12:00", "site": "s",
         "room": None, "facilitators": ["F1"], "equipment": []}], "unmet": []}
    assert errors("plan", good) == []
    assert errors("plan", {**good, "status": "best"}) != []
    assert errors("plan", {**good, "unmet": [{"need": "N2"}]}) != []
    no_room = {key: value for key, value in good["assignments"][0].items() if key != "room"}
    assert errors("plan", {**good, "assignments": [no_room]}) != []
    late = {**no_room, "room": None, "end": "25:00"}
    assert errors("plan", {**good, "assignments": [late]}) != []
