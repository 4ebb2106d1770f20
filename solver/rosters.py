"""The rostering minimums no first fit keeps, and the CP-SAT pass that mends them.

Adding work can only break a maximum (the ledger refuses it, `solver.timeline`), but a
minimum (days in a row, days off in a row, total minutes) can be broken by too little work as
well as by a gap in it, so a plan built task by task may miss it. `breaking_minimums` finds
the people whose plan does; `mend_rosters` then gives each of them, in turn, a roster of their
own: every task they could serve around their short runs (over the whole horizon when their
total is short) is freed for them alone (the others stay on their tasks, which stay where they
are), and CP-SAT chooses their days under every rule with the plan's objective (or, when
that finds none in time, any days holding the rules); a few substitutes join them when they
alone cannot, and their work is left out when even that fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from solver.budget import Budget
from solver.candidates import Candidates
from solver.instance import Instance, Rules
from solver.model import Scope
from solver.runs import short_inner_runs
from solver.search import Settings, resolve
from solver.solution import Placement
from solver.timeline import Ledger
from solver.top_up import placed_mode, top_up_totals

MEND_SECONDS = 2.0
"""Time with the plan's objective for each roster tried for a person, at most..."""
MEND_SHARE = 0.5
"""...and at most an equal part, among those still to mend, of what is left of this share of
the time: forty people to mend in a 60 s solve had taken 80 s before any plan."""
MEND_MOST_SECONDS = 32.0
"""...and then to any roster of theirs holding the rules."""
SUBSTITUTES = 8
"""Most people freed beside a person whose roster cannot be mended alone."""


class RosterConflict(Exception):
    """A person whose rostering minimums cannot hold beside the rest of the plan."""

    def __init__(self, person: int):
        self.person = person
        super().__init__(f"person {person}")


def short_runs_of(ledger: Ledger, person: int) -> list[int]:
    """The first days of `person`'s runs of work or of days off too short for their rules."""
    rules = ledger.instance.persons[person].rules
    worked = [day in ledger.day_worked[person] for day in range(ledger.instance.days)]
    return sorted((short_inner_runs(worked, True, rules.min_run) if rules.min_run else [])
                  + (short_inner_runs(worked, False, rules.min_off) if rules.min_off else []))


def breaks_minimums(rules: Rules, worked: list[bool], minutes: int) -> bool:
    if rules.min_total and minutes < rules.min_total:
        return True
    return bool((rules.min_run and short_inner_runs(worked, True, rules.min_run))
                or (rules.min_off and short_inner_runs(worked, False, rules.min_off)))


def breaking_minimums(ledger: Ledger) -> list[int]:
    """The people whose plan misses one of their rostering minimums."""
    instance = ledger.instance
    found = []
    for p, person in enumerate(instance.persons):
        if person.rules is None or not person.rules.has_minimum:
            continue
        worked = [day in ledger.day_worked[p] for day in range(instance.days)]
        if breaks_minimums(person.rules, worked, ledger.total_worked[p]):
            found.append(p)
    return found


def own_roster_scope(ledger: Ledger, candidates: Candidates, persons: set[int],
                     days: set[int]) -> Scope:
    """Free for `persons` over `days`: each met task there that one of them serves or could
    join stays where it is with its other people kept; each unmet one they could serve is
    free for them alone. Tasks with several staff lines are left as they are."""
    instance = ledger.instance
    free: list[int] = []
    kept: dict[int, tuple[int, ...]] = {}
    people_of = {}
    persons_set = frozenset(persons)
    for t, modes in enumerate(candidates.modes):
        task = instance.tasks[t]
        if len(task.staff) != 1:
            continue
        placed = ledger.placements.get(t)
        if placed is not None:
            if placed.day not in days:
                continue
            mode = placed_mode(candidates, placed)
            if mode is None or not (persons_set.intersection(mode.persons)
                                    or persons_set.intersection(placed.persons)):
                continue
            pinned = set(task.pins.persons) if task.pins is not None else set()
            kept[t] = tuple(p for p in placed.persons if p not in persons or p in pinned)
            free.append(t)
        elif any(m.day in days and persons_set.intersection(m.persons) for m in modes):
            free.append(t)
            people_of[t] = persons_set
    frozen = {t: p for t, p in ledger.placements.items() if t not in kept}
    return Scope(tuple(free), frozen, persons=persons_set, people_of=people_of,
                 days=frozenset(days), kept=kept)


