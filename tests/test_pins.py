"""The coordinator's pins: recorded in a plan, merged with the declared ones, dropped when they
no longer fit the scenario."""

from __future__ import annotations

from factories import make_facilitator, make_need, make_pin, make_plan, make_scenario
from pooling.pins import merged_pin, pinned_scenario, plan_pins, with_pins


def test_a_plan_records_pins_beside_its_other_extras():
    plan = with_pins(make_plan(extra={"timings": {"total": 1.0}}), {"N1": {"room": "R1"}})
    assert plan.extra == {"timings": {"total": 1.0}, "pins": {"N1": {"room": "R1"}}}
    assert plan_pins(plan) == {"N1": {"room": "R1"}}
    assert with_pins(plan, {}).extra == {"timings": {"total": 1.0}}
    assert plan_pins(make_plan()) == {}


def test_declared_room_date_and_start_win_people_and_units_add_up():
    declared = {"facilitators": ["F1"], "room": "R1", "extra": {"by": "site"}}
    adjusted = {"facilitators": ["F2", "F1"], "room": "R2", "date": "2026-03-02",
                "equipment": ["E1"]}
    assert merged_pin(declared, adjusted) == {
        "facilitators": ["F1", "F2"], "room": "R1", "date": "2026-03-02", "equipment": ["E1"],
        "extra": {"by": "site"}}
    assert merged_pin(None, {"start": "09:00"}) == {"start": "09:00"}


def test_pins_that_no_longer_fit_are_dropped_and_named():
    scenario = make_scenario(
        facilitators=[make_facilitator("F1"), make_facilitator("F2")],
        needs=[make_need("N1"), make_need("N2", pinned=make_pin(facilitators=["F2"]))])
    pinned, dropped = pinned_scenario(scenario, {
        "N1": {"facilitators": ["F1"]},
        "N2": {"facilitators": ["F9"]},
        "N7": {"facilitators": ["F1"]},
    })
    assert pinned.needs[0].pinned.facilitators == ("F1",)
    assert pinned.needs[1].pinned.facilitators == ("F2",), "the declared pin stays as it was"
    assert dropped == ["N7", "N2"]
