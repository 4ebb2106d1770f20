"""The independent plan validator: every hard rule of format v1 (1-10), rule 11 of the extension
"rostering rules" (`docs/format.md`), and the plan's KPIs.

It reads the spec (`shared/spec/scenario-v1.md`), never the solver: a plan is judged by what it
says, whoever made it. A plan naming unknown ids breaks rule 1; the other rules skip what does
not resolve, so a broken plan yields violations, not exceptions.
"""

from __future__ import annotations

from pooling.domain import Plan, Scenario
from pooling.referee import (coverage, equipment, people, pins, rooms, rostering, staffing,
                             timing, workload)
from pooling.referee.context import Context
from pooling.referee.kpis import plan_kpis
from pooling.referee.report import Report, Violation

CHECKS = (coverage.CHECKS + timing.CHECKS + staffing.CHECKS + people.CHECKS + workload.CHECKS
          + rooms.CHECKS + equipment.CHECKS + pins.CHECKS + rostering.CHECKS)
"""Every rule clause, in rule order."""


def check_plan(scenario: Scenario, plan: Plan) -> Report:
    """Every hard rule the plan breaks (in rule order) and its KPIs."""
    ctx = Context(scenario, plan)
    violations = [violation for check in CHECKS for violation in check(ctx)]
    violations.sort(key=lambda v: v.rule)
    return Report(violations, plan_kpis(ctx))


__all__ = ["Report", "Violation", "check_plan"]
