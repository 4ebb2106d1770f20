"""The translation between scenarios and the solver, both ways, and the solve use case."""

import ast
import json
import string
from pathlib import Path

import pytest

from factories import (make_equipment, make_facilitator, make_need, make_room, make_scenario,
                       make_site)
from solver_fixtures import solved, two_sites

from pooling.domain import DayPeriod
from pooling.planning import scenario_instance, solve_scenario
from pooling.referee import check_plan
from scenarios.demo import demo_scenario

ROOT = Path(__file__).resolve().parents[1]


def test_availability_is_the_union_of_windows_minus_unavailable_periods():
    person = make_facilitator(
        availability=[("mon", "09:00", "12:00"), ("2026-03-02", "12:00", "14:00"),
                      ("tue", "09:00", "17:00")],
        unavailable=[(0, "10:00", "11:00"), DayPeriod("2026-03-03", start=15 * 60), "wed"])
    instance = scenario_instance(make_scenario(facilitators=[person]))
    available = instance.persons[0].available
    assert available[:3] == (((540, 600), (660, 840)), ((540, 900),), ())


def test_rooms_without_availability_are_always_open_and_an_empty_list_never():
    rooms = [make_room("R1"), make_room("R2", availability=[]),
             make_room("R3", availability=[("fri", "09:00", "12:00")])]
    instance = scenario_instance(make_scenario(rooms=rooms))
    assert [r.is_open(4, 600, 660) for r in instance.rooms] == [True, False, True]
    assert [r.is_open(0, 600, 660) for r in instance.rooms] == [True, False, False]


def test_flexible_needs_get_every_start_on_the_grid_of_their_days_and_window():
    need = make_need(days=[1, 3], window_start="09:00", window_end="10:30",
                     duration_minutes=60)
    task = scenario_instance(make_scenario(needs=[need])).tasks[0]
    assert [(s.day, s.start, s.end) for s in task.slots] == [
        (1, 540, 600), (1, 555, 615), (1, 570, 630), (3, 540, 600), (3, 555, 615),
        (3, 570, 630)]


def test_travel_is_declared_or_estimated_and_symmetric():
    sites = [make_site("S1", lat=45.0, lon=2.0), make_site("S2", lat=45.1, lon=2.0),
             make_site("S3", lat=45.0, lon=2.1)]
    instance = scenario_instance(make_scenario(sites=sites, travel_minutes={("S3", "S1"): 17}))
    assert instance.travel == ((0, 15, 17), (15, 0, 18), (17, 18, 0))


def test_pins_preferences_and_requests_become_indexes():
    people = [make_facilitator("F1"), make_facilitator("F2")]
    need = make_need(equipment=[("laser", 1), ("laser", 1)], preferred_facilitators=["F2"],
                     room={"features": ["ecran"], "at": ["S2", "S1"]},
                     pinned={"facilitators": ["F2"], "date": 0, "start": "09:00"})
    scenario = two_sites(facilitators=people, needs=[need])
    task = scenario_instance(scenario).tasks[0]
    assert (task.equipment, task.preferred, task.room.at, task.room.features) == (
        (("laser", 2),), frozenset({1}), (1, 0), frozenset({"ecran"}))
    assert (task.pins.persons, task.pins.day, task.pins.start) == ((1,), 0, 540)


def test_a_previous_plan_maps_to_indexes_and_counts_what_no_longer_exists():
    scenario = two_sites(needs=[make_need()], rooms=[make_room()],
                         equipment=[make_equipment()], facilitators=[make_facilitator()])
    plan = solved(scenario)
    gone = two_sites(needs=[make_need()], rooms=[make_room()], equipment=[],
                     facilitators=[make_facilitator("F9")])
    previous = scenario_instance(gone, previous=plan).previous[0]
    assert (previous.persons, previous.room, previous.units, previous.lost) == ((), 0, (), 1)


def test_unmet_reasons_are_written_in_the_language_asked_and_kept_as_ids():
    need = make_need(room=None, staff=[("soudure", 2)])
    plan = solve_scenario(make_scenario(needs=[need]), workers=1, time_limit=1, language="fr")
    unmet = plan.unmet[0]
    assert unmet.reasons == (
        "seulement 0 animateur(s) ont la compétence soudure au niveau 2 ou plus ; il en faut 1",)
    assert unmet.extra["reasons"] == [{
        "message": "only {found} facilitator(s) have skill {skill} at level {level} or above; "
                   "{count} needed",
        "params": {"skill": "soudure", "level": 2, "count": 1,
                   "when": "2026-03-02 09:00-12:00", "found": 0}}]


def test_progress_reports_each_better_plan_and_the_kpis_agree_with_the_referee():
    reports = []
    scenario = demo_scenario()
    plan = solve_scenario(scenario, workers=1, time_limit=2, progress=reports.append)
    assert reports[0].phase == "greedy"
    assert [r.elapsed for r in reports] == sorted(r.elapsed for r in reports)
    keys = [(tuple(-m for m in r.met_by_priority), r.objective) for r in reports]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    assert reports[-1].met == len(plan.assignments) and reports[-1].total == 80
    referee = check_plan(scenario, plan).kpis
    for name in ("coverage_by_priority", "travel_minutes", "worked_minutes_by_facilitator"):
        assert plan.kpis[name] == referee[name]
    penalties = plan.kpis["penalties"]
    assert penalties["travel"]["quantity"] == referee["travel_minutes"]
    assert penalties["avoid"]["quantity"] == referee["avoid_minutes"]
    assert penalties["not_preferred"]["quantity"] == referee["preferred_missed"]
    assert penalties["contract_shortfall"]["quantity"] == referee["weekly_shortfall_minutes"]
    assert penalties["contract_target"]["quantity"] == referee["target_distance_minutes"]
    assert plan.objective == pytest.approx(sum(p["points"] for p in penalties.values()))


def test_the_greedy_baseline_gives_a_valid_plan_of_the_demo():
    plan = solved(demo_scenario(), method="greedy")
    assert plan.status == "feasible" and len(plan.assignments) > 60


def message_ids(path: Path) -> set[str]:
    """Every string marked with N_(...) in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_of_the_solver_has_a_french_translation_with_the_same_placeholders():
    french = json.loads((ROOT / "pooling/locale/fr/planning.json").read_text(encoding="utf-8"))
    messages = set().union(*(message_ids(ROOT / p) for p in (
        "solver/reasons.py", "solver/pins.py", "pooling/planning.py")))
    assert messages == set(french)
    assert all(placeholders(m) == placeholders(french[m]) for m in messages)
