"""Rule 11 (rostering rules) and rule 3 for staff targets, with the rostering penalty KPIs,
each checked on small rotas written by hand."""

from datetime import timedelta

import pytest

from factories import (WEEK_START, make_assignment, make_facilitator, make_need, make_network,
                       make_plan, make_scenario, make_unmet)
from pooling.domain import Rostering, RosteringRequest, StaffLine
from pooling.referee import check_plan

KINDS = ("matin", "soiree")


def rota(pattern: str, rules: Rostering | None = None, days: int = 14):
    """F1's rota: one letter per date, `m` (matin), `s` (soiree) or `.` (off); one need per
    date and kind, 3 hours long, met by F1 or by nobody (staff lines are targets)."""
    needs = [make_need(f"{kind}-{d}", kind=kind, date=d, room=None,
                       start="08:00" if kind == "matin" else "17:00",
                       end="11:00" if kind == "matin" else "20:00",
                       staff=[StaffLine("animation", 1, 1, under_weight=0)])
             for d in range(days) for kind in KINDS]
    scenario = make_scenario(
        network=make_network(days=days), rooms=[], needs=needs,
        facilitators=[make_facilitator(rostering=rules or Rostering(),
                                       max_days_per_week=7, weekly_minutes={"max": 10080})])
    worked = {(d, {"m": "matin", "s": "soiree"}[letter]) for d, letter in enumerate(pattern)
              if letter != "."}
    plan = make_plan([make_assignment(need, facilitators=["F1"] if (need.date - WEEK_START).days
                                      in {d for d, k in worked if k == need.kind} else [])
                      for need in needs])
    return scenario, plan


def rule_11(pattern: str, rules: Rostering, days: int = 14) -> list[str]:
    return [v.text() for v in check_plan(*rota(pattern, rules, days)).violations if v.rule == 11]


def test_a_rota_without_rules_breaks_nothing():
    assert check_plan(*rota("mmmmmmm.ssssss")).ok


def test_runs_of_worked_dates_stay_under_the_maximum():
    rules = Rostering(max_consecutive_days=5)
    assert rule_11("mmmmm.mmmmm.mm", rules) == []
    assert rule_11(".mmmmmm.......", rules) == [
        "F1 works 6 dates in a row from 2026-03-03 to 2026-03-08, more than "
        "max_consecutive_days 5"]


def test_the_maximum_counts_only_the_dates_inside_the_horizon():
    assert rule_11("mmmmm.....mmmm", Rostering(max_consecutive_days=5), days=14) == []


def test_short_runs_of_work_are_allowed_only_at_the_ends():
    rules = Rostering(min_consecutive_days=2)
    assert rule_11("m....mm.....ms", rules) == []
    assert rule_11("mm...m....mm..", rules) == [
        "F1 works only 1 dates in a row from 2026-03-07 to 2026-03-07, fewer than "
        "min_consecutive_days 2"]


def test_short_runs_of_days_off_are_allowed_only_at_the_ends():
    rules = Rostering(min_consecutive_days_off=2)
    assert rule_11(".mm..mm..mmmm.", rules) == []
    assert rule_11("mm.mm.........", rules) == [
        "F1 has only 1 days off in a row from 2026-03-04 to 2026-03-04, fewer than "
        "min_consecutive_days_off 2"]


def test_a_weekend_counts_when_saturday_or_sunday_is_worked():
    rules = Rostering(max_weekends=1)
    assert rule_11(".....mm.......", rules) == []
    assert rule_11(".....m.......s", rules) == [
        "F1 works 2 weekends (from 2026-03-07, 2026-03-14), more than max_weekends 1"]


def test_needs_of_a_kind_stay_under_their_maximum():
    assert rule_11("ss.m..........", Rostering(max_needs_by_kind={"soiree": 2})) == []
    assert rule_11("ss.m..........", Rostering(max_needs_by_kind={"soiree": 1, "matin": 0})) == [
        "F1 serves 2 needs of kind soiree, more than max_needs_by_kind 1",
        "F1 serves 1 needs of kind matin, more than max_needs_by_kind 0"]


def test_forbidden_successions_apply_to_the_next_date_only():
    rules = Rostering(forbidden_next_day={"soiree": ("matin",)})
    assert rule_11("ms.sm.s.m.....", rules) == [
        "F1 serves a need of kind matin on 2026-03-06 after one of kind soiree on 2026-03-05, "
        "which forbidden_next_day forbids"]


def test_worked_minutes_over_the_horizon_lie_within_bounds():
    rules = Rostering(min_total_minutes=600, max_total_minutes=900)
    assert rule_11("mmmm..........", rules) == []       # 4 x 180 = 720
    assert rule_11("mmm...........", rules) == [
        "F1 works 540 min over the horizon, fewer than min_total_minutes 600"]
    assert rule_11("mmmmmm........", rules) == [
        "F1 works 1080 min over the horizon, more than max_total_minutes 900"]


