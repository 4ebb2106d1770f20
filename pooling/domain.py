"""The domain of a tiers-lieux network's planning horizon, as plain immutable values.

These classes mirror the interchange format v1 (`shared/spec/scenario-v1.md`) once it has been
read and checked: defaults are applied, times are minutes since midnight, dates are `date`
objects. Day specs stay as written (a weekday name or an ISO date) so that a scenario written
back out says what its author said. Every reader (JSON, XLSX, CSV, database) produces these and
every writer consumes them; nothing here knows about files, SQL or the solver.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PRIORITIES: tuple[str, ...] = ("required", "high", "normal", "low")
"""Highest first: coverage is lexicographic in this order."""
SLOT_SIZES: tuple[int, ...] = (5, 10, 15, 30, 60)
DAY_MINUTES = 24 * 60

Priority = Literal["required", "high", "normal", "low"]
Extra = dict[str, Any]


def value_extra() -> Any:
    """The `extra` field of a value object (window, staff line...): free-form, kept for the
    writer, but not part of the value, so `==` and `hash` ignore it."""
    return field(default=None, compare=False)


def format_time(minutes: int) -> str:
    """Minutes since midnight as the format's `HH:MM` (24:00 allowed)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Network:
    name: str
    week_start: date
    days: int = 7
    slot_minutes: int = 15
    timezone: str = "Europe/Paris"
    extra: Extra | None = None

    @property
    def dates(self) -> list[date]:
        """Every date of the horizon, in order."""
        return [self.week_start + timedelta(days=i) for i in range(self.days)]

    def contains(self, day: date) -> bool:
        return self.week_start <= day < self.week_start + timedelta(days=self.days)

    def week_index(self, day: date) -> int:
        """0 for the first 7-day block starting at `week_start`, 1 for the next..."""
        return (day - self.week_start).days // 7


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    commune: str | None = None
    lat: float | None = None
    lon: float | None = None
    pool_share: float = 1.0
    extra: Extra | None = None


@dataclass(frozen=True)
class Window:
    """`{"day": DAYSPEC, "start": TIME, "end": TIME}`; `day` is a weekday name or an ISO date."""

    day: str
    start: int
    end: int
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class DayPeriod:
    """An `unavailable` entry: whole day when both times are None, else as the spec reads it."""

    day: str
    start: int | None = None
    end: int | None = None
    extra: Extra | None = value_extra()

    @property
    def span(self) -> tuple[int, int]:
        """The minutes covered: no start means from 00:00, no end means until 24:00."""
        return (self.start if self.start is not None else 0,
                self.end if self.end is not None else DAY_MINUTES)


@dataclass(frozen=True)
class WeeklyMinutes:
    min: int = 0
    target: int | None = None
    max: int = 2880
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class RosteringRequest:
    """A weighted wish of a facilitator about one date: to work a need of `kind` there (`work`
    true) or not to (`work` false); `kind` None means any need of that date."""

    date: date
    work: bool
    kind: str | None = None
    weight: int = 1
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class Rostering:
    """Multi-day rules of a facilitator's rota (extension "rostering rules" of format v1).

    None means no rule. Outside the horizon lie days off for the consecutive-days maximum and
    the next-day successions, but work for the consecutive-days minimum and days off for the
    consecutive-days-off minimum (`docs/format.md`)."""

    min_consecutive_days: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days_off: int | None = None
    max_weekends: int | None = None
    max_needs_by_kind: dict[str, int] = field(default_factory=dict)
    forbidden_next_day: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kinds that may not be worked on the date after a need of the key's kind."""
    min_total_minutes: int | None = None
    max_total_minutes: int | None = None
    requests: tuple[RosteringRequest, ...] = ()
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class Facilitator:
    id: str
    name: str
    home_site: str
    skills: dict[str, int]
    availability: tuple[Window, ...]
    unavailable: tuple[DayPeriod, ...] = ()
    avoid: tuple[Window, ...] = ()
    sites: tuple[str, ...] | None = None
    """None: every site allowed; an empty tuple: no site allowed."""
    weekly_minutes: WeeklyMinutes = field(default_factory=WeeklyMinutes)
    max_daily_minutes: int = 600
    max_days_per_week: int = 6
    max_daily_travel_minutes: int | None = None
    extra: Extra | None = None
    rostering: Rostering = field(default_factory=Rostering)


@dataclass(frozen=True)
class Room:
    id: str
    site: str
    name: str
    capacity: int
    features: tuple[str, ...] = ()
    availability: tuple[Window, ...] | None = None
    """None: always open; an empty tuple: never open."""
    extra: Extra | None = None


