"""One test per hard rule: the engine keeps it where the tempting choice would break it.

The temptation is usually a preferred facilitator (a soft wish) whom the rule forbids; every
plan is also judged by the referee (`solved`).
"""

import pytest
from factories import (make_equipment, make_facilitator, make_need, make_room, make_scenario,
                       make_site)
from solver_fixtures import assignment, reason_ids, solved, two_sites, unmet_ids

from pooling.errors import InvalidInput
from pooling.planning import solve_scenario

F1_FIRST = {"preferred_facilitators": ["F1"]}


def pair(**kw):
    """F1 and F2 alike (animation 2, home S1): a need goes to F2 only when F1 may not take it."""
    return [make_facilitator("F1", **kw), make_facilitator("F2")]


def served_by(plan, need):
    return assignment(plan, need).facilitators


# --- rule 1 ----------------------------------------------------------------------------------

def test_every_need_is_met_or_unmet_with_a_reason():
    needs = [make_need("N1", room=None), make_need("N2", room=None, start="13:00", end="15:00"),
             make_need("N3", room=None, staff=[("soudure", 1)])]
    plan = solved(two_sites(needs=needs, facilitators=pair()))
    assert sorted(a.need for a in plan.assignments) == ["N1", "N2"]
    assert unmet_ids(plan) == ["N3"]
    assert plan.unmet[0].reasons == (
        "only 0 facilitator(s) have skill soudure at level 1 or above; 1 needed",)


# --- rule 2 ----------------------------------------------------------------------------------

def test_a_flexible_need_gets_a_time_on_its_days_inside_its_window_on_the_grid():
    person = make_facilitator("F1", availability=[("tue", "14:00", "17:00")])
    need = make_need("N1", room=None, days=[0, 1], window_start="09:00", window_end="18:00",
                     duration_minutes=120)
    placed = assignment(solved(two_sites(needs=[need], facilitators=[person])), "N1")
    assert placed.date.weekday() == 1
    assert 14 * 60 <= placed.start and placed.end <= 17 * 60
    assert placed.end - placed.start == 120 and placed.start % 15 == 0


# --- rule 3 ----------------------------------------------------------------------------------

def test_people_are_matched_to_lines_so_that_every_line_is_filled():
    people = [make_facilitator("F1", skills={"animation": 1, "reparation": 1}),
              make_facilitator("F2", skills={"animation": 3})]
    need = make_need("N1", room=None, staff=[("animation", 1), ("reparation", 1)])
    plan = solved(two_sites(needs=[need], facilitators=people))
    assert sorted(served_by(plan, "N1")) == ["F1", "F2"]


# --- rule 4 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("wish", [
    {"unavailable": [(0, "10:00", "11:00")]},
    {"availability": [("mon", "10:00", "20:00")]},
    {"sites": ["S1"]},
])
def test_a_preferred_facilitator_who_may_not_work_then_or_there_is_not_used(wish):
    need = make_need("N1", site="S2", room=None, **F1_FIRST)
    plan = solved(two_sites(needs=[need], facilitators=pair(**wish)))
    assert served_by(plan, "N1") == ("F2",)


# --- rule 5 ----------------------------------------------------------------------------------

def test_one_person_is_never_in_two_places_at_once():
    needs = [make_need("N1", room=None, **F1_FIRST),
             make_need("N2", site="S2", room=None, start="11:00", end="13:00", **F1_FIRST)]
    plan = solved(two_sites(needs=needs, facilitators=pair()))
    assert {served_by(plan, "N1"), served_by(plan, "N2")} == {("F1",), ("F2",)}


def test_consecutive_needs_at_different_sites_leave_the_travel_time():
    needs = [make_need("N1", room=None, start="09:00", end="10:00", **F1_FIRST),
             make_need("N2", site="S2", room=None, start="10:15", end="11:00", **F1_FIRST)]
    plan = solved(two_sites(needs=needs, facilitators=pair()))
    assert {served_by(plan, "N1"), served_by(plan, "N2")} == {("F1",), ("F2",)}


# --- rule 6 ----------------------------------------------------------------------------------

def both_to_one_person(needs, **wish):
    plan = solved(two_sites(needs=needs, facilitators=pair(**wish),
                            sites=[make_site("S1"), make_site("S2"), make_site("S3")],
                            travel_minutes={("S1", "S2"): 30, ("S1", "S3"): 30,
                                            ("S2", "S3"): 40}))
    return {served_by(plan, n.id) for n in needs}


