"""Random tiny networks: every plan passes the referee, and coverage per priority is the best
an exhaustive search finds (the referee judging each candidate plan)."""

from itertools import product

from factories import (make_equipment, make_facilitator, make_need, make_plan, make_room,
                       make_scenario, make_site)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solver_fixtures import solved

from pooling.domain import PRIORITIES, Assignment, Unmet
from pooling.referee import check_plan

SITES = ("S1", "S2")
HOURS = (8, 9, 10, 11, 13, 14, 16, 18)


@st.composite
def tiny_scenarios(draw):
    """Two sites 20 min apart, 2-3 people, 1-2 rooms, a unit, 2-4 fixed needs on two days."""
    people = [make_facilitator(
        f"F{i}", home_site=draw(st.sampled_from(SITES)),
        skills={"animation": draw(st.integers(1, 3))},
        max_daily_minutes=draw(st.sampled_from([240, 360, 600])),
        max_days_per_week=draw(st.sampled_from([1, 6])),
        availability=[(day, f"{draw(st.sampled_from([8, 10])):02d}:00", "20:00")
                      for day in ("mon", "tue")])
        for i in range(1, draw(st.integers(2, 3)) + 1)]
    rooms = [make_room(f"R{i}", site=SITES[i % 2], capacity=draw(st.sampled_from([5, 20])))
             for i in range(draw(st.integers(1, 2)))]
    needs = []
    for i in range(1, draw(st.integers(2, 4)) + 1):
        start = draw(st.sampled_from(HOURS))
        length = draw(st.sampled_from([1, 2, 3]))
        needs.append(make_need(
            f"N{i}", site=draw(st.sampled_from(SITES)), date=draw(st.integers(0, 1)),
            start=f"{start:02d}:00", end=f"{start + length:02d}:00",
            staff=[("animation", draw(st.integers(1, 3)), draw(st.integers(1, 2)))],
            attendees=draw(st.sampled_from([0, 10])),
            room=draw(st.sampled_from([None, {}, {"at": list(SITES)}])),
            equipment=draw(st.sampled_from([(), [("laser", 1)]])),
            priority=draw(st.sampled_from(PRIORITIES))))
    return make_scenario(sites=[make_site(s) for s in SITES], facilitators=people, rooms=rooms,
                         equipment=[make_equipment("E1", type="laser")], needs=needs,
                         travel_minutes={SITES: 20})


def options(scenario, need):
    """Every assignment of a need that could be valid on its own: people, room, unit choices."""
    count = sum(line.count for line in need.staff)
    teams = [team for team in product([f.id for f in scenario.facilitators], repeat=count)
             if list(team) == sorted(set(team))]
    rooms = [None] if need.room is None else [r for r in scenario.rooms]
    units = [tuple(u.id for u in scenario.equipment)] if need.equipment else [()]
    return [Assignment(need.id, need.date, need.start, need.end,
                       room.site if room is not None else need.site,
                       room.id if room is not None else None, team, kit)
            for team in teams for room in rooms for kit in units]


def best_coverage(scenario):
    """The lexicographically best coverage over every valid plan (depth-first, pruned as soon
    as a partial plan breaks a rule: adding assignments never repairs a broken one)."""
    needs = scenario.needs
    best = (0,) * len(PRIORITIES)

    def valid(chosen):
        unmet = [Unmet(n.id, ("-",)) for n in needs[len(chosen):]]
        assignments = [a for a in chosen if a is not None]
        unmet += [Unmet(n.id, ("-",)) for n, a in zip(needs, chosen) if a is None]
        return check_plan(scenario, make_plan(assignments, unmet)).ok

    def explore(chosen):
        nonlocal best
        if len(chosen) == len(needs):
            met = {a.need for a in chosen if a is not None}
            best = max(best, coverage(scenario, met))
            return
        for option in [None, *options(scenario, needs[len(chosen)])]:
            if option is None or valid(chosen + [option]):
                explore(chosen + [option])

    explore([])
    return best


def coverage(scenario, met):
    return tuple(sum(1 for n in scenario.needs if n.priority == p and n.id in met)
                 for p in PRIORITIES)


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(tiny_scenarios())
def test_plans_are_valid_and_cover_as_much_as_an_exhaustive_search(scenario):
    plan = solved(scenario, time_limit=5.0)
    met = {a.need for a in plan.assignments}
    assert coverage(scenario, met) == best_coverage(scenario)
