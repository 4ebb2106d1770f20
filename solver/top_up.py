"""Topping up, by first fit, the people a plan leaves short of their total minimum.

A first fit fills each need up to its staff target; when the targets add up to less than the
people's minimum worked minutes (as on the Curtois instances, where nearly everyone ends
short), mending every roster by CP-SAT costs seconds a person. Here each short person joins
needs that may take one more person (a target line below its count, or one with an
over-staffing weight), cheapest first: a missing person's weight saved, an extra one's paid,
their own requests counted. They only join next to the days they already work, so runs grow
rather than new short ones appearing, and never leave a run of days off shorter than their
minimum; the ledger checks every maximum. Whatever is still short goes to `solver.rosters`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from solver.candidates import Candidates
from solver.instance import Request
from solver.runs import short_inner_runs
from solver.solution import Placement
from solver.timeline import Ledger, visit_of


def top_up_totals(ledger: Ledger, candidates: Candidates) -> None:
    """Top up everyone whose plan works too few minutes, or too few days in a row; then
    lengthen their runs of days off too short."""
    for p, person in enumerate(ledger.instance.persons):
        rules = person.rules
        if rules is not None and ((rules.min_total and ledger.total_worked[p] < rules.min_total)
                                  or next_to_short_runs(ledger, p)):
            top_up(ledger, joinable_tasks(ledger, candidates, p), p)
        if rules is not None and rules.min_off and rules.min_off > 1:
            lengthen_days_off(ledger, p)


def joinable_tasks(ledger: Ledger, candidates: Candidates, p: int) -> dict[int, list[int]]:
    """Per day, the placed one-line tasks whose mode lets `p` serve and that `p` is not on."""
    found: dict[int, list[int]] = defaultdict(list)
    for t, placed in ledger.placements.items():
        if len(ledger.instance.tasks[t].staff) != 1 or p in placed.persons:
            continue
        mode = placed_mode(candidates, placed)
        if mode is not None and p in mode.lines[0]:
            found[placed.day].append(t)
    return found


def placed_mode(candidates: Candidates, placed: Placement):
    """The candidate mode a placement was made in (None if it is no longer a candidate)."""
    return next((m for m in candidates.modes[placed.task]
                 if (m.day, m.slot.start, m.site) == (placed.day, placed.start, placed.site)),
                None)


def joining_cost(ledger: Ledger, p: int, t: int, requests: list[Request]) -> int | None:
    """What `p` joining task `t` costs (negative: saves), None when its line is full."""
    task = ledger.instance.tasks[t]
    line = task.staff[0]
    held = len(ledger.placements[t].persons)
    if held < line.count:
        cost = -(line.under or 0)
    elif line.over is not None:
        cost = line.over
    else:
        return None
    for request in requests:
        if request.kind is None or request.kind == task.kind:
            cost += -request.weight if request.work else request.weight
    return cost


def next_to_runs(ledger: Ledger, p: int) -> set[int]:
    """The days off next to a day `p` works (both ends of the horizon when they work none)."""
    worked = ledger.day_worked[p]
    days = ledger.instance.days
    if not worked:
        return {0, days - 1}
    return {d + step for d in worked for step in (-1, 1)
            if 0 <= d + step < days and d + step not in worked}


def keeps_days_off(ledger: Ledger, p: int, day: int) -> bool:
    """Whether working `day`, a day off next to a run (or at an end of the horizon), leaves no
    inner run of days off shorter than the minimum."""
    worked = ledger.day_worked[p]
    days = ledger.instance.days
    min_off = ledger.instance.persons[p].rules.min_off or 0
    before, after = day - 1 in worked, day + 1 in worked
    if before == after:
        return True
    step = 1 if before else -1
    length, edge = 0, day + step
    while 0 <= edge < days and edge not in worked:
        length, edge = length + 1, edge + step
    return length == 0 or length >= min_off or not 0 <= edge < days


def run_length(worked: dict[int, int], day: int) -> int:
    """Days in the run of work through `day` (0 when it is a day off)."""
    if day not in worked:
        return 0
    first = last = day
    while first - 1 in worked:
        first -= 1
    while last + 1 in worked:
        last += 1
    return last - first + 1


def next_to_short_runs(ledger: Ledger, p: int) -> set[int]:
    """The days off on either side of `p`'s inner runs of work shorter than their minimum."""
    rules = ledger.instance.persons[p].rules
    if not rules.min_run or rules.min_run < 2:
        return set()
    worked = ledger.day_worked[p]
    flags = [d in worked for d in range(ledger.instance.days)]
    return {d for first in short_inner_runs(flags, True, rules.min_run)
            for d in (first - 1, first + run_length(worked, first))}


