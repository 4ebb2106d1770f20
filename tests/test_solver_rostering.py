"""One test per rostering rule: the engine keeps it where the tempting choice would break it.

As in `test_solver_rules`, the temptation is a preferred facilitator F1 whom the rule forbids;
F2 is alike and free. Every plan is judged by the referee (`solved`), which checks the rules
independently of the engine.
"""

import random

import pytest
from factories import day, make_facilitator, make_need, make_network
from solver_fixtures import assignment, reason_ids, solved, two_sites, unmet_ids

from pooling.domain import Rostering, RosteringRequest, StaffLine
from pooling.errors import InvalidInput
from pooling.planning import scenario_instance, solve_scenario
from pooling.referee import check_plan
from solver import lns, rosters
from solver.budget import Budget
from solver.candidates import Candidates
from solver.search import Outcome
from solver.solution import Placement
from solver.timeline import Ledger

F1_FIRST = {"preferred_facilitators": ["F1"]}
EVERY_DAY = [(name, "06:00", "23:00")
             for name in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]


def people(**rules):
    """F1 with the rostering `rules`, F2 without; both available every day 06:00-23:00."""
    return [make_facilitator("F1", availability=EVERY_DAY, rostering=Rostering(**rules)),
            make_facilitator("F2", availability=EVERY_DAY)]


def one_a_day(days, **kw):
    """A morning need on each day offset of `days`, F1 preferred."""
    return [make_need(f"N{d}", room=None, date=d, **(F1_FIRST | kw)) for d in days]


def served(needs, horizon=7, **rules):
    """Need id -> who serves it, when F1 has the `rules`."""
    scenario = two_sites(needs=needs, facilitators=people(**rules),
                         network=make_network(days=horizon))
    plan = solved(scenario)
    return {need.id: assignment(plan, need.id).facilitators for need in needs}


def days_of(serving, person="F1"):
    return sorted(int(need[1:]) for need, who in serving.items() if who == (person,))


def test_the_most_consecutive_days_hold():
    serving = served(one_a_day(range(4)), max_consecutive_days=2)
    worked = days_of(serving)
    assert not any(d + 1 in worked and d + 2 in worked for d in worked)
    assert len(worked) == 3


def test_a_lone_worked_day_inside_the_horizon_is_too_short_a_run():
    assert served(one_a_day([3]), min_consecutive_days=2) == {"N3": ("F2",)}


def test_a_run_touching_the_start_of_the_horizon_is_never_too_short():
    assert served(one_a_day([0]), min_consecutive_days=2) == {"N0": ("F1",)}


def test_the_fewest_consecutive_days_off_hold_between_two_worked_days():
    serving = served(one_a_day([1, 3]), min_consecutive_days_off=2)
    assert len(days_of(serving)) == 1


def test_the_most_weekends_hold():
    saturdays = [5, 12]
    serving = served(one_a_day(saturdays), horizon=14, max_weekends=1)
    assert len(days_of(serving)) == 1


def test_the_most_needs_of_a_kind_hold():
    serving = served(one_a_day(range(3), kind="soiree"), max_needs_by_kind={"soiree": 2})
    assert len(days_of(serving)) == 2


def test_a_kind_limited_to_zero_is_never_given():
    assert served(one_a_day([0], kind="soiree"), max_needs_by_kind={"soiree": 0}) == {
        "N0": ("F2",)}


def test_a_forbidden_succession_is_not_worked_on_the_next_day():
    needs = [make_need("N0", room=None, date=0, start="18:00", end="22:00", kind="soiree",
                       **F1_FIRST),
             make_need("N1", room=None, date=1, start="09:00", end="12:00", kind="matin",
                       **F1_FIRST)]
    serving = served(needs, forbidden_next_day={"soiree": ("matin",)})
    assert serving["N0"] != serving["N1"]


def test_the_most_worked_minutes_over_the_horizon_hold():
    serving = served(one_a_day(range(3)), max_total_minutes=400)
    assert len(days_of(serving)) == 2


def test_the_fewest_worked_minutes_over_the_horizon_hold():
    needs = one_a_day(range(3), preferred_facilitators=["F2"])
    serving = served(needs, min_total_minutes=360)
    assert len(days_of(serving)) >= 2


@pytest.mark.parametrize("work, expected", [(False, ("F2",)), (True, ("F1",))])
def test_a_weighted_request_decides_between_two_alike_people(work, expected):
    request = RosteringRequest(day(0), work=work, weight=5)
    needs = [make_need("N0", room=None, date=0)]
    assert served(needs, requests=(request,)) == {"N0": expected}


def staffing_paid(line):
    """The plan of one need with staff `line` for F1 and F2, and its staffing penalties as the
    engine and as the referee count them."""
    scenario = two_sites(needs=[make_need("N0", room=None, staff=[line])],
                         facilitators=people())
    plan = solved(scenario)
    engine = {term: plan.kpis["penalties"][term]["quantity"]
              for term in ("understaffing", "overstaffing")}
    referee = check_plan(scenario, plan).kpis["rostering_penalty_parts"]
    return plan, engine, {term: referee[term] for term in engine}


def test_a_missed_staff_target_is_paid_for_rather_than_leaving_the_need_out():
    plan, engine, referee = staffing_paid(
        StaffLine("animation", 1, 3, under_weight=10, over_weight=10))
    assert sorted(assignment(plan, "N0").facilitators) == ["F1", "F2"]
    assert engine == referee == {"understaffing": 10, "overstaffing": 0}


