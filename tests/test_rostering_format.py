"""The extension "rostering rules" of format v1: read with problems at their paths, written
canonically, schema-valid, and carried without loss by JSON, XLSX and CSV."""

import copy
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from test_spreadsheets import idents
from test_spreadsheets import scenarios as sheet_scenarios

from factories import make_facilitator, make_need, make_scenario, staff_line
from pooling.domain import Rostering, RosteringRequest, StaffLine
from pooling.errors import InvalidInput
from pooling.interchange import scenario_from_dict, scenario_to_dict
from pooling.spreadsheets import read_csv_folder, read_xlsx, write_csv_folder, write_xlsx
from pooling.spreadsheets.cells import REQUESTS, STAFF, SUCCESSIONS, CellError

FIXTURE = Path(__file__).parent / "data" / "interchange_scenario.json"
SCHEMA = Path(__file__).resolve().parents[1] / "pooling" / "schemas" / "scenario-v1.schema.json"
RULES = {
    "min_consecutive_days": 2, "max_consecutive_days": 5, "min_consecutive_days_off": 2,
    "max_weekends": 1, "max_needs_by_kind": {"soiree": 3, "nuit": 0},
    "forbidden_next_day": {"soiree": ["matin"], "nuit": ["matin", "journee"]},
    "min_total_minutes": 600, "max_total_minutes": 4320,
    "requests": [{"date": "2026-12-01", "kind": "soiree", "work": True, "weight": 2},
                 {"date": "2026-12-02", "work": False, "weight": 1}],
}


def document() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def with_rules(rules: dict, staff: list | None = None) -> dict:
    doc = document()
    doc["facilitators"][0]["rostering"] = rules
    if staff is not None:
        doc["needs"][0]["staff"] = staff
    return doc


def problems(doc: dict) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        scenario_from_dict(doc)
    return [problem.render() for problem in caught.value.problems]


def schema_errors(doc: dict) -> list[str]:
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    return [error.message for error in validator.iter_errors(doc)]


def test_rules_and_targets_are_read_into_the_domain():
    staff = [{"skill": "mediation_numerique", "count": 3, "under_weight": 100, "over_weight": 1},
             {"skill": "mediation_numerique", "count": 0, "over_weight": 5}]
    scenario = scenario_from_dict(with_rules(RULES, staff))
    rules = scenario.facilitators[0].rostering
    assert rules.max_consecutive_days == 5 and rules.min_consecutive_days_off == 2
    assert rules.max_needs_by_kind == {"soiree": 3, "nuit": 0}
    assert rules.forbidden_next_day == {"soiree": ("matin",), "nuit": ("matin", "journee")}
    assert rules.requests == (RosteringRequest(date(2026, 12, 1), True, "soiree", 2),
                              RosteringRequest(date(2026, 12, 2), False, None, 1))
    first, second = scenario.needs[0].staff
    assert (first.count, first.fewest, first.most, first.is_target) == (3, 0, None, True)
    assert (second.count, second.fewest, second.most) == (0, 0, None)
    assert scenario.facilitators[1].rostering == Rostering()


def test_version_one_documents_are_untouched():
    doc = document()
    assert scenario_to_dict(scenario_from_dict(doc)) == scenario_to_dict(
        scenario_from_dict(copy.deepcopy(doc)))
    assert all("rostering" not in f for f in scenario_to_dict(scenario_from_dict(doc))
               ["facilitators"])
    assert not any(line.is_target for need in scenario_from_dict(doc).needs
                   for line in need.staff)


def test_canonical_form_writes_only_the_rules_in_force():
    written = scenario_to_dict(scenario_from_dict(with_rules(
        {"max_weekends": 0, "forbidden_next_day": {"matin": []}, "requests": []})))
    assert written["facilitators"][0]["rostering"] == {"max_weekends": 0}
    full = scenario_to_dict(scenario_from_dict(with_rules(RULES)))
    assert full["facilitators"][0]["rostering"] == RULES
    assert schema_errors(full) == []


def test_every_problem_of_the_rules_has_its_path():
    rules = {"min_consecutive_days": 6, "max_consecutive_days": 5, "min_consecutive_days_off": 0,
             "max_weekends": -1, "max_needs_by_kind": {"soiree": "3", "": 1},
             "forbidden_next_day": {"nuit": "matin"}, "min_total_minutes": 7.5,
             "requests": [{"date": "2026-13-01", "work": "yes", "weight": -2}, {"kind": "x"}],
             "max_weekend": 3}
    found = problems(with_rules(rules))
    where = "$.facilitators[0].rostering"
    assert found == [
        f"{where}.max_weekend: unknown field max_weekend: did you mean max_weekends?",
        f"{where}: min_consecutive_days 6 is above max_consecutive_days 5: lower the first or "
        "raise the second",
        f"{where}.min_total_minutes: must be an integer (like 7), not 7.5",
        f"{where}.min_consecutive_days_off: must be at least 1, not 0",
        f"{where}.max_weekends: must be at least 0, not -1",
        f'{where}.max_needs_by_kind[""]: must be a non-empty string',
        f"{where}.max_needs_by_kind.soiree: must be an integer (like 7), not \"3\"",
        f"{where}.forbidden_next_day.nuit: must be a list, not \"matin\"",
        f"{where}.requests[0].date: must be a date written YYYY-MM-DD, not \"2026-13-01\"",
        f"{where}.requests[0].work: must be true or false, not \"yes\"",
        f"{where}.requests[0].weight: must be at least 0, not -2",
        f"{where}.requests[1]: missing required field date",
        f"{where}.requests[1]: missing required field work",
    ]


