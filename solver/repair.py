"""Making room for unmet tasks by moving what is in their way (short ejection chains).

For an unmet task and each of its modes, every task in the way (holding a person, the room or
a unit, or filling a person's day or week) is tried in turn: take it out, place the unmet
task, put the other one back anywhere it fits, or make room for it the same way one level
down. The change is kept when all are placed, or when a single task of lower priority than
the unmet one is left out: coverage never gets worse level by level (a pinned task is always
put back). This is cheap and plain Python; CP-SAT neighbourhoods take over afterwards.
"""

from __future__ import annotations

from solver.candidates import Candidates
from solver.greedy import fit_mode, greedy_order, place_first_fit
from solver.timeline import Ledger, Visit


def blockers(ledger: Ledger, modes, task: int) -> list[int]:
    """Placed tasks in the way of these modes of `task` (holding a person, the room or a unit,
    or filling a person's day or week), those in the way of most modes first."""
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


def make_room_for(ledger: Ledger, candidates: Candidates, task: int, deadline, depth: int,
                  floor: int, protected: frozenset[int] = frozenset()) -> bool:
    """Place the unplaced `task` by moving what is in its way, each moved task put back
    anywhere it fits or, `depth` allowing, by moving what is in *its* way in turn. One task of
    lower priority than `floor` may be left out. True when it worked; otherwise the ledger is
    as it was."""
    instance = ledger.instance
    for other in blockers(ledger, candidates.modes[task], task):
        if other in protected:
            continue
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
            if depth > 1 and make_room_for(ledger, candidates, other, deadline, depth - 1,
                                           floor, protected | {task}):
                return True
            if instance.tasks[other].priority > floor and instance.tasks[other].pins is None:
                return True
            ledger.remove(task)
        ledger.add(moved)
    return False


def repair(ledger: Ledger, candidates: Candidates, deadline, depth: int = 3) -> int:
    """Try every unmet task with a mode, highest priority first, until a pass places none;
    how many got placed."""
    instance = ledger.instance
    placed = 0
    progress = True
    while progress and not deadline():
        progress = False
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
            elif not make_room_for(ledger, candidates, task, deadline, depth,
                                   instance.tasks[task].priority):
                continue
            placed += 1
            progress = True
    return placed