def test_a_facilitator_who_never_works_is_held_to_the_minimum():
    assert rule_11(".." * 7, Rostering(min_total_minutes=1)) == [
        "F1 works 0 min over the horizon, fewer than min_total_minutes 1"]


def test_violations_read_in_french():
    report = check_plan(*rota("mmmmmm", Rostering(max_consecutive_days=5), days=7))
    assert report.lines("fr") == [
        "règle 11 [F1] : F1 travaille 6 jours d'affilée du 2026-03-02 au 2026-03-07, plus que "
        "max_consecutive_days 5"]


# --- staff targets (rule 3) and the rostering penalty ----------------------------------------

def staffed(staff, people=("F1", "F2", "F3", "F4"), skills=None):
    """One need with the given staff lines, met by `people` (each `animation` 2 unless told)."""
    need = make_need(room=None, staff=staff)
    scenario = make_scenario(
        rooms=[], needs=[need],
        facilitators=[make_facilitator(f"F{i}", skills=(skills or {}).get(f"F{i}",
                                                                           {"animation": 2}))
                      for i in range(1, 5)])
    return check_plan(scenario, make_plan([make_assignment(need, facilitators=list(people))]))


def penalty(report) -> tuple[int, dict]:
    return report.kpis["rostering_penalty"], report.kpis["rostering_penalty_parts"]


def test_a_target_line_may_be_missed_or_exceeded_at_its_weights():
    line = StaffLine("animation", 1, 3, under_weight=100, over_weight=1)
    short = staffed([line], people=("F1", "F2"))
    assert short.ok and penalty(short) == (100, {"understaffing": 100, "overstaffing": 0,
                                                 "work_requests": 0, "off_requests": 0})
    long = staffed([line])
    assert long.ok and penalty(long)[0] == 1
    assert staffed([StaffLine("animation", 1, 0, over_weight=2)], people=()).ok


@pytest.mark.parametrize("line, people, message", [
    (StaffLine("animation", 1, 3, over_weight=1), ("F1", "F2"),
     "2 facilitators are assigned but the staff lines without under_weight ask for 3"),
    (StaffLine("animation", 1, 2, under_weight=5), ("F1", "F2", "F3"),
     "3 facilitators are assigned but the staff lines take at most 2"),
    (StaffLine("animation", 3, 2, under_weight=5), ("F1",),
     "the facilitators cannot hold the staff lines: each must hold a line of their skill and "
     "level, lines without under_weight filled to their count, lines without over_weight "
     "holding at most their count"),
])
def test_target_lines_keep_their_other_bounds(line, people, message):
    report = staffed([line], people=people)
    assert [(v.rule, v.text()) for v in report.violations] == [(3, message)]


def test_the_cheapest_attribution_counts():
    lines = [StaffLine("animation", 1, 1, under_weight=10), StaffLine("animation", 1, 1,
                                                                      under_weight=50)]
    report = staffed(lines, people=("F1",))
    assert report.ok and penalty(report)[0] == 10
    # F1 alone can hold the level-3 line: F2 must take the other one, extra at 1.
    lines = [StaffLine("animation", 3, 1), StaffLine("animation", 1, 1, over_weight=1)]
    report = staffed(lines, people=("F2", "F1", "F3"), skills={"F1": {"animation": 3}})
    assert report.ok and penalty(report)[0] == 1
    report = staffed(lines, people=("F2", "F3"), skills={"F1": {"animation": 3}})
    assert [v.rule for v in report.violations] == [3]


def test_an_unmet_need_misses_every_facilitator_of_its_target_lines():
    need = make_need(room=None, staff=[StaffLine("animation", 1, 2, under_weight=7),
                                       StaffLine("animation", 1, 1, over_weight=3)])
    report = check_plan(make_scenario(rooms=[], needs=[need]), make_plan([], [make_unmet()]))
    assert report.ok and penalty(report)[1]["understaffing"] == 14


def test_requests_cost_their_weight_when_not_kept():
    day = WEEK_START + timedelta(days=1)
    rules = Rostering(requests=(
        RosteringRequest(WEEK_START, True, "matin", 3),    # kept: works matin on day 0
        RosteringRequest(WEEK_START, True, "soiree", 2),   # not kept, though F1 works that day
        RosteringRequest(day, True, None, 5),              # not kept: off on day 1
        RosteringRequest(day + timedelta(days=1), False, None, 7),    # not kept: works day 2
        RosteringRequest(day + timedelta(days=1), False, "matin", 11),  # kept: works soiree
        RosteringRequest(WEEK_START + timedelta(days=30), True, None, 13),  # outside: ignored
    ))
    report = check_plan(*rota("m.s", rules, days=7))
    assert report.ok
    assert penalty(report) == (14, {"understaffing": 0, "overstaffing": 0, "work_requests": 7,
                                    "off_requests": 7})
