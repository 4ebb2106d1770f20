"""The scenario indexed by id and the plan's assignments resolved against it.

Rules 2-10 only look at what resolves: an assignment whose need is unknown is left to rule 1,
and so are unknown facilitators, rooms and units inside an assignment. The scenario itself is
taken as valid (read by `pooling.interchange`), so every pair of its sites has a travel time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from pooling.domain import DAY_MINUTES, Assignment, Need, Plan, Scenario, StaffLine, format_time
from pooling.referee.staff_targets import Attribution, cheapest_attribution
from pooling.travel import TravelTable


@dataclass(frozen=True)
class Placed:
    """An assignment of a known need, with the site where the activity takes place.

    The activity site is the booked room's site, else the need's site (spec: Activity site);
    rule 8 checks that the assignment's own `site` field says the same.
    """

    index: int
    assignment: Assignment
    need: Need
    site: str

    @property
    def date(self) -> date:
        return self.assignment.date

    @property
    def start(self) -> int:
        return self.assignment.start

    @property
    def end(self) -> int:
        return self.assignment.end

    @property
    def minutes(self) -> int:
        return self.end - self.start

    @property
    def absolute_start(self) -> int:
        """Minutes since day one, to order uses across dates."""
        return self.date.toordinal() * DAY_MINUTES + self.start

    @property
    def absolute_end(self) -> int:
        return self.date.toordinal() * DAY_MINUTES + self.end

    def overlaps(self, other: Placed) -> bool:
        """Half-open intervals on the same date; touching is not overlapping."""
        return self.date == other.date and max(self.start, other.start) < min(self.end, other.end)

    def when(self) -> dict[str, str]:
        """Message params naming the slot."""
        return {"date": self.date.isoformat(), "start": format_time(self.start),
                "end": format_time(self.end)}


def in_time_order(placed: list[Placed]) -> tuple[Placed, ...]:
    """Consecutive order of the spec: by start time (ties broken by end, then plan order)."""
    return tuple(sorted(placed, key=lambda p: (p.absolute_start, p.absolute_end, p.index)))


class Context:
    """Everything the rules read, computed once per check."""

    def __init__(self, scenario: Scenario, plan: Plan):
        self.scenario = scenario
        self.plan = plan
        self.network = scenario.network
        self.sites = {s.id: s for s in scenario.sites}
        self.facilitators = {f.id: f for f in scenario.facilitators}
        self.rooms = {r.id: r for r in scenario.rooms}
        self.units = {u.id: u for u in scenario.equipment}
        self.needs = {n.id: n for n in scenario.needs}
        self.travel = TravelTable(scenario).minutes
        self.placed = tuple(
            Placed(index, a, self.needs[a.need], self._activity_site(a, self.needs[a.need]))
            for index, a in enumerate(plan.assignments) if a.need in self.needs)

    def _activity_site(self, assignment: Assignment, need: Need) -> str:
        room = self.rooms.get(assignment.room) if assignment.room is not None else None
        return room.site if room is not None else need.site

    @cached_property
    def met_needs(self) -> set[str]:
        return {p.need.id for p in self.placed}

    @cached_property
    def person_days(self) -> dict[str, dict[date, tuple[Placed, ...]]]:
        """Each known facilitator's assignments, per date, in consecutive order."""
        days: dict[str, dict[date, list[Placed]]] = defaultdict(lambda: defaultdict(list))
        for p in self.placed:
            for fid in dict.fromkeys(p.assignment.facilitators):
                if fid in self.facilitators:
                    days[fid][p.date].append(p)
        return {fid: {day: in_time_order(items) for day, items in sorted(per_day.items())}
                for fid, per_day in days.items()}

    def qualifies(self, fid: str, line: StaffLine) -> bool:
        return self.facilitators[fid].skills.get(line.skill, 0) >= line.level

    @cached_property
    def staff_attributions(self) -> dict[int, Attribution]:
        """The cheapest attribution of each assignment whose need has a staff target, by the
        assignment's index (assignments naming an unknown facilitator are left to rule 1)."""
        found = {}
        for p in self.placed:
            people = list(dict.fromkeys(p.assignment.facilitators))
            if (any(line.is_target for line in p.need.staff)
                    and all(fid in self.facilitators for fid in people)):
                found[p.index] = cheapest_attribution(p.need.staff, people, self.qualifies)
        return found

    @cached_property
    def unit_uses(self) -> dict[str, tuple[Placed, ...]]:
        """Each known equipment unit's uses over the horizon, in consecutive order."""
        uses: dict[str, list[Placed]] = defaultdict(list)
        for p in self.placed:
            for uid in dict.fromkeys(p.assignment.equipment):
                if uid in self.units:
                    uses[uid].append(p)
        return {uid: in_time_order(items) for uid, items in uses.items()}

    @cached_property
    def room_uses(self) -> dict[str, tuple[Placed, ...]]:
        """Each known room's bookings, in time order."""
        uses: dict[str, list[Placed]] = defaultdict(list)
        for p in self.placed:
            if p.assignment.room in self.rooms:
                uses[p.assignment.room].append(p)
        return {rid: in_time_order(items) for rid, items in uses.items()}


def overlapping_pairs(ordered: tuple[Placed, ...]):
    """Every pair of overlapping assignments of a time-ordered sequence, earlier first."""
    for i, first in enumerate(ordered):
        for second in ordered[i + 1:]:
            if second.absolute_start >= first.absolute_end:
                break
            if first.overlaps(second):
                yield first, second


def pair_params(first: Placed, second: Placed) -> dict[str, str]:
    """Message params naming two assignments (dates, times and sites)."""
    return {"date": first.date.isoformat(), "first_date": first.date.isoformat(),
            "second_date": second.date.isoformat(),
            "first_start": format_time(first.start), "first_end": format_time(first.end),
            "second_start": format_time(second.start), "second_end": format_time(second.end),
            "first_site": first.site, "second_site": second.site}
