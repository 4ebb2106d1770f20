"""Who and what is busy when, and what a new visit would clash with (rules 5-9).

The greedy builds its plan through a `Ledger`, the reasons module asks it why a task does not
fit, and the neighbourhood search prunes candidates with it. It reads the rules exactly as the
model does: worked time, day travel (commute included), days, weekly caps and the 11 h rest as
the spec defines them; travel gaps and 20-minute break chains between *any* two visits of a
day rather than only consecutive ones, and travel gaps between any two uses of a unit. Those
two readings are stricter than the spec, and identical to it whenever travel times obey the
triangle inequality (a detour is never shorter), as estimated travel always does: then a
visit in between only makes the gap tighter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from solver.instance import DAY_MINUTES, Instance
from solver.solution import Placement

BREAK_MINUTES = 20
CHAIN_LIMIT_MINUTES = 360
DAILY_REST_MINUTES = 660


@dataclass(frozen=True)
class Visit:
    """One task on a resource's timeline."""

    task: int
    day: int
    start: int
    end: int
    site: int

    @property
    def absolute_start(self) -> int:
        return self.day * DAY_MINUTES + self.start

    @property
    def absolute_end(self) -> int:
        return self.day * DAY_MINUTES + self.end


@dataclass(frozen=True)
class Clash:
    """Why a visit does not fit: the rule and the tasks already there that it collides with."""

    rule: str
    """overlap, travel, daily_minutes, weekly_minutes, days_per_week, daily_travel, break, rest,
    room_busy, unit_busy, unit_travel."""
    tasks: tuple[int, ...]


def visit_of(placement: Placement) -> Visit:
    return Visit(placement.task, placement.day, placement.start, placement.end, placement.site)


def in_order(visits: list[Visit]) -> list[Visit]:
    return sorted(visits, key=lambda v: (v.start, v.end, v.task))


def travel_between(day: list[Visit], travel) -> int:
    """Travel between consecutive visits of a day: working time."""
    return sum(travel[a.site][b.site] for a, b in pairwise(day))


def worked_minutes(day: list[Visit], travel) -> int:
    return sum(v.end - v.start for v in day) + travel_between(day, travel)


def day_travel(day: list[Visit], home: int, travel) -> int:
    """Home to the first site, between sites, back home from the last (latest-ending) one."""
    if not day:
        return 0
    last = max(day, key=lambda v: (v.end, v.start, v.task))
    return travel[home][day[0].site] + travel_between(day, travel) + travel[last.site][home]


def too_long_chain(day: list[Visit], travel) -> list[Visit] | None:
    """Visits chained by less than 20 idle minutes (travel is work) spanning over 6 h.

    Any two visits of the day less than 20 idle minutes apart are in the same chain; a chain
    of two or more visits lasts at most 6 h from its first start to its last end.
    """
    chain_start: dict[int, int] = {}
    linked: dict[int, list[Visit]] = {}
    for j, after in enumerate(day):
        start, members = after.start, [after]
        for i in range(j):
            before = day[i]
            idle = after.start - before.end - travel[before.site][after.site]
            if 0 <= idle < BREAK_MINUTES and chain_start[i] <= start:
                start, members = chain_start[i], linked[i] + [after]
        chain_start[j], linked[j] = start, members
        if len(members) > 1 and after.end - start > CHAIN_LIMIT_MINUTES:
            return members
    return None