def test_worked_time_counts_travel_between_sites_against_the_daily_maximum():
    needs = [make_need("N1", room=None, start="08:00", end="11:00", **F1_FIRST),
             make_need("N2", site="S2", room=None, start="13:00", end="16:00", **F1_FIRST)]
    assert both_to_one_person(needs, max_daily_minutes=370) == {("F1",), ("F2",)}


def test_the_weekly_maximum_holds():
    needs = [make_need("N1", room=None, **F1_FIRST),
             make_need("N2", room=None, date=1, **F1_FIRST)]
    assert both_to_one_person(needs, weekly_minutes={"max": 300}) == {("F1",), ("F2",)}


def test_the_days_per_week_hold():
    needs = [make_need("N1", room=None, **F1_FIRST),
             make_need("N2", room=None, date=1, **F1_FIRST)]
    assert both_to_one_person(needs, max_days_per_week=1) == {("F1",), ("F2",)}


def test_the_daily_travel_cap_counts_the_commute():
    needs = [make_need("N1", site="S2", room=None, start="09:00", end="10:00", **F1_FIRST),
             make_need("N2", site="S3", room=None, start="14:00", end="15:00", **F1_FIRST)]
    assert both_to_one_person(needs, max_daily_travel_minutes=90) == {("F1",), ("F2",)}


def test_six_hours_without_a_20_minute_break_are_not_given():
    needs = [make_need("N1", room=None, start="09:00", end="12:30", **F1_FIRST),
             make_need("N2", room=None, start="12:40", end="16:00", **F1_FIRST)]
    assert both_to_one_person(needs) == {("F1",), ("F2",)}


def test_one_person_may_chain_needs_with_breaks():
    needs = [make_need("N1", room=None, start="09:00", end="12:30", **F1_FIRST),
             make_need("N2", room=None, start="12:50", end="16:00", **F1_FIRST)]
    assert both_to_one_person(needs) == {("F1",)}


# --- rule 7 ----------------------------------------------------------------------------------

def test_eleven_hours_of_rest_lie_between_two_worked_days():
    needs = [make_need("N1", room=None, start="18:00", end="22:00", **F1_FIRST),
             make_need("N2", room=None, date=1, start="07:00", end="09:00", **F1_FIRST)]
    people = pair(availability=[(day, "06:00", "23:00") for day in ("mon", "tue")])
    people[1] = make_facilitator("F2", availability=[(day, "06:00", "23:00")
                                                     for day in ("mon", "tue")])
    plan = solved(two_sites(needs=needs, facilitators=people))
    assert {served_by(plan, "N1"), served_by(plan, "N2")} == {("F1",), ("F2",)}


# --- rule 8 ----------------------------------------------------------------------------------

def test_the_room_fits_the_attendees_and_features_at_an_allowed_site():
    rooms = [make_room("R1", capacity=10, features=["ecran"]),
             make_room("R2", capacity=30),
             make_room("R3", site="S2", capacity=20, features=["ecran"])]
    need = make_need("N1", attendees=15, room={"features": ["ecran"], "at": ["S1", "S2"]})
    placed = assignment(solved(two_sites(needs=[need], facilitators=pair(), rooms=rooms)), "N1")
    assert (placed.room, placed.site) == ("R3", "S2")


def test_a_room_is_open_for_the_whole_need_and_hosts_one_need_at_a_time():
    rooms = [make_room("R1"), make_room("R2", availability=[("mon", "10:00", "20:00")])]
    needs = [make_need("N1"), make_need("N2")]
    plan = solved(two_sites(needs=needs, facilitators=pair(), rooms=rooms))
    assert [a.room for a in plan.assignments] == ["R1"]
    assert reason_ids(plan, unmet_ids(plan)[0]) == [
        "on {when}, every suitable room at {sites} is booked by {needs}"]


# --- rule 9 ----------------------------------------------------------------------------------