def still_needed(ledger: Ledger, p: int, day: int) -> bool:
    """Whether working `day` still helps: `p` is short of their total, or the day touches a
    run of work still too short."""
    rules = ledger.instance.persons[p].rules
    worked = ledger.day_worked[p]
    if rules.min_total and ledger.total_worked[p] < rules.min_total:
        return True
    runs = [run_length(worked, day - 1), run_length(worked, day + 1)]
    return any(0 < run < (rules.min_run or 0) for run in runs)


def top_up(ledger: Ledger, joinable: dict[int, list[int]], p: int) -> None:
    """Rounds in which `p` joins, on each day next to a run too short (or, while their total
    is short, next to any run), its cheapest task, those days first and the cheapest first,
    until nothing is short or no day takes them."""
    rules = ledger.instance.persons[p].rules
    requests: dict[int, list[Request]] = defaultdict(list)
    for request in rules.requests:
        requests[request.day].append(request)
    while True:
        urgent = next_to_short_runs(ledger, p)
        days = urgent | (next_to_runs(ledger, p) if rules.min_total and (
            ledger.total_worked[p] < rules.min_total) else set())
        offers = sorted((day not in urgent, cost, day, t) for day in days
                        if keeps_days_off(ledger, p, day) for t in joinable.get(day, ())
                        if (cost := joining_cost(ledger, p, t, requests[day])) is not None)
        joined = False
        for _, _, day, t in offers:
            if (day in ledger.day_worked[p] or not keeps_days_off(ledger, p, day)
                    or not still_needed(ledger, p, day)):
                continue
            placed = ledger.placements[t]
            if ledger.person_fits(p, visit_of(placed)):
                ledger.remove(t)
                ledger.add(replace(placed, persons=(*placed.persons, p)))
                joined = True
        if not joined:
            return


def lengthen_days_off(ledger: Ledger, p: int) -> None:
    """Take `p` off the day before or after each inner run of days off too short, when the
    tasks of that day can do without them and their other minimums still hold."""
    rules = ledger.instance.persons[p].rules
    changed = True
    while changed:
        changed = False
        worked = ledger.day_worked[p]
        flags = [d in worked for d in range(ledger.instance.days)]
        for first in short_inner_runs(flags, False, rules.min_off):
            last = first
            while last + 1 not in worked:
                last += 1
            if any(can_take_off(ledger, p, day, step) and take_off(ledger, p, day)
                   for day, step in ((first - 1, -1), (last + 1, 1))):
                changed = True
                break


def can_take_off(ledger: Ledger, p: int, day: int, step: int) -> bool:
    """Whether `p` may stop working `day`, whose run of work goes on in direction `step`: every
    task of theirs that day keeps its fewest people, and their total and the rest of that run
    stay long enough."""
    rules = ledger.instance.persons[p].rules
    worked = ledger.day_worked[p]
    if rules.min_total and ledger.total_worked[p] - worked[day] < rules.min_total:
        return False
    for visit in ledger.day_of(p, day):
        task = ledger.instance.tasks[visit.task]
        pinned = task.pins is not None and p in task.pins.persons
        if pinned or len(task.staff) != 1 or (
                len(ledger.placements[visit.task].persons) <= task.staff[0].fewest):
            return False
    rest, edge = 0, day + step
    while edge in worked:
        rest, edge = rest + 1, edge + step
    return rest == 0 or rest >= (rules.min_run or 0) or not 0 <= edge < ledger.instance.days


def take_off(ledger: Ledger, p: int, day: int) -> bool:
    for visit in list(ledger.day_of(p, day)):
        placed = ledger.remove(visit.task)
        ledger.add(replace(placed, persons=tuple(q for q in placed.persons if q != p)))
    return True
