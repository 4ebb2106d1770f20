"""Rule 1 (every need once, ids exist, unmet needs say why) and rule 2 (dates and times)."""

from factories import (make_assignment, make_need, make_network, make_plan, make_scenario,
                       make_unmet)

from pooling.referee import check_plan


def found(scenario, plan):
    return [(v.rule, v.ids) for v in check_plan(scenario, plan).violations]


# --- rule 1 ----------------------------------------------------------------------------------

def test_a_plan_naming_every_need_once_is_valid():
    scenario = make_scenario(needs=[make_need("N1"), make_need("N2", date=1)])
    plan = make_plan([make_assignment("N1")], [make_unmet("N2")])
    report = check_plan(scenario, plan)
    assert report.ok and report.violations == [] and report.lines() == []


def test_a_forgotten_need_breaks_rule_1():
    assert found(make_scenario(), make_plan()) == [(1, ("N1",))]


def test_a_need_both_assigned_and_unmet_breaks_rule_1():
    assert found(make_scenario(), make_plan([make_assignment()], [make_unmet()])) == [(1, ("N1",))]


def test_a_need_unmet_twice_breaks_rule_1():
    report = check_plan(make_scenario(), make_plan([], [make_unmet(), make_unmet()]))
    assert [(v.rule, v.ids, v.params["total"]) for v in report.violations] == [(1, ("N1",), 2)]


def test_an_assignment_of_an_unknown_need_breaks_rule_1_and_nothing_else():
    plan = make_plan([make_assignment(), make_assignment("N9", facilitators=["F7"], room="R7")])
    assert found(make_scenario(), plan) == [(1, ("N9",)), (1, ("N9", "R7")), (1, ("N9", "F7"))]


def test_unknown_facilitator_room_site_and_unit_each_break_rule_1():
    plan = make_plan([make_assignment(site="S9", room="R9", facilitators=["F9"],
                                      equipment=["E9"])])
    need = make_need(equipment=[("projector", 1)])
    assert found(make_scenario(needs=[need]), plan) == [
        (1, ("N1", "S9")), (1, ("N1", "R9")), (1, ("N1", "F9")), (1, ("N1", "E9"))]


def test_an_unmet_entry_of_an_unknown_need_breaks_rule_1():
    plan = make_plan([make_assignment()], [make_unmet("N9")])
    assert found(make_scenario(), plan) == [(1, ("N9",))]


def test_an_unmet_need_without_a_non_empty_reason_breaks_rule_1():
    for reasons in ([], [""], ["  ", ""]):
        assert found(make_scenario(), make_plan([], [make_unmet(reasons=reasons)])) == [
            (1, ("N1",))]


# --- rule 2 ----------------------------------------------------------------------------------

def test_a_fixed_need_must_keep_its_date_and_times():
    scenario = make_scenario()
    assert found(scenario, make_plan([make_assignment()])) == []
    for change in ({"date": 1}, {"start": "09:15"}, {"end": "12:15"}):
        assert found(scenario, make_plan([make_assignment(**change)])) == [(2, ("N1",))]


def flexible_scenario(**network):
    need = make_need(days=[0, 2], window_start="09:00", window_end="18:00",
                     duration_minutes=120)
    return make_scenario(network=make_network(**network), needs=[need])


def test_a_flexible_need_may_sit_anywhere_on_the_grid_inside_its_days_and_window():
    scenario = flexible_scenario()
    for date, start, end in ((0, "09:00", "11:00"), (2, "16:00", "18:00"), (2, "13:15", "15:15")):
        assert found(scenario, make_plan([make_assignment(date=date, start=start, end=end)])) == []


def test_a_flexible_need_on_another_day_breaks_rule_2():
    plan = make_plan([make_assignment(date=1, start="09:00", end="11:00")])
    assert found(flexible_scenario(), plan) == [(2, ("N1",))]


def test_a_flexible_need_outside_its_window_breaks_rule_2():
    for start, end in (("08:45", "10:45"), ("16:15", "18:15")):
        plan = make_plan([make_assignment(date=0, start=start, end=end)])
        assert found(flexible_scenario(), plan) == [(2, ("N1",))]


def test_a_flexible_need_of_the_wrong_duration_breaks_rule_2():
    plan = make_plan([make_assignment(date=0, start="09:00", end="10:00")])
    report = check_plan(flexible_scenario(), plan)
    assert [(v.rule, v.ids, v.params) for v in report.violations] == [
        (2, ("N1",), {"minutes": 60, "duration": 120})]


def test_a_flexible_need_off_the_slot_grid_breaks_rule_2():
    plan = make_plan([make_assignment(date=0, start="09:10", end="11:10")])
    assert found(flexible_scenario(slot_minutes=15), plan) == [(2, ("N1",))]
    assert found(flexible_scenario(slot_minutes=10), plan) == []