@dataclass(frozen=True)
class Equipment:
    id: str
    type: str
    home_site: str
    name: str | None = None
    mobile: bool = True
    unavailable: tuple[DayPeriod, ...] = ()
    extra: Extra | None = None


@dataclass(frozen=True)
class StaffLine:
    """`count` facilitators holding `skill` at `level` or above. With `under_weight` the line
    may hold fewer (each missing one costs that weight), with `over_weight` more (each extra
    one costs that weight): `count` is then a target (extension "rostering rules")."""

    skill: str
    level: int = 1
    count: int = 1
    extra: Extra | None = value_extra()
    under_weight: int | None = None
    over_weight: int | None = None

    @property
    def is_target(self) -> bool:
        return self.under_weight is not None or self.over_weight is not None

    @property
    def fewest(self) -> int:
        """The fewest facilitators the line may hold."""
        return 0 if self.under_weight is not None else self.count

    @property
    def most(self) -> int | None:
        """The most facilitators the line may hold; None when unbounded."""
        return None if self.over_weight is not None else self.count


@dataclass(frozen=True)
class RoomRequest:
    features: tuple[str, ...] = ()
    at: tuple[str, ...] | None = None
    """Sites whose rooms may host the need; None means the need's own site."""
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class EquipmentRequest:
    type: str
    count: int = 1
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class Pin:
    facilitators: tuple[str, ...] = ()
    room: str | None = None
    equipment: tuple[str, ...] = ()
    date: date | None = None
    start: int | None = None
    extra: Extra | None = value_extra()


@dataclass(frozen=True)
class Need:
    """A declared need. Fixed time: `date`, `start`, `end`. Flexible: `days`, `window_*`, `duration`."""

    id: str
    site: str
    title: str
    kind: str | None = None
    date: date | None = None
    start: int | None = None
    end: int | None = None
    days: tuple[date, ...] | None = None
    window_start: int | None = None
    window_end: int | None = None
    duration_minutes: int | None = None
    staff: tuple[StaffLine, ...] = ()
    attendees: int = 0
    room: RoomRequest | None = field(default_factory=RoomRequest)
    """None: the need uses no room (`"room": null`)."""
    equipment: tuple[EquipmentRequest, ...] = ()
    priority: Priority = "normal"
    preferred_facilitators: tuple[str, ...] = ()
    pinned: Pin | None = None
    extra: Extra | None = None
    window_extra: Extra | None = None
    """The `extra` object of a flexible need's `window`."""

    @property
    def is_flexible(self) -> bool:
        return self.days is not None

    @property
    def length(self) -> int:
        """Duration in minutes, fixed or flexible."""
        if self.is_flexible:
            return self.duration_minutes or 0
        return (self.end or 0) - (self.start or 0)

    @property
    def host_sites(self) -> tuple[str, ...]:
        """Sites whose rooms may host it (`room.at`, defaulting to the need's own site)."""
        if self.room is None or self.room.at is None:
            return (self.site,)
        return self.room.at

    @property
    def staff_count(self) -> int:
        return sum(line.count for line in self.staff)


@dataclass(frozen=True)
class Scenario:
    network: Network
    sites: tuple[Site, ...]
    facilitators: tuple[Facilitator, ...]
    rooms: tuple[Room, ...]
    equipment: tuple[Equipment, ...]
    needs: tuple[Need, ...]
    travel_minutes: dict[tuple[str, str], int] = field(default_factory=dict)
    """Declared pairs only, each stored once as given (first id, second id)."""
    skills: tuple[str, ...] | None = None
    extra: Extra | None = None


# --- plans -----------------------------------------------------------------------------------

PlanStatus = Literal["optimal", "feasible", "unknown"]


@dataclass(frozen=True)
class Assignment:
    need: str
    date: date
    start: int
    end: int
    site: str
    room: str | None
    facilitators: tuple[str, ...]
    equipment: tuple[str, ...] = ()
    extra: Extra | None = None


@dataclass(frozen=True)
class Unmet:
    need: str
    reasons: tuple[str, ...]
    extra: Extra | None = None


@dataclass(frozen=True)
class Plan:
    status: PlanStatus
    assignments: tuple[Assignment, ...]
    unmet: tuple[Unmet, ...]
    objective: float | None = None
    bound: float | None = None
    kpis: dict[str, Any] | None = None
    extra: Extra | None = None
