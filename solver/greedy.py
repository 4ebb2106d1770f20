"""The baseline a coordinator would do by hand: first fit, in priority order.

Each task in turn (priority, then date and time) takes its first mode where a room, units and
people are all free, without ever undoing an earlier choice. It is the benchmark the CP-SAT
engine is measured against. The engine starts from the same first fit with the hardest tasks
first (fixed times, fewest possible people), then repairs it (`solver.repair`).
"""

from __future__ import annotations

from collections.abc import Iterable

from solver.candidates import Candidates, Mode
from solver.instance import Instance
from solver.matching import match_lines
from solver.solution import Placement
from solver.timeline import Ledger, Visit


def greedy_order(instance: Instance, tasks: Iterable[int]) -> list[int]:
    """Pinned first, then by priority, date, start."""
    def key(index: int):
        task = instance.tasks[index]
        first = task.slots[0] if task.slots else None
        return (task.pins is None, task.priority, first.day if first else 0,
                first.start if first else 0, index)
    return sorted(tasks, key=key)


def hardest_first(instance: Instance, candidates: Candidates, tasks: Iterable[int]) -> list[int]:
    """Pinned first, then by priority; within a priority, fixed times before flexible ones and
    tasks with the fewest possible people first (the engine's start, not the baseline). With
    rostering minimums, day by day within a priority, so that runs grow in order."""
    by_day = instance.has_minimum_rules

    def key(index: int):
        task = instance.tasks[index]
        modes = candidates.modes[index]
        people = len({p for mode in modes for p in mode.persons})
        day = min(mode.day for mode in modes) if by_day and modes else 0
        return (task.pins is None, task.priority, day, len(modes) > 1, people, index)
    return sorted(tasks, key=key)


def place_first_fit(ledger: Ledger, candidates: Candidates, index: int) -> Placement | None:
    """The first mode of the task that fits the ledger as it is, or None."""
    modes = candidates.modes[index]
    previous = ledger.instance.previous.get(index)
    if previous is not None:
        modes = sorted(modes, key=lambda m: (m.day, m.slot.start) != (previous.day,
                                                                      previous.start))
    for mode in modes:
        placement = fit_mode(ledger, mode)
        if placement is not None:
            return placement
    return None


def fit_mode(ledger: Ledger, mode: Mode) -> Placement | None:
    """Free people, room and units for this mode at once, favouring the previous plan's."""
    instance = ledger.instance
    task = instance.tasks[mode.task]
    visit = Visit(mode.task, mode.day, mode.slot.start, mode.slot.end, mode.site)
    previous = instance.previous.get(mode.task)
    kept = previous if previous is not None and (previous.day, previous.start) == (
        mode.day, mode.slot.start) else None
    room = None
    if task.room is not None:
        rooms = [r for r in favour(mode.rooms, (kept.room,) if kept else ())
                 if not ledger.room_clashes(r, visit)]
        if not rooms:
            return None
        room = rooms[0]
    units: list[int] = []
    pinned_units = task.pins.units if task.pins is not None else ()
    for (_, count), usable in zip(task.equipment, mode.units):
        free = [u for u in favour(usable, (*pinned_units, *(kept.units if kept else ())))
                if not ledger.unit_clashes(u, visit)]
        if len(free) < count:
            return None
        units.extend(free[:count])
    if pinned_units and not set(pinned_units) <= set(units):
        return None
    preferred = (*(kept.persons if kept else ()), *sorted(task.preferred))
    free_lines = [[p for p in favour(roster_order(ledger, line, mode.day), preferred)
                   if ledger.person_fits(p, visit)] for line in mode.lines]
    required = task.pins.persons if task.pins is not None else ()
    lines = match_lines(task.fewest, free_lines, required,
                        spare=[line.count - line.fewest for line in task.staff], fill_spare=True)
    if lines is None:
        return None
    persons = tuple(p for line in lines for p in line)
    return Placement(mode.task, mode.day, mode.slot.start, mode.slot.end, mode.site, room,
                     persons, tuple(units))


def roster_order(ledger: Ledger, line: tuple[int, ...], day: int) -> tuple[int, ...]:
    """With rostering minimums, the people for whom working `day` keeps their runs long enough
    first: those whose run of work the day before is still too short, then those who worked the
    day before, then those whose days off before it are enough; within each, those furthest
    below their total minimum. First fit then leaves fewer rosters to mend."""
    instance = ledger.instance
    if not instance.has_minimum_rules:
        return line

    def key(p: int) -> tuple[int, int]:
        rules = instance.persons[p].rules
        if rules is None:
            return 2, 0
        worked = ledger.day_worked[p]
        before = 0
        while day - before - 1 >= 0 and (day - before - 1 in worked) == (day - 1 in worked):
            before += 1
        if day - 1 in worked:
            group = 0 if rules.min_run and before < rules.min_run else 1
        else:
            group = 2 if not rules.min_off or before >= rules.min_off or before == day else 3
        return group, ledger.total_worked[p] - (rules.min_total or 0)

    return tuple(sorted(line, key=key))


def favour(items: tuple[int, ...], first: Iterable[int]) -> list[int]:
    """`items` with those listed in `first` moved to the front."""
    wanted = [i for i in dict.fromkeys(first) if i in items]
    return wanted + [i for i in items if i not in wanted]


def greedy_plan(instance: Instance, candidates: Candidates, fixed: Iterable[Placement] = (),
                hardest: bool = False) -> Ledger:
    """First-fit plan of every task, starting from `fixed` placements (pins already solved),
    in the coordinator's order, or `hardest` first."""
    ledger = Ledger(instance)
    for placement in fixed:
        ledger.add(placement)
    tasks = range(len(instance.tasks))
    order = (hardest_first(instance, candidates, tasks) if hardest
             else greedy_order(instance, tasks))
    for index in order:
        if index in ledger.placements:
            continue
        placement = place_first_fit(ledger, candidates, index)
        if placement is not None:
            ledger.add(placement)
    return ledger
