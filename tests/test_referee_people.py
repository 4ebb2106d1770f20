"""Rules 3 (staffing), 4 (availability and allowed sites) and 5 (overlap and travel gaps)."""

from factories import (make_assignment, make_facilitator, make_need, make_network, make_plan,
                       make_room, make_scenario, make_site)

from pooling.referee import check_plan


def found(scenario, plan):
    return [(v.rule, v.ids) for v in check_plan(scenario, plan).violations]


def two_sites(**kw):
    """Sites S1 and S2, 30 min apart; needs without rooms, so only people matter."""
    kw.setdefault("sites", [make_site("S1"), make_site("S2")])
    kw.setdefault("travel_minutes", {("S1", "S2"): 30})
    kw.setdefault("rooms", [])
    return make_scenario(**kw)


# --- rule 3 ----------------------------------------------------------------------------------

def test_a_matching_of_people_to_lines_is_found_where_greedy_would_fail():
    need = make_need(room=None, staff=[("animation", 2), ("fabrication", 1)])
    people = [make_facilitator("F1", skills={"animation": 2, "fabrication": 1}),
              make_facilitator("F2", skills={"animation": 3})]
    plan = make_plan([make_assignment(need, facilitators=["F1", "F2"])])
    assert found(two_sites(needs=[need], facilitators=people), plan) == []


def test_people_who_cannot_fill_every_line_break_rule_3():
    need = make_need(room=None, staff=[("animation", 2), ("fabrication", 1)])
    people = [make_facilitator("F1", skills={"animation": 3}),
              make_facilitator("F2", skills={"animation": 2, "fabrication": 0})]
    plan = make_plan([make_assignment(need, facilitators=["F1", "F2"])])
    report = check_plan(two_sites(needs=[need], facilitators=people), plan)
    assert [(v.rule, v.ids, v.params) for v in report.violations] == [
        (3, ("N1", "F1", "F2"), {"missing": "fabrication >= 1 x1"})]


def test_a_level_below_the_line_breaks_rule_3():
    need = make_need(room=None, staff=[("animation", 3)])
    assert found(two_sites(needs=[need]), make_plan([make_assignment(need)])) == [
        (3, ("N1", "F1"))]


def test_a_facilitator_listed_twice_breaks_rule_3():
    need = make_need(room=None, staff=[("animation", 1, 2)])
    report = check_plan(two_sites(needs=[need]),
                        make_plan([make_assignment(need, facilitators=["F1", "F1"])]))
    assert {(v.rule, v.ids, v.message) for v in report.violations} == {
        (3, ("N1", "F1"), "facilitator {facilitator} is listed {times} times"),
        (3, ("N1", "F1"), "no matching of the facilitators to the staff lines fills {missing}")}


def test_more_or_fewer_people_than_the_counts_break_rule_3():
    need = make_need(room=None, staff=[("animation", 1, 2)])
    people = [make_facilitator(f) for f in ("F1", "F2", "F3")]
    scenario = two_sites(needs=[need], facilitators=people)
    assert found(scenario, make_plan([make_assignment(need, facilitators=["F1", "F2"])])) == []
    too_many = make_plan([make_assignment(need, facilitators=["F1", "F2", "F3"])])
    assert found(scenario, too_many) == [(3, ("N1",))]
    too_few = make_plan([make_assignment(need, facilitators=["F1"])])
    assert found(scenario, too_few) == [(3, ("N1",)), (3, ("N1", "F1"))]


def test_a_need_without_staff_takes_nobody():
    need = make_need(room=None, staff=[])
    scenario = two_sites(needs=[need])
    assert found(scenario, make_plan([make_assignment(need, facilitators=[])])) == []
    assert found(scenario, make_plan([make_assignment(need)])) == [(3, ("N1",))]


# --- rule 4 ----------------------------------------------------------------------------------

def test_work_outside_availability_breaks_rule_4():
    need = make_need(room=None, start="07:00", end="10:00")
    assert found(two_sites(needs=[need]), make_plan([make_assignment(need)])) == [
        (4, ("F1", "N1"))]


def test_touching_windows_merge_into_one_availability():
    need = make_need(room=None, start="09:00", end="12:00")
    person = make_facilitator(availability=[("mon", "08:00", "10:00"), (0, "10:00", "12:00")])
    plan = make_plan([make_assignment(need)])
    assert found(two_sites(needs=[need], facilitators=[person]), plan) == []
    apart = make_facilitator(availability=[("mon", "08:00", "10:00"), (0, "10:15", "12:00")])
    assert found(two_sites(needs=[need], facilitators=[apart]), plan) == [(4, ("F1", "N1"))]


