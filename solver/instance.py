"""The solver's input: one planning horizon already resolved into indexes and minutes.

`pooling.planning` builds it from a scenario. Nothing here reads dates, day specs or files:
days are indexes `0..days-1`, times are minutes since midnight, and sites, persons, rooms and
units are named by their position in the instance's tuples. Availability is already the
union of a day's windows minus the unavailable periods, so the solver only asks "is this
interval inside one of these spans".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

Span = tuple[int, int]
DaySpans = tuple[tuple[Span, ...], ...]
"""Merged, disjoint half-open spans per day index; an empty outer tuple means none on any day."""

DAY_MINUTES = 24 * 60


def spans_on(day_spans: DaySpans, day: int) -> tuple[Span, ...]:
    """The spans of one day (none when `day_spans` is empty)."""
    return day_spans[day] if day_spans else ()


def covers(spans: tuple[Span, ...], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the merged spans."""
    return any(s <= start and end <= e for s, e in spans)


def overlap_minutes(spans: tuple[Span, ...], start: int, end: int) -> int:
    """Minutes of [start, end) falling inside the disjoint spans."""
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


@dataclass(frozen=True)
class Site:
    id: str
    pool_share: float = 1.0


@dataclass(frozen=True)
class Request:
    """A weighted wish about one day: to work (or not) a task of `kind` (any task if None)."""

    day: int
    work: bool
    kind: str | None = None
    weight: int = 1


@dataclass(frozen=True)
class Rules:
    """A person's rostering rules over the horizon (None: no rule); see docs/format.md for the
    boundaries: outside the horizon lie days off for `max_run` and `forbidden_next`, and runs
    touching either end are never too short."""

    min_run: int | None = None
    """Fewest days worked in a row."""
    max_run: int | None = None
    min_off: int | None = None
    """Fewest days off in a row between two worked days."""
    max_weekends: int | None = None
    max_by_kind: dict[str, int] = field(default_factory=dict)
    forbidden_next: dict[str, frozenset[str]] = field(default_factory=dict)
    """Kinds not allowed the day after a task of the key's kind."""
    min_total: int | None = None
    max_total: int | None = None
    requests: tuple[Request, ...] = ()

    @property
    def has_minimum(self) -> bool:
        """Rules that adding work can mend and removing work can break (no first fit keeps
        them: a plan is checked for them, and mended by CP-SAT)."""
        return bool(self.min_run and self.min_run > 1) or bool(
            self.min_off and self.min_off > 1) or bool(self.min_total)


@dataclass(frozen=True)
class Person:
    id: str
    home: int
    skills: dict[str, int]
    available: DaySpans
    avoid: DaySpans = ()
    sites: frozenset[int] | None = None
    """Sites the contract allows; None means every site."""
    weekly_min: int = 0
    weekly_target: int | None = None
    weekly_max: int = 2880
    daily_max: int = 600
    days_max: int = 6
    daily_travel_max: int | None = None
    rules: Rules | None = None
    """Rostering rules (None: none)."""


@dataclass(frozen=True)
class Room:
    id: str
    site: int
    capacity: int
    features: frozenset[str] = frozenset()
    open: DaySpans | None = None
    """None: always open; otherwise the opening spans of each day."""

    def is_open(self, day: int, start: int, end: int) -> bool:
        return self.open is None or covers(spans_on(self.open, day), start, end)


@dataclass(frozen=True)
class Unit:
    id: str
    type: str
    home: int
    mobile: bool = True
    blocked: DaySpans = ()
    """When the unit may not be used (its `unavailable` periods)."""


@dataclass(frozen=True)
class Slot:
    day: int
    start: int
    end: int


@dataclass(frozen=True)
class StaffLine:
    skill: str
    level: int = 1
    count: int = 1
    under: int | None = None
    """With a weight, the line may hold fewer than `count`, each missing person costing it."""
    over: int | None = None
    """With a weight, the line may hold more than `count`, each extra person costing it."""

    @property
    def fewest(self) -> int:
        return 0 if self.under is not None else self.count

    @property
    def is_target(self) -> bool:
        return self.under is not None or self.over is not None


@dataclass(frozen=True)
class RoomNeed:
    features: frozenset[str] = frozenset()
    at: tuple[int, ...] = ()
    """Sites whose rooms may host the task."""


@dataclass(frozen=True)
class Pins:
    persons: tuple[int, ...] = ()
    room: int | None = None
    units: tuple[int, ...] = ()
    day: int | None = None
    start: int | None = None


@dataclass(frozen=True)
class Task:
    """A need: its possible slots (one when its time is fixed) and what it asks for."""

    id: str
    site: int
    priority: int
    """0 is the highest priority; coverage is lexicographic in this rank."""
    slots: tuple[Slot, ...]
    staff: tuple[StaffLine, ...] = ()
    attendees: int = 0
    room: RoomNeed | None = None
    """None: the task uses no room and takes place at `site`."""
    equipment: tuple[tuple[str, int], ...] = ()
    """(type, count) pairs, one per type."""
    preferred: frozenset[int] = frozenset()
    pins: Pins | None = None
    kind: str | None = None

    @property
    def minutes(self) -> int:
        return self.slots[0].end - self.slots[0].start if self.slots else 0

    @property
    def staff_count(self) -> int:
        return sum(line.count for line in self.staff)

    @property
    def fewest(self) -> tuple[int, ...]:
        """The fewest people each line may hold (its count unless it has an under weight)."""
        return tuple(line.fewest for line in self.staff)

    @property
    def has_targets(self) -> bool:
        return any(line.is_target for line in self.staff)


@dataclass(frozen=True)
class Previous:
    """How a task was served in the previous (published) plan."""

    day: int
    start: int
    room: int | None
    persons: tuple[int, ...]
    units: tuple[int, ...]
    lost: int = 0
    """Facilitators, room and units of the previous assignment that no longer exist: changes
    that no plan can avoid."""


@dataclass(frozen=True)
class Instance:
    sites: tuple[Site, ...]
    travel: tuple[tuple[int, ...], ...]
    """travel[a][b]: minutes from site a to site b (0 on the diagonal)."""
    persons: tuple[Person, ...]
    rooms: tuple[Room, ...]
    units: tuple[Unit, ...]
    tasks: tuple[Task, ...]
    days: int
    week_of_day: tuple[int, ...]
    day_labels: tuple[str, ...]
    """How a day is written in reasons (the ISO date)."""
    priorities: tuple[str, ...] = ("required", "high", "normal", "low")
    priority_labels: tuple[str, ...] | None = None
    """How a priority is written in reasons (default: its name above)."""
    previous: dict[int, Previous] = field(default_factory=dict)
    """Task index -> its previous assignment (re-planning)."""
    weekends: tuple[tuple[int, ...], ...] = ()
    """The days of each weekend of the horizon (its Saturday and the Sunday after, as far as
    they lie inside), for the rostering rule on weekends worked."""

    @cached_property
    def max_travel(self) -> int:
        return max((m for row in self.travel for m in row), default=0)

    @property
    def weeks(self) -> int:
        return max(self.week_of_day, default=-1) + 1

    @cached_property
    def has_rules(self) -> bool:
        return any(person.rules is not None for person in self.persons)

    @cached_property
    def has_minimum_rules(self) -> bool:
        return any(person.rules is not None and person.rules.has_minimum
                   for person in self.persons)