def substitutes(ledger: Ledger, candidates: Candidates, scope: Scope, person: int) -> set[int]:
    """Who could take over or hand over the tasks of `person`'s own roster: the others placed on
    them or eligible for them, the most involved first (at most `SUBSTITUTES`)."""
    involved: Counter[int] = Counter()
    for t in scope.free:
        placed = ledger.placements.get(t)
        involved.update(placed.persons if placed is not None else ())
        involved.update({p for mode in candidates.modes[t] for p in mode.persons})
    del involved[person]
    return {p for p, _ in involved.most_common(SUBSTITUTES)}


def roster_found(ledger: Ledger, candidates: Candidates, scope: Scope, person: int,
                 settings: Settings, objective: Budget) -> bool:
    """Solve the neighbourhood `scope` until `person` keeps their minimums: with the plan's
    objective within the budget `objective`, then for any roster holding the rules for up to
    `MEND_MOST_SECONDS` (found much faster, and the search stops at the first); whether they
    do."""
    for feasible_only in (False, True):
        budget = settings.budget.at_least(MEND_MOST_SECONDS) if feasible_only else objective
        if budget.remaining() <= 0:
            continue
        local = replace(settings, budget=budget, on_solution=None, bound_worker=False)
        outcome = resolve(ledger, candidates, scope, local, feasible_only=feasible_only)
        if outcome.improved and person not in breaking_minimums(ledger):
            return True
        if outcome.infeasible:
            return False
    return False


def leave_out_work_of(ledger: Ledger, person: int) -> None:
    """Unmet every task `person` serves: working nothing keeps any run minimum."""
    for t in [t for t, placed in ledger.placements.items() if person in placed.persons]:
        ledger.remove(t)


def days_to_mend(ledger: Ledger, person: int) -> set[int]:
    """The whole horizon when `person` works too little in all, else the days around their
    short runs: a small model for a long horizon."""
    instance = ledger.instance
    rules = instance.persons[person].rules
    if rules.min_total and ledger.total_worked[person] < rules.min_total:
        return set(range(instance.days))
    reach = max(rules.min_run or 0, rules.min_off or 0) + 2
    return {day for first in short_runs_of(ledger, person)
            for day in range(max(0, first - reach), min(instance.days, first + 2 * reach))}


def roster_scopes(ledger: Ledger, candidates: Candidates, person: int,
                  everything: set[int]) -> Iterator[Scope]:
    """The neighbourhoods to mend `person`'s roster in, smallest first, each built from the
    plan as it is when tried: around their short runs, the whole horizon, and that with a few
    substitutes."""
    days = days_to_mend(ledger, person)
    if days != everything:
        yield own_roster_scope(ledger, candidates, {person}, days)
    alone = own_roster_scope(ledger, candidates, {person}, everything)
    yield alone
    yield own_roster_scope(ledger, candidates,
                           {person} | substitutes(ledger, candidates, alone, person), everything)


def mend_rosters(ledger: Ledger, candidates: Candidates, settings: Settings) -> None:
    """Top up short totals by first fit (`solver.top_up`), then give everyone who still misses
    a minimum a roster of their own (`roster_scopes`), or else no work at all; a
    `RosterConflict` for a person whose minimums still cannot hold (a total no work reaches)."""
    top_up_totals(ledger, candidates)
    everything = set(range(ledger.instance.days))
    tried: set[int] = set()
    share = settings.budget.share(MEND_SHARE)
    while todo := [p for p in breaking_minimums(ledger) if p not in tried]:
        p = todo[0]
        tried.add(p)
        if not any(roster_found(ledger, candidates, scope, p, settings,
                                share.slice(objective_seconds(share, len(todo))))
                   for scope in roster_scopes(ledger, candidates, p, everything)):
            leave_out_work_of(ledger, p)
    if breaking := breaking_minimums(ledger):
        raise RosterConflict(breaking[0])


def objective_seconds(share: Budget, to_mend: int) -> float:
    """Seconds for one roster with the plan's objective: `MEND_SECONDS`, or an equal part of
    what is left of `share` among the `to_mend` rosters left (the plan holding every rule
    comes first; the neighbourhoods improve it afterwards)."""
    return min(MEND_SECONDS, share.seconds_left() / to_mend)


def placements_hold_minimums(instance: Instance, placements: dict[int, Placement]) -> bool:
    ledger = Ledger(instance)
    for placement in placements.values():
        ledger.add(placement)
    return not breaking_minimums(ledger)
