"""Rule 9: equipment units are distinct, exactly as requested, available and where they can be."""

from factories import (make_assignment, make_equipment, make_need, make_plan, make_scenario,
                       make_site)

from pooling.referee import check_plan


def found(scenario, plan):
    return [(v.rule, v.ids) for v in check_plan(scenario, plan).violations]


def kit(*units, needs=None):
    """Sites S1 and S2 (30 min apart), the given units; needs without staff or room."""
    return make_scenario(sites=[make_site("S1"), make_site("S2")],
                         travel_minutes={("S1", "S2"): 30}, rooms=[],
                         equipment=list(units), needs=needs)


def staffless(id="N1", **kw):
    return make_need(id, staff=[], room=None, **kw)


def uses(needs, *units_per_need):
    return make_plan([make_assignment(n, facilitators=[], equipment=units)
                      for n, units in zip(needs, units_per_need)])


PROJECTORS = [make_equipment("E1"), make_equipment("E2"), make_equipment("L1", type="laser")]


def test_the_exact_types_and_counts_requested_are_valid():
    need = staffless(equipment=[("projector", 2), ("laser", 1)])
    assert found(kit(*PROJECTORS, needs=[need]), uses([need], ["E2", "L1", "E1"])) == []


def test_missing_wrong_or_surplus_units_break_rule_9():
    need = staffless(equipment=[("projector", 1)])
    scenario = kit(*PROJECTORS, needs=[need])
    for units in ([], ["L1"], ["E1", "E2"], ["E1", "L1"]):
        assert found(scenario, uses([need], units)) == [(9, ("N1", *units))], units


def test_a_need_without_equipment_takes_none():
    need = staffless()
    assert found(kit(*PROJECTORS, needs=[need]), uses([need], ["E1"])) == [(9, ("N1", "E1"))]


def test_a_unit_listed_twice_breaks_rule_9():
    need = staffless(equipment=[("projector", 2)])
    report = check_plan(kit(*PROJECTORS, needs=[need]), uses([need], ["E1", "E1"]))
    assert [(v.rule, v.ids, v.params) for v in report.violations] == [
        (9, ("N1", "E1"), {"unit": "E1", "times": 2})]


def test_a_unit_serves_one_assignment_at_a_time():
    needs = [staffless("N1", equipment=[("projector", 1)]),
             staffless("N2", equipment=[("projector", 1)], start="11:00", end="13:00")]
    scenario = kit(*PROJECTORS, needs=needs)
    assert found(scenario, uses(needs, ["E1"], ["E2"])) == []
    assert found(scenario, uses(needs, ["E1"], ["E1"])) == [(9, ("E1", "N1", "N2"))]


def test_a_unit_is_not_used_while_unavailable():
    need = staffless(equipment=[("projector", 1)])
    for unavailable, valid in (("mon", False), (("mon", "11:30", None), False),
                               (("mon", None, "09:00"), True), ("tue", True)):
        scenario = kit(make_equipment(unavailable=[unavailable]), needs=[need])
        assert found(scenario, uses([need], ["E1"])) == ([] if valid else [(9, ("E1", "N1"))])


def test_an_immobile_unit_stays_at_its_home_site():
    need = staffless(site="S2", equipment=[("projector", 1)])
    assert found(kit(make_equipment(mobile=True), needs=[need]), uses([need], ["E1"])) == []
    assert found(kit(make_equipment(mobile=False), needs=[need]), uses([need], ["E1"])) == [
        (9, ("E1", "N1"))]


def test_a_unit_needs_the_travel_time_between_uses_at_different_sites():
    needs = [staffless("N1", equipment=[("projector", 1)]),
             staffless("N2", site="S2", equipment=[("projector", 1)], start="12:20", end="13:00")]
    assert found(kit(make_equipment(), needs=needs), uses(needs, ["E1"], ["E1"])) == [
        (9, ("E1", "N1", "N2"))]


def test_unit_travel_counts_across_midnight():
    needs = [staffless("N1", equipment=[("projector", 1)], start="22:00", end="24:00"),
             staffless("N2", site="S2", equipment=[("projector", 1)], date=1,
                       start="00:15", end="01:00")]
    report = check_plan(kit(make_equipment(), needs=needs), uses(needs, ["E1"], ["E1"]))
    assert [(v.rule, v.ids, v.params["gap"]) for v in report.violations] == [
        (9, ("E1", "N1", "N2"), 15)]
    needs[1] = staffless("N2", site="S2", equipment=[("projector", 1)], date=1,
                         start="00:30", end="01:00")
    assert found(kit(make_equipment(), needs=needs), uses(needs, ["E1"], ["E1"])) == []
