"""Rule 8: the booked room fits the need, is open, hosts one thing at a time; the site agrees."""

from factories import (make_assignment, make_need, make_plan, make_room, make_scenario,
                       make_site)

from pooling.referee import check_plan


def found(scenario, plan):
    return [(v.rule, v.ids) for v in check_plan(scenario, plan).violations]


def with_rooms(*rooms, needs=None):
    """Sites S1 and S2 (20 min apart) and the given rooms; the facilitator may go anywhere."""
    return make_scenario(sites=[make_site("S1"), make_site("S2")],
                         travel_minutes={("S2", "S1"): 20}, rooms=list(rooms),
                         needs=needs or [make_need()])


def test_a_fitting_open_free_room_is_valid():
    need = make_need(attendees=12, room={"features": ["sink"]})
    scenario = with_rooms(make_room(capacity=12, features=["sink", "wifi"]), needs=[need])
    assert found(scenario, make_plan([make_assignment()])) == []


def test_a_need_with_a_room_request_must_book_a_room():
    assert found(with_rooms(make_room()), make_plan([make_assignment(room=None)])) == [
        (8, ("N1",))]


def test_a_roomless_need_must_not_book_a_room():
    need = make_need(room=None)
    scenario = with_rooms(make_room(), needs=[need])
    assert found(scenario, make_plan([make_assignment(need)])) == []
    assert found(scenario, make_plan([make_assignment(need, room="R1")])) == [(8, ("N1", "R1"))]


def test_the_assignment_site_is_the_room_site_else_the_need_site():
    need = make_need(room={"at": ["S1", "S2"]})
    scenario = with_rooms(make_room("R2", site="S2"), needs=[need])
    assert found(scenario, make_plan([make_assignment(room="R2", site="S2")])) == []
    assert found(scenario, make_plan([make_assignment(room="R2", site="S1")])) == [(8, ("N1",))]
    roomless = make_need(room=None)
    scenario = with_rooms(needs=[roomless])
    assert found(scenario, make_plan([make_assignment(roomless, site="S2")])) == [(8, ("N1",))]


def test_the_room_must_be_at_a_site_the_need_accepts():
    scenario = with_rooms(make_room("R2", site="S2"))
    assert found(scenario, make_plan([make_assignment(room="R2", site="S2")])) == [
        (8, ("R2", "N1"))]


def test_the_room_must_hold_the_attendees():
    need = make_need(attendees=21)
    report = check_plan(with_rooms(make_room(capacity=20), needs=[need]),
                        make_plan([make_assignment()]))
    assert [(v.rule, v.ids, v.params["capacity"]) for v in report.violations] == [
        (8, ("R1", "N1"), 20)]


def test_the_room_must_have_every_required_feature():
    need = make_need(room={"features": ["sink", "laser"]})
    report = check_plan(with_rooms(make_room(features=["sink"]), needs=[need]),
                        make_plan([make_assignment()]))
    assert [(v.rule, v.ids, v.params["missing"]) for v in report.violations] == [
        (8, ("R1", "N1"), "laser")]


def test_room_opening_hours_as_the_spec_reads_them():
    plan = make_plan([make_assignment()])  # Monday 09:00-12:00
    cases = {
        None: True,                                                # no availability: always open
        (): False,                                                 # empty: never open
        (("mon", "08:00", "10:00"), (0, "10:00", "13:00")): True,  # touching windows merge
        (("mon", "09:30", "12:00"),): False,
        (("tue", "00:00", "24:00"),): False,
    }
    for availability, valid in cases.items():
        scenario = with_rooms(make_room(availability=availability))
        assert found(scenario, plan) == ([] if valid else [(8, ("R1", "N1"))]), availability


def test_a_room_hosts_one_assignment_at_a_time():
    needs = [make_need("N1", staff=[]), make_need("N2", staff=[], start="11:00", end="13:00"),
             make_need("N3", staff=[], start="13:00", end="14:00")]
    plan = make_plan([make_assignment(n, room="R1", facilitators=[]) for n in needs])
    assert found(with_rooms(make_room(), needs=needs), plan) == [(8, ("R1", "N1", "N2"))]


def test_a_room_wrongly_booked_by_a_roomless_need_still_counts_as_occupied():
    needs = [make_need("N1", staff=[]), make_need("N2", staff=[], room=None)]
    plan = make_plan([make_assignment(n, room="R1", facilitators=[]) for n in needs])
    assert found(with_rooms(make_room(), needs=needs), plan) == [
        (8, ("N2", "R1")), (8, ("R1", "N1", "N2"))]
