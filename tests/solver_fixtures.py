"""Helpers of the solver tests: solve deterministically and always have the referee judge."""

from __future__ import annotations

from factories import make_scenario, make_site

from pooling.domain import Assignment, Plan, Scenario
from pooling.planning import solve_scenario
from pooling.referee import check_plan


def solved(scenario: Scenario, **options) -> Plan:
    """The plan of one deterministic worker, after the referee found no broken hard rule."""
    options.setdefault("time_limit", 5.0)
    options.setdefault("workers", 1)
    plan = solve_scenario(scenario, **options)
    report = check_plan(scenario, plan)
    assert report.ok, report.lines()
    return plan


def two_sites(**kw) -> Scenario:
    """Sites S1 and S2, 30 min apart, and rooms only where a test gives them."""
    kw.setdefault("sites", [make_site("S1"), make_site("S2")])
    kw.setdefault("travel_minutes", {("S1", "S2"): 30})
    kw.setdefault("rooms", [])
    return make_scenario(**kw)


def assignment(plan: Plan, need: str) -> Assignment | None:
    return next((a for a in plan.assignments if a.need == need), None)


def unmet_ids(plan: Plan) -> list[str]:
    return [u.need for u in plan.unmet]


def reason_ids(plan: Plan, need: str) -> list[str]:
    """The English message ids of an unmet need's reasons."""
    unmet = next(u for u in plan.unmet if u.need == need)
    return [r["message"] for r in unmet.extra["reasons"]]
