"""Making room for unmet tasks by moving one task out of the way (an ejection chain of one).

For an unmet task and each of its modes, every task in the way (holding a person, the room or
a unit, or filling a person's day or week) is tried in turn: take it out, place the unmet
task, put the other one back anywhere it fits. The change is kept when both are placed, or
when only the other one is left out and its priority is lower: coverage never gets worse
level by level (a pinned task is always put back). This is cheap and plain Python; CP-SAT neighbourhoods take over afterwards.
"""

from __future__ import annotations

from solver.candidates import Candidates
from solver.greedy import fit_mode, greedy_order, place_first_fit
from solver.timeline import Ledger, Visit


def blockers(ledger: Ledger, modes, task: int) -> list[int]:
    """Placed tasks in the way of these modes of `task` (holding a person, the room or a unit,
    or filling a person's day or week), those in the way of most modes first."""
    instance = ledger.instance
    counts: dict[int, int] = {}
    for mode in modes:
        visit = Visit(task, mode.day, mode.slot.start, mode.slot.end, mode.site)
        clashes = [c for p in mode.persons for c in ledger.person_clashes(p, visit)]
        clashes += [c for r in mode.rooms for c in ledger.room_clashes(r, visit)]
        clashes += [c for u in dict.fromkeys(u for us in mode.units for u in us)
                    for c in ledger.unit_clashes(u, visit)]
        for t in dict.fromkeys(t for c in clashes for t in c.tasks):
            if t != task:
                counts[t] = counts.get(t, 0) + 1
    return sorted(counts, key=lambda t: (-counts[t], t))


def make_room_for(ledger: Ledger, candidates: Candidates, task: int, deadline) -> bool:
    """Place `task` by moving one blocker; True when the ledger changed for the better."""
    instance = ledger.instance
    rank = instance.tasks[task].priority
    for other in blockers(ledger, candidates.modes[task], task):
        if deadline():
            return False
        moved = ledger.remove(other)
        placed = next((p for mode in candidates.modes[task]
                       if (p := fit_mode(ledger, mode)) is not None), None)
        if placed is not None:
            ledger.add(placed)
            again = place_first_fit(ledger, candidates, other)
            if again is not None:
                ledger.add(again)
                return True
            if instance.tasks[other].priority > rank and instance.tasks[other].pins is None:
                return True
            ledger.remove(task)
        ledger.add(moved)
    return False


def repair(ledger: Ledger, candidates: Candidates, deadline) -> int:
    """Try every unmet task with a mode once, highest priority first; how many got placed."""
    instance = ledger.instance
    placed = 0
    unmet = [t for t in range(len(instance.tasks))
             if t not in ledger.placements and candidates.modes[t]]
    for task in greedy_order(instance, unmet):
        if deadline():
            break
        if task in ledger.placements:
            continue
        direct = place_first_fit(ledger, candidates, task)
        if direct is not None:
            ledger.add(direct)
            placed += 1
        elif make_room_for(ledger, candidates, task, deadline):
            placed += 1
    return placed
