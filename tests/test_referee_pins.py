"""Rule 10: everything pinned is in the assignment as pinned, and a pinned need is met."""

from factories import (make_assignment, make_equipment, make_facilitator, make_need, make_plan,
                       make_room, make_scenario, make_unmet)

from pooling.referee import check_plan


def found(scenario, plan):
    return [(v.rule, v.ids) for v in check_plan(scenario, plan).violations]


def pinned(**pin):
    """Two people, two rooms, two projectors; N1 is flexible on Monday or Tuesday."""
    need = make_need(days=[0, 1], window_start="09:00", window_end="18:00", duration_minutes=120,
                     equipment=[("projector", 1)], pinned=pin)
    return make_scenario(facilitators=[make_facilitator("F1"), make_facilitator("F2")],
                         rooms=[make_room("R1"), make_room("R2")],
                         equipment=[make_equipment("E1"), make_equipment("E2")], needs=[need])


def placed(**kw):
    kw.setdefault("date", 0)
    kw.setdefault("start", "09:00")
    kw.setdefault("end", "11:00")
    kw.setdefault("equipment", ["E1"])
    return make_plan([make_assignment(**kw)])


def test_a_plan_keeping_every_pin_is_valid():
    scenario = pinned(facilitators=["F1"], room="R1", equipment=["E1"], date=0, start="09:00")
    assert found(scenario, placed()) == []


def test_an_empty_pin_still_requires_the_need_to_be_met():
    assert found(pinned(), placed()) == []
    assert found(pinned(), make_plan([], [make_unmet()])) == [(10, ("N1",))]


def test_a_pinned_facilitator_must_serve():
    assert found(pinned(facilitators=["F2"]), placed()) == [(10, ("N1", "F2"))]


def test_other_facilitators_may_join_the_pinned_ones():
    need = make_need(staff=[("animation", 1, 2)], pinned={"facilitators": ["F2"]})
    scenario = make_scenario(facilitators=[make_facilitator("F1"), make_facilitator("F2")],
                             needs=[need])
    assert found(scenario, make_plan([make_assignment(facilitators=["F1", "F2"])])) == []


def test_the_pinned_room_must_be_booked():
    assert found(pinned(room="R2"), placed()) == [(10, ("N1", "R2"))]


def test_a_pinned_unit_must_be_used():
    assert found(pinned(equipment=["E2"]), placed()) == [(10, ("N1", "E2"))]


def test_the_pinned_date_must_be_kept():
    assert found(pinned(date=1), placed()) == [(10, ("N1",))]
    assert found(pinned(date=1), placed(date=1)) == []


def test_the_pinned_start_must_be_kept():
    assert found(pinned(start="10:00"), placed()) == [(10, ("N1",))]
    assert found(pinned(start="10:00"), placed(start="10:00", end="12:00")) == []