def too_close(a: Visit, b: Visit, travel) -> bool:
    """Two visits of a day at different sites without the travel time between them."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return second.start - first.end < travel[first.site][second.site]


def rest_between(before: list[Visit], after: list[Visit]) -> int:
    """Minutes from the last end of a day to the first start of the next day."""
    return DAY_MINUTES - max(v.end for v in before) + min(v.start for v in after)


class Ledger:
    """The timelines of every person, room and unit of a partial plan."""

    def __init__(self, instance: Instance):
        self.instance = instance
        self.person_days: list[dict[int, list[Visit]]] = [defaultdict(list)
                                                          for _ in instance.persons]
        self.room_days: list[dict[int, list[Visit]]] = [defaultdict(list)
                                                        for _ in instance.rooms]
        self.unit_uses: list[list[Visit]] = [[] for _ in instance.units]
        self.placements: dict[int, Placement] = {}
        self.day_worked: list[dict[int, int]] = [{} for _ in instance.persons]
        """Worked minutes of each worked day (kept up to date, so that the weekly and
        horizon totals below need no walk through the whole horizon)."""
        self.week_worked: list[dict[int, int]] = [defaultdict(int) for _ in instance.persons]
        self.week_days: list[dict[int, int]] = [defaultdict(int) for _ in instance.persons]
        self.total_worked: list[int] = [0] * len(instance.persons)
        self.kind_counts: list[Counter[str]] = [Counter() for _ in instance.persons]
        self.weekend_of: dict[int, int] = {d: w for w, days in enumerate(instance.weekends)
                                           for d in days}
        self.days_of_week: dict[int, list[int]] = defaultdict(list)
        for d, week in enumerate(instance.week_of_day):
            self.days_of_week[week].append(d)
        self.weekend_days: list[Counter[int]] = [Counter() for _ in instance.persons]
        """Worked days of each weekend (the rostering rules count kinds and weekends)."""

    def add(self, placement: Placement) -> None:
        visit = visit_of(placement)
        self.placements[placement.task] = placement
        kind = self.instance.tasks[placement.task].kind
        for person in placement.persons:
            day = self.person_days[person][visit.day]
            day.append(visit)
            day[:] = in_order(day)
            self._count_day(person, visit.day)
            self.kind_counts[person][kind] += 1
        if placement.room is not None:
            self.room_days[placement.room][visit.day].append(visit)
        for unit in placement.units:
            self.unit_uses[unit].append(visit)

    def remove(self, task: int) -> Placement:
        placement = self.placements.pop(task)
        kind = self.instance.tasks[task].kind
        for person in placement.persons:
            day = self.person_days[person][placement.day]
            day[:] = [v for v in day if v.task != task]
            self._count_day(person, placement.day)
            self.kind_counts[person][kind] -= 1
        if placement.room is not None:
            bookings = self.room_days[placement.room][placement.day]
            bookings[:] = [v for v in bookings if v.task != task]
        for unit in placement.units:
            self.unit_uses[unit] = [v for v in self.unit_uses[unit] if v.task != task]
        return placement

    def _count_day(self, person: int, day: int) -> None:
        """Bring the day's worked minutes and the totals holding them up to date."""
        week = self.instance.week_of_day[day]
        weekend = self.weekend_of.get(day)
        before = self.day_worked[person].pop(day, None)
        if before is not None:
            self.week_worked[person][week] -= before
            self.week_days[person][week] -= 1
            self.total_worked[person] -= before
            if weekend is not None:
                self.weekend_days[person][weekend] -= 1
        visits = self.person_days[person].get(day)
        if visits:
            minutes = worked_minutes(visits, self.instance.travel)
            self.day_worked[person][day] = minutes
            self.week_worked[person][week] += minutes
            self.week_days[person][week] += 1
            self.total_worked[person] += minutes
            if weekend is not None:
                self.weekend_days[person][weekend] += 1

    # --- people ---------------------------------------------------------------------------

    def day_of(self, person: int, day: int) -> list[Visit]:
        return self.person_days[person].get(day, [])

    def worked_in_week(self, person: int, week: int, replaced: tuple[int, list[Visit]]) -> int:
        """Worked minutes of a week, with one day's visits replaced by `replaced`."""
        day, visits = replaced
        return (self.week_worked[person][week] - self.day_worked[person].get(day, 0)
                + worked_minutes(visits, self.instance.travel))

    def person_clashes(self, person: int, visit: Visit) -> list[Clash]:
        """Every rule of 5-7 that `visit` would break in this person's timeline."""
        return list(self._person_clashes(person, visit))

    def person_fits(self, person: int, visit: Visit) -> bool:
        """Whether `visit` breaks no rule for this person (stops at the first it breaks)."""
        return next(self._person_clashes(person, visit), None) is None

    def _person_clashes(self, person: int, visit: Visit) -> Iterator[Clash]:
        instance = self.instance
        who = instance.persons[person]
        travel = instance.travel
        current = self.day_of(person, visit.day)
        overlapping = tuple(v.task for v in current if v.start < visit.end and visit.start < v.end)
        if overlapping:
            yield Clash("overlap", overlapping)
            return
        day = in_order([*current, visit])
        late = tuple(v.task for v in current if too_close(v, visit, travel))
        if late:
            yield Clash("travel", late)
        others = tuple(v.task for v in current)
        if worked_minutes(day, travel) > who.daily_max:
            yield Clash("daily_minutes", others)
        if (who.daily_travel_max is not None
                and day_travel(day, who.home, travel) > who.daily_travel_max):
            yield Clash("daily_travel", others)
        chain = too_long_chain(day, travel)
        if chain is not None:
            yield Clash("break", tuple(v.task for v in chain if v is not visit))
        week = instance.week_of_day[visit.day]
        if self.worked_in_week(person, week, (visit.day, day)) > who.weekly_max:
            yield Clash("weekly_minutes", self._week_tasks(person, week))
        if not current and self.week_days[person][week] >= who.days_max:
            yield Clash("days_per_week", self._week_tasks(person, week))
        before = self.day_of(person, visit.day - 1)
        after = self.day_of(person, visit.day + 1)
        tired = tuple(v.task for v in before if rest_between([v], day) < DAILY_REST_MINUTES) + \
            tuple(v.task for v in after if rest_between(day, [v]) < DAILY_REST_MINUTES)
        if tired:
            yield Clash("rest", tired)
        if who.rules is not None:
            yield from rostering_clashes(self, person, visit, day)

    def _week_tasks(self, person: int, week: int) -> tuple[int, ...]:
        days = self.person_days[person]
        return tuple(v.task for d in self.days_of_week[week] for v in days.get(d, ()))

    # --- rooms and units ------------------------------------------------------------------

    def room_clashes(self, room: int, visit: Visit) -> list[Clash]:
        busy = tuple(v.task for v in self.room_days[room].get(visit.day, ())
                     if v.start < visit.end and visit.start < v.end)
        return [Clash("room_busy", busy)] if busy else []

    def unit_clashes(self, unit: int, visit: Visit) -> list[Clash]:
        """Overlapping uses, or uses at another site too close in time to move the unit."""
        travel = self.instance.travel
        busy, far = [], []
        for use in self.unit_uses[unit]:
            if use.absolute_start < visit.absolute_end and visit.absolute_start < use.absolute_end:
                busy.append(use.task)
                continue
            first, second = (use, visit) if use.absolute_start < visit.absolute_start else (visit,
                                                                                          use)
            if second.absolute_start - first.absolute_end < travel[first.site][second.site]:
                far.append(use.task)
        clashes = [Clash("unit_busy", tuple(busy))] if busy else []
        return clashes + ([Clash("unit_travel", tuple(far))] if far else [])