def test_weekday_windows_hold_in_every_week_and_dated_windows_on_their_date_only():
    needs = [make_need("N1", room=None, date=7), make_need("N2", room=None, date=14)]
    person = make_facilitator(availability=[("mon", "09:00", "12:00")])
    scenario = two_sites(network=make_network(days=21), needs=needs, facilitators=[person])
    plan = make_plan([make_assignment(n) for n in needs])
    assert found(scenario, plan) == []
    dated = make_facilitator(availability=[(7, "09:00", "12:00")])
    scenario = two_sites(network=make_network(days=21), needs=needs, facilitators=[dated])
    assert found(scenario, plan) == [(4, ("F1", "N2"))]


def test_an_empty_availability_means_never_available():
    need = make_need(room=None)
    scenario = two_sites(needs=[need], facilitators=[make_facilitator(availability=[])])
    assert found(scenario, make_plan([make_assignment(need)])) == [(4, ("F1", "N1"))]


def test_unavailable_periods_read_as_the_spec_says():
    need = make_need(room=None, start="09:00", end="12:00")
    plan = make_plan([make_assignment(need)])
    cases = {
        "mon": False,                         # whole day
        ("mon", "11:45", None): False,        # only start: until 24:00
        ("mon", "12:00", None): True,         # touching is not overlapping
        ("mon", None, "09:15"): False,        # only end: from 00:00
        ("mon", None, "09:00"): True,
        (1, None, None): True,                # another date
        (0, "10:00", "10:15"): False,
    }
    for unavailable, valid in cases.items():
        person = make_facilitator(unavailable=[unavailable])
        expected = [] if valid else [(4, ("F1", "N1"))]
        assert found(two_sites(needs=[need], facilitators=[person]), plan) == expected, unavailable


def test_a_facilitator_may_only_work_at_the_contract_sites():
    need = make_need(room=None, site="S2")
    plan = make_plan([make_assignment(need)])
    for sites, valid in ((None, True), (["S1", "S2"], True), (["S1"], False), ([], False)):
        scenario = two_sites(needs=[need], facilitators=[make_facilitator(sites=sites)])
        assert found(scenario, plan) == ([] if valid else [(4, ("F1", "N1"))]), sites


def test_the_activity_site_is_the_booked_room_site():
    need = make_need(room={"at": ["S1", "S2"]})
    scenario = two_sites(needs=[need], facilitators=[make_facilitator(sites=["S1"])],
                         rooms=[make_room("R2", site="S2")])
    plan = make_plan([make_assignment(need, room="R2", site="S2")])
    assert found(scenario, plan) == [(4, ("F1", "N1"))]


# --- rule 5 ----------------------------------------------------------------------------------

def day_of_two(second_site="S1", second_start="12:00", second_end="14:00", **kw):
    needs = [make_need("N1", room=None, start="09:00", end="12:00"),
             make_need("N2", room=None, site=second_site, start=second_start, end=second_end)]
    return two_sites(needs=needs, **kw), make_plan([make_assignment(n) for n in needs])


def test_touching_assignments_at_one_site_are_fine():
    assert found(*day_of_two()) == []


def test_overlapping_assignments_break_rule_5():
    report = check_plan(*day_of_two(second_start="11:45"))
    assert [(v.rule, v.ids) for v in report.violations] == [(5, ("F1", "N1", "N2"))]
    assert report.lines() == [
        "rule 5 [F1, N1, N2]: assignments overlap on 2026-03-02: 09:00-12:00 and 11:45-14:00"]


def test_every_overlapping_pair_is_reported_not_only_neighbours():
    needs = [make_need("N1", room=None, start="09:00", end="13:00"),
             make_need("N2", room=None, start="10:00", end="11:00"),
             make_need("N3", room=None, start="12:00", end="14:00")]
    plan = make_plan([make_assignment(n) for n in needs])
    assert found(two_sites(needs=needs), plan) == [
        (5, ("F1", "N1", "N2")), (5, ("F1", "N1", "N3"))]


def test_a_gap_shorter_than_the_travel_between_sites_breaks_rule_5():
    assert found(*day_of_two("S2", "12:30", "14:00")) == []
    assert found(*day_of_two("S2", "12:15", "14:00")) == [(5, ("F1", "N1", "N2"))]


def test_the_travel_gap_applies_between_direct_neighbours_only():
    needs = [make_need("N1", room=None, site="S2", start="09:00", end="10:00"),
             make_need("N2", room=None, site="S2", start="10:00", end="11:00"),
             make_need("N3", room=None, site="S1", start="11:15", end="12:00")]
    plan = make_plan([make_assignment(n) for n in needs])
    assert found(two_sites(needs=needs), plan) == [(5, ("F1", "N2", "N3"))]
