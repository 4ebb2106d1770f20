"""Adjusting a plan by hand: pin an assignment as it is, or move it (other facilitators, room,
units, date or start), or place a need the solver left unmet.

The referee checks the adjusted plan at once against the scenario the version answers. A
change that breaks a hard rule the version did not already break is refused: nothing is saved
and every broken rule comes back with its number and what is wrong, so the coordinator can fix
the change (a stored plan version thus never breaks a rule because of a hand edit). A change
that breaks nothing becomes the week's next draft; published versions are never touched. With
`pin` the assignment is recorded as pinned (`pooling.pins`), so a re-solve keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from pooling.db.errors import StoreError
from pooling.db.models import PlanVersion
from pooling.domain import Assignment, Plan, Scenario, format_time
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import plan_from_dict, scenario_from_dict
from pooling.pins import plan_pins, with_pins
from pooling.plan_versions import StoredVersion, stored_version
from pooling.referee import Violation, check_plan
from pooling.store import save_plan

__all__ = ["AdjustChoices", "RulesBroken", "UnknownNeed", "adjust_plan", "adjustment_choices"]

TIME = re.compile(r"^([01][0-9]|2[0-4]):([0-5][0-9])$")


class UnknownNeed(StoreError):
    def __init__(self, need: str, version_id: int):
        super().__init__(N_("Plan version {version_id} has no need {need}."),
                         need=need, version_id=version_id)


class RulesBroken(Exception):
    """The adjusted plan would break these hard rules; nothing was saved."""

    def __init__(self, violations: list[Violation]):
        self.violations = violations
        super().__init__("\n".join(v.line("en") for v in violations))


@dataclass(frozen=True)
class AdjustChoices:
    """What the adjustment form of one need offers, and what the version gives it now."""

    version: StoredVersion
    need: dict[str, Any]
    current: dict[str, Any] | None
    """The need's assignment in the version; None when it is unmet."""
    facilitators: list[tuple[str, str]]
    rooms: list[tuple[str, str]]
    units: list[tuple[str, str]]
    dates: list[str]
    pinned: bool


def need_of(version: StoredVersion, need_id: str) -> dict[str, Any]:
    for need in version.scenario["needs"]:
        if need["id"] == need_id:
            return need
    raise UnknownNeed(need_id, version.id)


def adjustment_choices(session: Session, version_id: int, need_id: str) -> AdjustChoices:
    """The people, rooms of the need's host sites, units of its types and dates to choose."""
    version = stored_version(session, version_id)
    scenario = version.scenario
    need = need_of(version, need_id)
    site_names = {s["id"]: s["name"] for s in scenario["sites"]}
    hosts = (need.get("room") or {}).get("at") or [need["site"]]
    types = {request["type"] for request in need.get("equipment", [])}
    network = scenario["network"]
    start = date.fromisoformat(network["week_start"])
    dates = need["days"] if "days" in need else [
        date.fromordinal(start.toordinal() + i).isoformat() for i in range(network.get("days", 7))]
    current = next((a for a in version.plan["assignments"] if a["need"] == need_id), None)
    return AdjustChoices(
        version=version, need=need, current=current,
        facilitators=[(f["id"], f["name"]) for f in scenario["facilitators"]],
        rooms=[(r["id"], f"{r['name']} · {site_names.get(r['site'], r['site'])}")
               for r in scenario["rooms"] if r["site"] in hosts] if need.get("room", {}) is not None
        else [],
        units=[(u["id"], f"{u.get('name') or u['id']} · {u['type']}")
               for u in scenario["equipment"] if u["type"] in types],
        dates=dates,
        pinned=need_id in plan_pins(plan_from_dict(version.plan)))


def minutes_of(text: str) -> int | None:
    match = TIME.match(text.strip())
    if not match or (match[1] == "24" and match[2] != "00"):
        return None
    return int(match[1]) * 60 + int(match[2])


def when_problems(scenario: Scenario, day_text: str, start_text: str
                  ) -> tuple[date | None, int | None, list[Problem]]:
    problems = []
    try:
        day: date | None = date.fromisoformat(day_text.strip())
    except ValueError:
        day = None
        problems.append(Problem("date", N_("Give a date written YYYY-MM-DD.")))
    if day is not None and not scenario.network.contains(day):
        problems.append(Problem("date", N_("Choose a date of the planned week.")))
    start = minutes_of(start_text)
    if start is None:
        problems.append(Problem("start", N_("Give a start time written HH:MM.")))
    return day, start, problems


def violation_key(violation: Violation) -> tuple[Any, ...]:
    return violation.rule, violation.ids, violation.message, repr(sorted(violation.params.items()))


def adjust_plan(session: Session, version_id: int, need_id: str, *, facilitators: list[str],
                room: str | None, equipment: list[str], date_text: str, start_text: str,
                pin: bool) -> PlanVersion:
    """Save the version with the need's assignment as given as the week's next draft.

    Raises `InvalidInput` for a date or time that cannot be read, `RulesBroken` when the
    change breaks a hard rule (nothing is saved in either case).
    """
    version = stored_version(session, version_id)
    need = need_of(version, need_id)
    scenario = scenario_from_dict(version.scenario)
    plan = plan_from_dict(version.plan)
    day, start, problems = when_problems(scenario, date_text, start_text)
    if problems:
        raise InvalidInput(problems)
    length = next(n for n in scenario.needs if n.id == need_id).length
    site = next((r.site for r in scenario.rooms if r.id == room), need["site"])
    moved = Assignment(need=need_id, date=day, start=start, end=start + length, site=site,
                       room=room or None, facilitators=tuple(dict.fromkeys(facilitators)),
                       equipment=tuple(dict.fromkeys(equipment)))
    adjusted = adjusted_plan(plan, moved, pin)
    before = {violation_key(v) for v in check_plan(scenario, plan).violations}
    report = check_plan(scenario, adjusted)
    broken = [v for v in report.violations if violation_key(v) not in before]
    if broken:
        raise RulesBroken(broken)
    return save_plan(session, version.network, version.week_start, scenario,
                     replace(adjusted, kpis=report.kpis))


def adjusted_plan(plan: Plan, moved: Assignment, pin: bool) -> Plan:
    """The plan with `moved` in place of the need's assignment (or of its unmet entry)."""
    assignments = list(plan.assignments)
    index = next((i for i, a in enumerate(assignments) if a.need == moved.need), None)
    if index is None:
        assignments.append(moved)
    else:
        assignments[index] = moved
    pins = plan_pins(plan)
    pins.pop(moved.need, None)
    if pin:
        pins[moved.need] = pin_of(moved)
    extra = {key: value for key, value in (plan.extra or {}).items() if key != "timings"}
    return with_pins(Plan(status="feasible", assignments=tuple(assignments),
                          unmet=tuple(u for u in plan.unmet if u.need != moved.need),
                          extra=extra or None), pins)


def pin_of(assignment: Assignment) -> dict[str, Any]:
    """The format v1 `pinned` object holding the assignment as it is."""
    pin: dict[str, Any] = {"date": assignment.date.isoformat(),
                           "start": format_time(assignment.start)}
    if assignment.facilitators:
        pin["facilitators"] = list(assignment.facilitators)
    if assignment.room is not None:
        pin["room"] = assignment.room
    if assignment.equipment:
        pin["equipment"] = list(assignment.equipment)
    return pin
