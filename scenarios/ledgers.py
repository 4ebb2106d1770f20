"""Bookings of people, rooms and equipment units while the generator plants a plan.

Each ledger accepts a booking only when the hard rules of format v1 still hold afterwards, so
the planted plan is valid by construction: availability and allowed sites, no overlap, travel
gaps, daily and weekly caps, days per week, daily travel, break chains, 11 h daily rest (a
person); opening hours, capacity and one booking at a time (a room); one place at a time with
travel between uses, fixed units at home (an equipment unit).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from pooling.domain import DAY_MINUTES, WEEKDAYS

Travel = Callable[[str, str], int]
Spans = Mapping[str, tuple[tuple[int, int], ...]]
"""Opening or availability windows by weekday name."""

BREAK_MINUTES = 20
CHAIN_LIMIT_MINUTES = 360
DAILY_REST_MINUTES = 660


def inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether `[start, end)` lies inside one of the (non-touching) spans."""
    return any(s <= start and end <= e for s, e in spans)


def overlaps(booked: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in booked)


@dataclass
class PersonLedger:
    """A facilitator's planted week and the limits of the contract."""

    home: str
    allowed: tuple[str, ...]
    availability: Spans
    max_daily: int
    max_weekly: int
    max_days: int
    max_daily_travel: int | None
    travel: Travel
    days: dict[date, list[tuple[int, int, str]]] = field(default_factory=dict)
    weekly: int = 0

    def can_take(self, day: date, start: int, end: int, site: str) -> bool:
        if site not in self.allowed:
            return False
        if not inside(self.availability.get(WEEKDAYS[day.weekday()], ()), start, end):
            return False
        booked = self.days.get(day, [])
        if overlaps(booked, start, end):
            return False
        if not booked and len(self.days) >= self.max_days:
            return False
        after = sorted([*booked, (start, end, site)])
        worked = self.worked(after)
        return (self.travel_fits(after) and self.breaks_fit(after)
                and worked <= self.max_daily
                and self.weekly - self.worked(booked) + worked <= self.max_weekly
                and self.rest_fits(day, after))

    def take(self, day: date, start: int, end: int, site: str) -> None:
        booked = self.days.setdefault(day, [])
        before = self.worked(booked)
        insort(booked, (start, end, site))
        self.weekly += self.worked(booked) - before

    def worked(self, booked: list[tuple[int, int, str]]) -> int:
        """Assignment minutes plus travel between places of work (the commute is not work)."""
        return (sum(e - s for s, e, _ in booked)
                + sum(self.travel(a[2], b[2]) for a, b in pairwise(booked)))

    def travel_fits(self, booked: list[tuple[int, int, str]]) -> bool:
        """Gaps cover the travel between sites, and the day's travel stays under its cap."""
        between = 0
        for (_, first_end, first_site), (second_start, _, second_site) in pairwise(booked):
            minutes = self.travel(first_site, second_site)
            if second_start - first_end < minutes:
                return False
            between += minutes
        if self.max_daily_travel is None:
            return True
        last_site = max(booked, key=lambda b: b[1])[2]
        commute = self.travel(self.home, booked[0][2]) + self.travel(last_site, self.home)
        return commute + between <= self.max_daily_travel

    def breaks_fit(self, booked: list[tuple[int, int, str]]) -> bool:
        """Assignments chained with under 20 idle minutes last at most 6 h end to end."""
        chain_start = booked[0][0]
        for (_, first_end, first_site), (second_start, second_end, second_site) in pairwise(
                booked):
            idle = second_start - first_end - self.travel(first_site, second_site)
            if idle >= BREAK_MINUTES:
                chain_start = second_start
            elif second_end - chain_start > CHAIN_LIMIT_MINUTES:
                return False
        return True

    def rest_fits(self, day: date, booked: list[tuple[int, int, str]]) -> bool:
        """11 h between the last end of one date and the first start of the next."""
        first_start, last_end = booked[0][0], max(e for _, e, _ in booked)
        previous = self.days.get(date.fromordinal(day.toordinal() - 1))
        following = self.days.get(date.fromordinal(day.toordinal() + 1))
        if previous and DAY_MINUTES - max(e for _, e, _ in previous) + first_start \
                < DAILY_REST_MINUTES:
            return False
        return not (following and DAY_MINUTES - last_end + following[0][0]
                    < DAILY_REST_MINUTES)


@dataclass
class RoomLedger:
    """A room's opening hours and bookings."""

    id: str
    site: str
    capacity: int
    features: tuple[str, ...]
    opening: Spans | None
    """None: always open."""
    days: dict[date, list[tuple[int, int, str]]] = field(default_factory=dict)

    def can_host(self, day: date, start: int, end: int, attendees: int,
                 features: tuple[str, ...]) -> bool:
        if attendees > self.capacity or not set(features) <= set(self.features):
            return False
        if self.opening is not None and not inside(
                self.opening.get(WEEKDAYS[day.weekday()], ()), start, end):
            return False
        return not overlaps(self.days.get(day, []), start, end)

    def take(self, day: date, start: int, end: int) -> None:
        insort(self.days.setdefault(day, []), (start, end, self.site))


@dataclass
class UnitLedger:
    """An equipment unit's uses over the horizon, in absolute minutes, with their sites."""

    id: str
    type: str
    home: str
    mobile: bool
    travel: Travel
    uses: list[tuple[int, int, str]] = field(default_factory=list)

    def can_serve(self, day: date, start: int, end: int, site: str) -> bool:
        if not self.mobile and site != self.home:
            return False
        begin, finish = absolute(day, start), absolute(day, end)
        if overlaps(self.uses, begin, finish):
            return False
        before = [use for use in self.uses if use[1] <= begin]
        after = [use for use in self.uses if use[0] >= finish]
        if before and begin - before[-1][1] < self.travel(before[-1][2], site):
            return False
        return not (after and after[0][0] - finish < self.travel(site, after[0][2]))

    def take(self, day: date, start: int, end: int, site: str) -> None:
        insort(self.uses, (absolute(day, start), absolute(day, end), site))

    def used_on(self, day: date) -> bool:
        begin = absolute(day, 0)
        return any(s < begin + DAY_MINUTES and begin < e for s, e, _ in self.uses)


def absolute(day: date, minute: int) -> int:
    """Minutes since day one, to order uses across dates."""
    return day.toordinal() * DAY_MINUTES + minute