def test_a_staff_count_of_zero_needs_a_weight():
    found = problems(with_rules({}, [{"skill": "mediation_numerique", "count": 0},
                                     {"skill": "mediation_numerique", "count": 2, "under_weight": -1}]))
    assert found == ["$.needs[0].staff[0].count: must be at least 1, not 0",
                     "$.needs[0].staff[1].under_weight: must be at least 0, not -1"]
    assert schema_errors(with_rules({}, [{"skill": "mediation_numerique", "count": 0}])) != []
    assert schema_errors(with_rules({}, [{"skill": "mediation_numerique", "count": 0,
                                          "over_weight": 1}])) == []


def test_requests_outside_the_horizon_are_kept():
    rules = {"requests": [{"date": "2027-01-04", "work": True}]}
    scenario = scenario_from_dict(with_rules(rules))
    assert scenario.facilitators[0].rostering.requests[0].date == date(2027, 1, 4)


# --- cells of a workbook ---------------------------------------------------------------------

def test_cells_read_the_forgiving_forms_and_write_the_canonical_one():
    assert STAFF.read("infirmier x3 under 100 over 1; accueil>=2 over 5") == [
        {"skill": "infirmier", "count": 3, "under_weight": 100, "over_weight": 1},
        {"skill": "accueil", "level": 2, "over_weight": 5}]
    assert SUCCESSIONS.read("soiree -> matin; nuit -> matin, journee") == {
        "soiree": ["matin"], "nuit": ["matin", "journee"]}
    assert REQUESTS.read("work 2026-03-03 soiree x2; Repos 04/03/2026") == [
        {"date": "2026-03-03", "work": True, "kind": "soiree", "weight": 2},
        {"date": "2026-03-04", "work": False}]
    assert SUCCESSIONS.write({"a b": ["x2", "c;d"]}) == '"a b" -> x2 "c;d"'
    assert REQUESTS.write([{"date": "2026-03-03", "kind": "x2", "work": False, "weight": 1}]) \
        == 'off 2026-03-03 "x2"'


@pytest.mark.parametrize("codec, text", [
    (SUCCESSIONS, "soiree matin"), (SUCCESSIONS, "soiree ->"), (REQUESTS, "maybe 2026-03-03"),
])
def test_unreadable_cells_say_what_to_write(codec, text):
    with pytest.raises(CellError):
        codec.read(text)


@st.composite
def rostering_scenarios(draw):
    """A workbook-friendly scenario whose facilitators have rules and needs have targets."""
    scenario = draw(sheet_scenarios())
    kinds = [need.kind for need in scenario.needs if need.kind and need.kind.strip()] + \
        draw(st.lists(idents, max_size=2))
    kind = st.sampled_from(kinds) if kinds else idents
    horizon = scenario.network.dates

    def rules():
        low, high = sorted(draw(st.lists(st.integers(1, 9), min_size=2, max_size=2)))
        return Rostering(
            draw(st.none() | st.just(low)), draw(st.none() | st.just(high)),
            draw(st.none() | st.integers(1, 4)), draw(st.none() | st.integers(0, 3)),
            draw(st.dictionaries(kind, st.integers(0, 9), max_size=2)),
            {k: tuple(v) for k, v in draw(st.dictionaries(
                kind, st.lists(kind, min_size=1, max_size=2, unique=True), max_size=2)).items()},
            draw(st.none() | st.just(low * 60)), draw(st.none() | st.just(high * 600)),
            tuple(RosteringRequest(draw(st.sampled_from(horizon)
                                        | st.just(horizon[0] + timedelta(days=400))),
                                   draw(st.booleans()), draw(st.none() | kind),
                                   draw(st.integers(0, 3)))
                  for _ in range(draw(st.integers(0, 3)))),
            extra=draw(st.none() | st.just({"source": "curtois"})))

    def targeted(line: StaffLine) -> StaffLine:
        under, over = draw(st.none() | st.integers(0, 100)), draw(st.none() | st.integers(0, 5))
        count = line.count if under is None and over is None else draw(st.integers(0, 3))
        return replace(line, count=count, under_weight=under, over_weight=over)

    return replace(
        scenario,
        facilitators=tuple(replace(f, rostering=rules()) for f in scenario.facilitators),
        needs=tuple(replace(n, staff=tuple(map(targeted, n.staff))) for n in scenario.needs))


ROUND_TRIPS = settings(max_examples=25, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow,
                                              HealthCheck.function_scoped_fixture])


@ROUND_TRIPS
@given(rostering_scenarios())
def test_rules_survive_json_and_are_schema_valid(scenario):
    written = scenario_to_dict(scenario)
    assert scenario_from_dict(written) == scenario
    assert scenario_to_dict(scenario_from_dict(written)) == written
    assert schema_errors(written) == []


@ROUND_TRIPS
@given(rostering_scenarios())
def test_rules_survive_the_workbook_and_the_csv_folder(tmp_path, scenario):
    write_xlsx(scenario, tmp_path / "scenario.xlsx")
    assert read_xlsx(tmp_path / "scenario.xlsx") == scenario
    write_csv_folder(scenario, tmp_path / "scenario")
    assert read_csv_folder(tmp_path / "scenario") == scenario


def test_workbook_problems_name_the_rostering_cells(tmp_path):
    scenario = make_scenario(facilitators=[make_facilitator(rostering=Rostering(
        max_weekends=1))], needs=[make_need(staff=[staff_line(("animation", 1, 2))])])
    write_csv_folder(scenario, tmp_path / "csv")
    path = tmp_path / "csv" / "facilitators.csv"
    text = path.read_text(encoding="utf-8-sig").replace(",1,", ",-1,")
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(InvalidInput) as caught:
        read_csv_folder(tmp_path / "csv")
    assert [p.render() for p in caught.value.problems] == [
        "file facilitators.csv, row 2, column rostering_max_weekends: must be at least 0, not -1"]