def test_the_only_laser_cutter_serves_one_need_at_a_time():
    needs = [make_need("N1", room=None, equipment=[("laser", 1)], priority="high"),
             make_need("N2", room=None, equipment=[("laser", 1)])]
    plan = solved(two_sites(needs=needs, facilitators=pair(),
                            equipment=[make_equipment("E1", type="laser")]))
    assert unmet_ids(plan) == ["N2"]
    assert plan.unmet[0].reasons == (
        "on 2026-03-02 09:00-12:00, the 1 usable laser are used by N1 (high) "
        "(or cannot travel in time)",)


def test_a_unit_travels_between_uses_and_an_immobile_one_stays_home():
    units = [make_equipment("E1", type="laser"),
             make_equipment("E2", type="kiln", home_site="S2", mobile=False)]
    needs = [make_need("N1", room=None, start="09:00", end="10:00", equipment=[("laser", 1)]),
             make_need("N2", site="S2", room=None, start="10:15", end="11:00",
                       equipment=[("laser", 1)]),
             make_need("N3", room=None, start="14:00", end="15:00", equipment=[("kiln", 1)])]
    plan = solved(two_sites(needs=needs, facilitators=pair(), equipment=units))
    assert len(plan.assignments) == 1 and sorted(unmet_ids(plan))[-1] == "N3"
    assert reason_ids(plan, "N3") == [
        "needs {count} {type} at {sites} but only {found} may be used there (the others are "
        "not mobile)"]


# --- rule 10 ---------------------------------------------------------------------------------

def test_pins_override_wishes():
    rooms = [make_room("R1"), make_room("R2")]
    needs = [make_need("N1", pinned={"facilitators": ["F2"], "room": "R2"}, **F1_FIRST),
             make_need("N2", days=[0, 1, 2], window_start="09:00", window_end="17:00",
                       duration_minutes=60, pinned={"date": 2, "start": "15:00"})]
    plan = solved(two_sites(needs=needs, facilitators=pair(), rooms=rooms))
    first, second = assignment(plan, "N1"), assignment(plan, "N2")
    assert (first.facilitators, first.room) == (("F2",), "R2")
    assert (second.date.isoformat(), second.start) == ("2026-03-04", 15 * 60)


def test_conflicting_pins_are_an_error_naming_the_pins_and_the_rule():
    needs = [make_need("N1", room=None, pinned={"facilitators": ["F1"]}),
             make_need("N2", room=None, start="11:00", end="13:00",
                       pinned={"facilitators": ["F1"]}),
             make_need("N3", room=None, start="15:00", end="16:00")]
    with pytest.raises(InvalidInput) as raised:
        solve_scenario(two_sites(needs=needs, facilitators=pair()), workers=1, time_limit=5)
    assert [(p.where, p.text()) for p in raised.value.problems] == [
        ("$.needs[0].pinned", "the pins of N1, N2 cannot all hold together"),
        ("$.needs[0].pinned", "rule 5: F1 would serve N2 (normal), N1 (normal) at overlapping "
                              "times")]


def test_a_pin_that_cannot_hold_alone_says_why():
    need = make_need("N1", room=None, pinned={"facilitators": ["F1"]})
    scenario = make_scenario(needs=[need], rooms=[],
                             facilitators=[make_facilitator("F1", skills={"accueil": 1})])
    with pytest.raises(InvalidInput) as raised:
        solve_scenario(scenario, workers=1, time_limit=5)
    assert [p.text("fr") for p in raised.value.problems] == [
        "le besoin N1 est épinglé mais ne peut pas être satisfait tel qu'épinglé",
        "l'animateur épinglé F1 n'a aucune des compétences demandées",
        "seulement 0 animateur(s) ont la compétence animation au niveau 1 ou plus ; il en faut 1"]


def test_pins_first_fit_cannot_seat_together_are_solved_together():
    """First fit gives N1's second seat to F2, whom N2 pins: CP-SAT then places both."""
    people = [make_facilitator("F1"), make_facilitator("F2"),
              make_facilitator("F3", skills={"animation": 1, "reparation": 1}),
              make_facilitator("F4")]
    needs = [make_need("N1", room=None, staff=[("animation", 1, 2)],
                       pinned={"facilitators": ["F1"]}),
             make_need("N2", room=None, staff=[("animation", 1), ("reparation", 1)],
                       pinned={"facilitators": ["F2"]})]
    plan = solved(two_sites(needs=needs, facilitators=people))
    assert sorted(served_by(plan, "N1")) == ["F1", "F4"]
    assert sorted(served_by(plan, "N2")) == ["F2", "F3"]