def test_an_extra_facilitator_is_not_given_when_it_costs():
    plan, engine, referee = staffing_paid(
        StaffLine("animation", 1, 1, under_weight=50, over_weight=10))
    assert len(assignment(plan, "N0").facilitators) == 1
    assert engine == referee == {"understaffing": 0, "overstaffing": 0}


def test_a_need_left_out_by_a_rostering_rule_says_which():
    need = make_need("N5", room=None, date=5)
    scenario = two_sites(needs=[need], facilitators=people(max_weekends=0)[:1])
    plan = solved(scenario)
    assert reason_ids(plan, "N5") == [
        "on {when}, {persons} already work as many weekends as their rostering rules allow"]



def test_a_need_only_a_too_short_run_could_serve_is_left_out_rather_than_refused():
    scenario = two_sites(needs=one_a_day([3]), facilitators=people(min_consecutive_days=2)[:1])
    assert unmet_ids(solved(scenario)) == ["N3"]


def test_a_total_minimum_nobody_can_reach_is_an_error_at_its_facilitator():
    scenario = two_sites(needs=one_a_day([0]), facilitators=people(min_total_minutes=600)[:1])
    with pytest.raises(InvalidInput) as error:
        solve_scenario(scenario, time_limit=5.0, workers=1)
    assert [problem.where for problem in error.value.problems] == ["$.facilitators[0].rostering"]


def test_a_roster_the_objective_finds_no_time_for_is_found_for_the_rules_alone(monkeypatch):
    """The mend's second try (any roster holding the rules) works on its own: the first try,
    with the plan's objective, is given no time."""
    monkeypatch.setattr(rosters, "MEND_SECONDS", 0.0)
    found = []
    roster_found = rosters.roster_found

    def recorded(*args):
        found.append(roster_found(*args))
        return found[-1]

    monkeypatch.setattr(rosters, "roster_found", recorded)
    assert served(one_a_day([3]), min_consecutive_days=2) == {"N3": ("F2",)}
    assert any(found), "no roster of F1's was mended"


@pytest.mark.parametrize("to_mend", [1, 4, 40, 400])
def test_the_mends_with_the_objective_take_at_most_their_share_of_the_time(to_mend):
    """Mending one roster after another, each with its part of what is left, leaves the
    neighbourhoods most of a 60 s solve, however many rosters there are."""
    budget = Budget(60.0, deterministic=True)
    share = budget.share(rosters.MEND_SHARE)
    for left in range(to_mend, 0, -1):
        seconds = rosters.objective_seconds(share, left)
        assert 0 < seconds <= rosters.MEND_SECONDS
        mend = share.slice(seconds)
        mend.charge(mend.remaining())
    assert budget.seconds_left() >= 60.0 * (1 - rosters.MEND_SHARE)


def test_the_people_over_a_stretch_grow_when_exhausted_and_shrink_when_fruitful_or_too_big(
        monkeypatch):
    """The size settles where about half of them improve, between its floor and its ceiling
    (lowered for a plan of 2 people x 7 days x 1 kind)."""
    monkeypatch.setattr(lns, "ROSTER_MIN_CELLS", 1)
    instance = scenario_instance(two_sites(needs=one_a_day(range(7)), facilitators=people()))
    draws = lns.Neighbourhoods(instance, Candidates(instance), random.Random(0))

    def after(proven, improved):
        before = draws.roster_cells
        draws.adapt_roster_size(Outcome({}, proven, improved, None, None))
        return draws.roster_cells / before

    assert after(proven=True, improved=False) == pytest.approx(lns.GROW)
    assert after(proven=True, improved=True) == pytest.approx(1 / lns.GROW)
    assert after(proven=False, improved=True) == pytest.approx(1 / lns.SHRINK)
    for _ in range(500):
        after(proven=True, improved=False)
    assert draws.roster_cells == draws.most_roster_cells == 7
    for _ in range(500):
        after(proven=False, improved=False)
    assert draws.roster_cells == lns.ROSTER_MIN_CELLS


def test_everyone_over_a_few_days_frees_even_those_sharing_no_task():
    """F1 and F2 serve N3 together, F3 nothing: all three are freed (not only those sharing
    a task), over `cells` // (3 people x 1 kind) days, N3 with them when its day is there."""
    line = StaffLine("animation", 1, 2, under_weight=100, over_weight=10)
    trio = [*people(), make_facilitator("F3", availability=EVERY_DAY)]
    instance = scenario_instance(two_sites(needs=one_a_day(range(7), staff=[line]),
                                           facilitators=trio))
    candidates = Candidates(instance)
    draws = lns.Neighbourhoods(instance, candidates, random.Random(0))
    n3 = next(t for t, task in enumerate(instance.tasks) if task.id == "N3")
    mode = candidates.modes[n3][0]
    ledger = Ledger(instance)
    ledger.add(Placement(n3, mode.day, mode.slot.start, mode.slot.end, mode.site, None, (0, 1)))
    for _ in range(20):
        scope = draws.everyone_over_days(ledger, cells=9)
        assert scope.persons == {0, 1, 2}
        assert len(scope.days) == 3 and max(scope.days) - min(scope.days) == 2
        assert (n3 in scope.free) == (mode.day in scope.days)