def rostering_clashes(ledger: Ledger, person: int, visit: Visit,
                      day: list[Visit]) -> Iterator[Clash]:
    """The rostering rules that adding work can break (most of a kind, next-day successions,
    consecutive days, weekends, total minutes); the minimums are the model's business. The
    ledger's counters answer each in constant time; the tasks are listed only on a clash."""
    instance = ledger.instance
    rules = instance.persons[person].rules
    days = ledger.person_days[person]
    kind = instance.tasks[visit.task].kind

    def kind_of(v: Visit) -> str | None:
        return instance.tasks[v.task].kind

    def tasks_on(chosen: Iterable[int]) -> tuple[int, ...]:
        return tuple(v.task for d in sorted(chosen) for v in days.get(d, ()))

    limit = rules.max_by_kind.get(kind) if kind is not None else None
    if limit is not None and ledger.kind_counts[person][kind] + 1 > limit:
        yield Clash("kind_count", tuple(v.task for d in sorted(days) for v in days[d]
                                        if kind_of(v) == kind))
    before = tuple(v.task for v in days.get(visit.day - 1, ())
                   if kind in rules.forbidden_next.get(kind_of(v), ()))
    after = tuple(v.task for v in days.get(visit.day + 1, ())
                  if kind_of(v) in rules.forbidden_next.get(kind, ()))
    if before or after:
        yield Clash("next_day", before + after)
    worked = ledger.day_worked[person]
    new_day = visit.day not in worked
    if rules.max_run is not None and new_day:
        first = last = visit.day
        while first - 1 in worked:
            first -= 1
        while last + 1 in worked:
            last += 1
        if last - first + 1 > rules.max_run:
            yield Clash("consecutive_days", tasks_on(range(first, last + 1)))
    weekend = ledger.weekend_of.get(visit.day)
    weekends = ledger.weekend_days[person]
    if rules.max_weekends is not None and weekend is not None and not weekends[weekend]:
        worked_weekends = [w for w, count in weekends.items() if count]
        if len(worked_weekends) + 1 > rules.max_weekends:
            yield Clash("weekends", tasks_on(d for w in worked_weekends
                                             for d in instance.weekends[w]))
    if rules.max_total is not None:
        total = (ledger.total_worked[person] - worked.get(visit.day, 0)
                 + worked_minutes(day, instance.travel))
        if total > rules.max_total:
            yield Clash("total_minutes", tasks_on(days))
