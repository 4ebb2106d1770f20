"""Pins first: a plan of the pinned tasks alone, or an error naming the pins that conflict.

Leaving a task unmet never breaks a hard rule, so the whole problem is feasible exactly when
its pinned tasks can be placed together. First fit usually places them; otherwise they are
solved alone with CP-SAT, each task's pins under an assumption literal; when that is infeasible, the assumptions of the conflict are shrunk to a
minimal set of pinned needs, and the rules they break are found by placing them one by one.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.candidates import Candidates
from solver.greedy import greedy_order, place_first_fit
from solver.instance import Instance
from solver.model import Scope, solved_placements
from solver.reasons import N_, busy_reasons, need_names, static_reasons
from solver.search import Settings, build_model, run, value_reader
from solver.solution import Placement, Reason
from solver.timeline import Clash, Ledger, Visit


class PinConflict(Exception):
    """Pinned needs that cannot all hold, and why (rules broken or what is missing)."""

    def __init__(self, tasks: tuple[int, ...], reasons: tuple[Reason, ...]):
        self.tasks = tasks
        self.reasons = reasons
        super().__init__("; ".join(r.text() for r in reasons))


CLASH_RULES = {
    "overlap": N_("rule 5: {who} would serve {needs} at overlapping times"),
    "travel": N_("rule 5: {who} has no time to travel between {needs}"),
    "daily_minutes": N_("rule 6: {who} would exceed the daily maximum of worked minutes"),
    "weekly_minutes": N_("rule 6: {who} would exceed the weekly maximum of worked minutes"),
    "days_per_week": N_("rule 6: {who} would exceed the maximum number of days per week"),
    "daily_travel": N_("rule 6: {who} would exceed the daily travel cap"),
    "break": N_("rule 6: {who} would work more than 6 h without a 20-minute break ({needs})"),
    "rest": N_("rule 7: {who} would not get 11 h of rest between {needs}"),
    "room_busy": N_("rule 8: room {who} would host {needs} at the same time"),
    "unit_busy": N_("rule 9: unit {who} would serve {needs} at the same time"),
    "unit_travel": N_("rule 9: unit {who} has no time to travel between {needs}"),
    "kind_count": N_("rostering: {who} would serve more needs of that kind than allowed "
                     "({needs})"),
    "next_day": N_("rostering: {who} would work a forbidden succession of kinds on consecutive "
                   "days ({needs})"),
    "consecutive_days": N_("rostering: {who} would work more consecutive days than allowed "
                           "({needs})"),
    "weekends": N_("rostering: {who} would work more weekends than allowed ({needs})"),
    "total_minutes": N_("rostering: {who} would exceed the maximum worked minutes over the "
                        "horizon"),
}


def pinned_plan(instance: Instance, candidates: Candidates, settings: Settings
                ) -> dict[int, Placement]:
    """Placements of every pinned task together, or PinConflict."""
    pinned = [t for t, task in enumerate(instance.tasks) if task.pins is not None]
    for t in pinned:
        if not candidates.modes[t]:
            raise PinConflict((t,), tuple(static_reasons(instance, candidates, t)))
    if not pinned:
        return {}
    ledger = Ledger(instance)
    for t in greedy_order(instance, pinned):
        placement = place_first_fit(ledger, candidates, t)
        if placement is None:
            break
        ledger.add(placement)
    else:
        return dict(ledger.placements)
    model = build_model(instance, candidates, Scope(tuple(pinned)), check_pins=True,
                        soft=False)
    guards = model.pin_guards
    model.cp.add_assumptions(list(guards.values()))
    solver, status = run(model, "pins", settings)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return solved_placements(model, value_reader(solver))
    if status != cp_model.INFEASIBLE:
        raise PinConflict(tuple(pinned), (Reason(N_(
            "the pins could not be checked within the time limit"), {}),))
    by_index = {lit.index: t for t, lit in guards.items()}
    core = [by_index[i] for i in solver.sufficient_assumptions_for_infeasibility()]
    core = minimal_core(instance, candidates, core, settings)
    raise PinConflict(tuple(core), tuple(conflict_reasons(instance, candidates, core)))


def feasible_together(instance: Instance, candidates: Candidates, tasks: list[int],
                      settings: Settings) -> bool:
    model = build_model(instance, candidates, Scope(tuple(tasks)), soft=False)
    _, status = run(model, "pins", settings, share=0.1)
    return status != cp_model.INFEASIBLE


def minimal_core(instance: Instance, candidates: Candidates, core: list[int],
                 settings: Settings) -> list[int]:
    """Drop every pinned task whose removal leaves the others still in conflict."""
    kept = list(core)
    for t in list(core):
        rest = [u for u in kept if u != t]
        if rest and not feasible_together(instance, candidates, rest, settings):
            kept = rest
    return kept


def conflict_reasons(instance: Instance, candidates: Candidates, core: list[int]) -> list[Reason]:
    """Place the conflicting pinned tasks one by one; the first that does not fit says why."""
    ledger = Ledger(instance)
    for t in greedy_order(instance, core):
        placement = place_first_fit(ledger, candidates, t)
        if placement is not None:
            ledger.add(placement)
            continue
        return pinned_clashes(instance, candidates, ledger, t) or busy_reasons(
            instance, candidates, ledger, t)
    return [Reason(N_("the pinned needs {needs} cannot all be placed together"),
                   {"needs": need_names(instance, core)})]


def pinned_clashes(instance: Instance, candidates: Candidates, ledger: Ledger,
                   t: int) -> list[Reason]:
    """The rules the pinned people, room and units of task `t` would break (first mode)."""
    mode = candidates.modes[t][0]
    pins = instance.tasks[t].pins
    visit = Visit(t, mode.day, mode.slot.start, mode.slot.end, mode.site)
    found: list[tuple[str, Clash]] = []
    for p in pins.persons:
        found += [(instance.persons[p].id, c) for c in ledger.person_clashes(p, visit)]
    if pins.room is not None:
        found += [(instance.rooms[pins.room].id, c) for c in ledger.room_clashes(pins.room, visit)]
    for u in pins.units:
        found += [(instance.units[u].id, c) for c in ledger.unit_clashes(u, visit)]
    return [Reason(CLASH_RULES[clash.rule],
                   {"who": who, "needs": need_names(instance, (t, *clash.tasks))})
            for who, clash in found]
