"""What could serve each task, before any choice: the pruning that keeps the model small.

A *mode* is one way to hold a task: a slot (day and times) at one activity site, with the
people who could fill each staff line there and then, the rooms that fit and are open, and the
units of each requested type that may be used. Everything decided by the task alone (skills,
availability, contract sites, the commute against the daily travel cap, room capacity,
features and opening, non-mobile and unavailable units, pins) is settled here once, so the
model and the greedy only deal with what depends on other tasks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from solver.instance import Instance, Person, Slot, Task, covers, spans_on
from solver.matching import match_lines

REACH_MINUTES = 60
"""People living further than this from the activity site are left out of a staff line..."""
SPARE_CANDIDATES = 3
"""...unless the line would keep fewer than its count plus this many people."""


@dataclass(frozen=True)
class Mode:
    task: int
    slot: Slot
    site: int
    rooms: tuple[int, ...]
    """Rooms that fit (empty when the task uses no room)."""
    lines: tuple[tuple[int, ...], ...]
    """People who may fill each staff line, best first (home site, then commute)."""
    units: tuple[tuple[int, ...], ...]
    """Usable units for each equipment request of the task, in the task's order."""

    @property
    def day(self) -> int:
        return self.slot.day

    @property
    def persons(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(p for line in self.lines for p in line))


def person_may_work(instance: Instance, person: Person, slot: Slot, site: int,
                    minutes: int, kind: str | None = None) -> bool:
    """Everything about one person and one slot that no other task can change."""
    if person.sites is not None and site not in person.sites:
        return False
    if person.rules is not None and kind is not None and person.rules.max_by_kind.get(kind) == 0:
        return False
    if minutes > person.daily_max or minutes > person.weekly_max or person.days_max < 1:
        return False
    if person.daily_travel_max is not None:
        commute = instance.travel[person.home][site] + instance.travel[site][person.home]
        if commute > person.daily_travel_max:
            return False
    return covers(spans_on(person.available, slot.day), slot.start, slot.end)


def skilled(instance: Instance) -> dict[str, list[tuple[int, int]]]:
    """Per skill, (person, level) of everyone holding it."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, person in enumerate(instance.persons):
        for skill, level in person.skills.items():
            found[skill].append((index, level))
    return found


def rooms_that_fit(instance: Instance, task: Task, slot: Slot, site: int) -> tuple[int, ...]:
    if task.room is None:
        return ()
    return tuple(
        index for index, room in enumerate(instance.rooms)
        if room.site == site and room.capacity >= task.attendees
        and task.room.features <= room.features and room.is_open(slot.day, slot.start, slot.end))


def usable_units(instance: Instance, kind: str, slot: Slot, site: int) -> tuple[int, ...]:
    return tuple(
        index for index, unit in enumerate(instance.units)
        if unit.type == kind and (unit.mobile or unit.home == site)
        and not any(s < slot.end and slot.start < e
                    for s, e in spans_on(unit.blocked, slot.day)))


def activity_sites(task: Task) -> tuple[int, ...]:
    """Where it may take place: its room's allowed sites, or its own site without a room."""
    return task.room.at if task.room is not None else (task.site,)


class Candidates:
    """The modes of every task, computed once per instance.

    Staff lines keep the people within `reach` minutes of the activity site (at least the
    line's count plus `SPARE_CANDIDATES`, the nearest first): someone living far away is
    rarely the answer and costs the model more than anything else. `reach=None` keeps
    everyone; the reasons of an unmet need look at everyone anyway.
    """

    def __init__(self, instance: Instance, reach: int | None = REACH_MINUTES):
        self.instance = instance
        self.reach = reach
        self.pruned = False
        """Whether someone was left out for living out of reach (a plan is then only proven
        optimal among the people kept)."""
        self._skilled = skilled(instance)
        self.modes: tuple[tuple[Mode, ...], ...] = tuple(
            tuple(mode for slot in pinned_slots(task) for site in activity_sites(task)
                  if (mode := self.mode(index, slot, site)) is not None)
            for index, task in enumerate(instance.tasks))

    def mode(self, index: int, slot: Slot, site: int) -> Mode | None:
        """The mode of a task at this slot and site, or None when it cannot be held there."""
        instance = self.instance
        task = instance.tasks[index]
        pins = task.pins
        rooms = rooms_that_fit(instance, task, slot, site)
        if pins is not None and pins.room is not None:
            rooms = tuple(r for r in rooms if r == pins.room)
        if task.room is not None and not rooms:
            return None
        lines = tuple(self.within_reach(self.line_candidates(task, line.skill, line.level, slot,
                                                             site), line.count, site)
                      for line in task.staff)
        required = pins.persons if pins is not None else ()
        if match_lines(task.fewest, lines, required) is None:
            return None
        units = tuple(usable_units(instance, kind, slot, site) for kind, _ in task.equipment)
        pinned_units = set(pins.units) if pins is not None else set()
        for (kind, count), usable in zip(task.equipment, units):
            wanted = [u for u in pinned_units if instance.units[u].type == kind]
            if len(usable) < count or len(wanted) > count or not set(wanted) <= set(usable):
                return None
        if any(instance.units[u].type not in dict(task.equipment) for u in pinned_units):
            return None
        return Mode(index, slot, site, rooms, lines, units)

    def line_candidates(self, task: Task, skill: str, level: int, slot: Slot,
                        site: int) -> tuple[int, ...]:
        instance = self.instance
        found = [p for p, held in self._skilled.get(skill, ())
                 if held >= level and person_may_work(instance, instance.persons[p], slot, site,
                                                      slot.end - slot.start, task.kind)]
        return tuple(sorted(found, key=lambda p: (instance.persons[p].home != site,
                                                  instance.travel[instance.persons[p].home][site],
                                                  p)))

    def within_reach(self, line: tuple[int, ...], count: int, site: int) -> tuple[int, ...]:
        """The line's people (nearest first) within reach, or at least count + spare of them."""
        if self.reach is None:
            return line
        travel = self.instance.travel
        near = [p for p in line if travel[self.instance.persons[p].home][site] <= self.reach]
        kept = line[:max(len(near), count + SPARE_CANDIDATES)]
        self.pruned = self.pruned or len(kept) < len(line)
        return kept


def pinned_slots(task: Task) -> list[Slot]:
    """The task's slots that agree with a pinned date and start."""
    pins = task.pins
    if pins is None:
        return list(task.slots)
    return [s for s in task.slots
            if (pins.day is None or s.day == pins.day)
            and (pins.start is None or s.start == pins.start)]
