"""Plan documents (format v1): structure checked with paths; the hard rules are the referee's."""

import io
from datetime import date

import pytest

from pooling.domain import Assignment, Plan, Unmet
from pooling.errors import InvalidInput
from pooling.interchange import plan_from_dict, plan_to_dict, read_plan_json, write_plan_json


def plan_document() -> dict:
    return {
        "format": "pooling-plan/1",
        "status": "feasible",
        "objective": 1250.5,
        "bound": 1100,
        "assignments": [
            {"need": "N1", "date": "2026-12-01", "start": "09:00", "end": "12:00",
             "site": "cognac", "room": "R1", "facilitators": ["F1"], "equipment": ["E1"]},
            {"need": "N3", "date": "2026-12-04", "start": "10:00", "end": "11:00",
             "site": "jarnac", "room": None, "facilitators": ["F1"], "equipment": [],
             "extra": {"note": "à domicile"}},
        ],
        "unmet": [{"need": "N2", "reasons": ["no facilitator with skill mediation_numerique "
                                             ">= 1 is available on 2026-12-02 09:00-18:00"]}],
        "kpis": {"travel_minutes": 40, "coverage_by_priority": {"high": {"met": 1, "total": 1}}},
    }


def problems_of(doc) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInput) as caught:
        plan_from_dict(doc)
    return sorted((p.where, p.text("en")) for p in caught.value.problems)


def test_a_plan_reads_into_domain_values_and_writes_back_identically():
    plan = plan_from_dict(plan_document())
    assert plan.status == "feasible" and plan.objective == 1250.5 and plan.bound == 1100
    assert plan.assignments[0] == Assignment("N1", date(2026, 12, 1), 540, 720, "cognac", "R1",
                                             ("F1",), ("E1",))
    assert plan.assignments[1].room is None
    assert plan.unmet[0].need == "N2"
    assert plan_to_dict(plan) == plan_document()
    assert next(iter(plan_to_dict(plan))) == "format"


def test_optional_plan_fields_are_left_out_when_absent_but_room_is_always_written():
    plan = Plan("unknown", (Assignment("N1", date(2026, 12, 1), 0, 1440, "s", None, ()),),
                (Unmet("N2", ("x",)),))
    written = plan_to_dict(plan)
    assert written == {"format": "pooling-plan/1", "status": "unknown", "assignments": [
        {"need": "N1", "date": "2026-12-01", "start": "00:00", "end": "24:00", "site": "s",
         "room": None, "facilitators": [], "equipment": []}],
        "unmet": [{"need": "N2", "reasons": ["x"]}]}
    assert plan_from_dict(written) == plan


def test_plan_json_file_round_trip(tmp_path):
    plan = plan_from_dict(plan_document())
    write_plan_json(plan, tmp_path / "plan.json")
    assert "à domicile" in (tmp_path / "plan.json").read_text(encoding="utf-8")
    assert read_plan_json(tmp_path / "plan.json") == plan


def test_every_structural_problem_of_a_plan_is_reported_with_its_path():
    doc = plan_document()
    doc["format"] = "pooling-scenario/1"
    doc["status"] = "optimal!"
    doc["objective"] = "12"
    first, second = doc["assignments"]
    first.update(date="2026-12-32", start="12:00", end="09:00", facilitators="F1")
    first["colour"] = "red"
    del second["room"]
    second["need"] = ""
    second["equipment"] = [3]
    doc["unmet"][0]["reasons"] = "busy"
    doc["kpis"] = []
    assert problems_of(doc) == sorted([
        ("$.format", 'must be "pooling-plan/1", not "pooling-scenario/1"'),
        ("$.status", 'must be one of "optimal", "feasible", "unknown", not "optimal!"'),
        ("$.objective", 'must be a number, not "12"'),
        ("$.assignments[0].colour",
         "unknown field colour: remove it, or move it into an extra object"),
        ("$.assignments[0].date", 'must be a date written YYYY-MM-DD, not "2026-12-32"'),
        ("$.assignments[0]", "start 12:00 must be before end 09:00"),
        ("$.assignments[0].facilitators", 'must be a list, not "F1"'),
        ("$.assignments[1]", "missing required field room"),
        ("$.assignments[1].need", "must be a non-empty string"),
        ("$.assignments[1].equipment[0]", "must be a string, not 3"),
        ("$.unmet[0].reasons", 'must be a list, not "busy"'),
        ("$.kpis", "must be an object, not []"),
    ])


def test_rules_are_left_to_the_referee_duplicates_and_empty_reasons_pass_structure():
    doc = plan_document()
    doc["assignments"][0]["facilitators"] = ["F1", "F1"]
    doc["unmet"][0]["reasons"] = []
    plan = plan_from_dict(doc)
    assert plan.assignments[0].facilitators == ("F1", "F1") and plan.unmet[0].reasons == ()


def test_plan_times_need_no_grid_but_must_be_times():
    doc = plan_document()
    doc["assignments"][0].update(start="09:07", end="25:00")
    assert problems_of(doc) == [("$.assignments[0].end", 'must be a time written HH:MM from '
                                                         '00:00 to 24:00, not "25:00"')]


def test_plan_duplicate_keys_are_reported_with_their_path():
    text = ('{"format": "pooling-plan/1", "status": "optimal", "assignments": [], '
            '"unmet": [{"need": "N1", "need": "N2", "reasons": ["r"]}]}')
    with pytest.raises(InvalidInput) as caught:
        read_plan_json(io.StringIO(text))
    assert [(p.where, p.text()) for p in caught.value.problems] == [
        ("$.unmet[0].need", 'key "need" appears more than once in this object: keep one')]
