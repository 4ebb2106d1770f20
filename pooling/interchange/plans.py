"""Plans (format v1) to and from JSON documents: structure only.

Whether a plan keeps the hard rules 1-10 against its scenario is the referee's job
(`pooling.referee`); here a plan is checked to be well formed, every problem with its path.
"""

from __future__ import annotations

import copy
from typing import Any

from pooling.domain import Assignment, Plan, Unmet, format_time
from pooling.i18n import N_
from pooling.interchange.fields import Fields, Problems
from pooling.interchange.scenario_writing import present

PLAN_FORMAT = "pooling-plan/1"
STATUSES = ("optimal", "feasible", "unknown")


def read_plan(data: Any, problems: Problems) -> Plan:
    """The plan of a parsed JSON document; raises `InvalidInput` with every problem."""
    top = Fields(problems, "$", data,
                 ("format", "status", "objective", "bound", "assignments", "unmet", "kpis"),
                 required=("format", "status", "assignments", "unmet"))
    if not top.ok:
        problems.raise_if_any()
    top.check_format(PLAN_FORMAT)
    plan = Plan(
        status=top.choice("status", STATUSES),
        assignments=tuple(read_assignment(problems, where, value)
                          for where, value in top.items("assignments") or ()),
        unmet=tuple(read_unmet(problems, where, value)
                    for where, value in top.items("unmet") or ()),
        objective=top.number("objective"),
        bound=top.number("bound"),
        kpis=top.free_form("kpis"),
        extra=top.extra(),
    )
    problems.raise_if_any()
    return plan


def read_assignment(problems: Problems, where: str, value: Any) -> Assignment:
    fields = Fields(problems, where, value, (
        "need", "date", "start", "end", "site", "room", "facilitators", "equipment",
    ), required=("need", "date", "start", "end", "site", "room", "facilitators", "equipment"),
        nullable=("room",))
    start, end = fields.time("start", None), fields.time("end", None)
    if start is not None and end is not None and start >= end:
        problems.add(where, N_("start {start} must be before end {end}"),
                     start=format_time(start), end=format_time(end))
    return Assignment(
        need=fields.id("need"),
        date=fields.date("date"),
        start=start,
        end=end,
        site=fields.id("site"),
        room=fields.id("room"),
        facilitators=fields.strings("facilitators", unique=False) or (),
        equipment=fields.strings("equipment", unique=False) or (),
        extra=fields.extra(),
    )


def read_unmet(problems: Problems, where: str, value: Any) -> Unmet:
    fields = Fields(problems, where, value, ("need", "reasons"), required=("need", "reasons"))
    return Unmet(need=fields.id("need"),
                 reasons=fields.strings("reasons", non_empty=False, unique=False) or (),
                 extra=fields.extra())


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The canonical plan document: `format` first, `room` always written (null: no room)."""
    return present(
        format=PLAN_FORMAT,
        status=plan.status,
        objective=plan.objective,
        bound=plan.bound,
        assignments=[assignment_to_dict(a) for a in plan.assignments],
        unmet=[present(need=u.need, reasons=list(u.reasons), extra=u.extra) for u in plan.unmet],
        kpis=copy.deepcopy(plan.kpis),
        extra=plan.extra,
    )


def assignment_to_dict(assignment: Assignment) -> dict[str, Any]:
    written = present(need=assignment.need, date=assignment.date.isoformat(),
                      start=format_time(assignment.start), end=format_time(assignment.end),
                      site=assignment.site)
    written["room"] = assignment.room
    written.update(present(facilitators=list(assignment.facilitators),
                           equipment=list(assignment.equipment), extra=assignment.extra))
    return written
