"""An independent checker of Curtois & Qu rosters: the hard constraints of
`shared/data/curtois/FORMAT.md` section 2 (numbered as there, 1-9) and the instance's own
penalty (section 3), computed from the instance file's model alone.

It never uses the referee nor the solver, so that a plan the engine finds for an imported
scenario can be judged by the benchmark's own rules and compared with the published figures.
A roster is `employee -> day -> shift or None`; a plan of the imported scenario
(`scenarios/curtois.py`) is read through its need ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from pooling.domain import Plan
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_, translate
from scenarios.curtois import day_and_shift
from scenarios.curtois_instances import Employee, Instance, Roster, Worked, worked_shifts

SATURDAY, SUNDAY = 5, 6


@dataclass(frozen=True)
class Breach:
    """A broken hard constraint: its number in FORMAT.md section 2, the employee, what."""

    constraint: int
    employee: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        return translate(self.message, language, **self.params)


@dataclass(frozen=True)
class Verdict:
    breaches: tuple[Breach, ...]
    parts: dict[str, int]
    """`shift_on_requests`, `shift_off_requests`, `under_cover`, `over_cover`."""

    @property
    def feasible(self) -> bool:
        return not self.breaches

    @property
    def penalty(self) -> int:
        return sum(self.parts.values())

    @property
    def constraints(self) -> set[int]:
        return {breach.constraint for breach in self.breaches}


def check_roster(instance: Instance, roster: Roster) -> Verdict:
    return verdict(instance, worked_shifts(instance, roster))


def check_imported_plan(instance: Instance, plan: Plan) -> Verdict:
    """A plan of the imported scenario: each assignment's need id names its day and shift."""
    return verdict(instance, shifts_of_plan(instance, plan))


def shifts_of_plan(instance: Instance, plan: Plan) -> tuple[Worked, ...]:
    problems = []
    employees = {employee.id for employee in instance.employees}
    shifts = instance.shift_by_id
    worked = []
    for index, assignment in enumerate(plan.assignments):
        where = f"assignments[{index}]"
        key = day_and_shift(assignment.need)
        if key is None or key[1] not in shifts or not 0 <= key[0] < instance.horizon:
            problems.append(Problem(where, N_("{need} names no day and shift of the instance"),
                                    {"need": assignment.need}))
            continue
        for employee in assignment.facilitators:
            if employee in employees:
                worked.append((employee, *key))
            else:
                problems.append(Problem(where, N_(
                    "unknown employee {employee}: use one listed in SECTION_STAFF"),
                    {"employee": employee}))
    if problems:
        raise InvalidInput(problems)
    return tuple(worked)


def verdict(instance: Instance, worked: tuple[Worked, ...]) -> Verdict:
    schedule = Schedule(instance, worked)
    breaches = [breach for check in CHECKS for employee in instance.employees
                for breach in check(schedule, employee)]
    return Verdict(tuple(breaches), penalty_parts(instance, worked))


class Schedule:
    """The shifts worked, indexed the ways the constraints read them."""

    def __init__(self, instance: Instance, worked: tuple[Worked, ...]):
        self.instance = instance
        self.worked = set(worked)
        self.per_day = Counter((employee, day) for employee, day, _ in worked)
        self.per_type = Counter((employee, shift) for employee, _, shift in worked)
        self.minutes = Counter()
        lengths = {shift.id: shift.minutes for shift in instance.shifts}
        for employee, _, shift in worked:
            self.minutes[employee] += lengths[shift]

    def works(self, employee: str, day: int) -> bool:
        return self.per_day[employee, day] > 0

    def blocks(self, employee: str) -> list[tuple[bool, int, int]]:
        """`(worked, first day, length)` of each run of the horizon."""
        found, first = [], 0
        for worked, run in groupby(range(self.instance.horizon),
                                   key=lambda day: self.works(employee, day)):
            length = len(list(run))
            found.append((worked, first, length))
            first += length
        return found


def one_shift_per_day(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    for day in range(schedule.instance.horizon):
        if schedule.per_day[employee.id, day] > 1:
            yield Breach(1, employee.id, N_("{employee} works {count} shifts on day {day}"),
                         {"employee": employee.id, "count": schedule.per_day[employee.id, day],
                          "day": day})


def shift_rotation(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    """Nothing crosses the horizon: day 0 follows a day off."""
    for shift in schedule.instance.shifts:
        for day in range(schedule.instance.horizon - 1):
            if (employee.id, day, shift.id) not in schedule.worked:
                continue
            for following in shift.forbidden_next:
                if (employee.id, day + 1, following) in schedule.worked:
                    yield Breach(2, employee.id, N_(
                        "{employee} works {following} on day {next_day} after {shift} on day "
                        "{day}"), {"employee": employee.id, "shift": shift.id,
                                   "following": following, "day": day, "next_day": day + 1})


def maximum_shifts(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    for shift, limit in employee.max_shifts.items():
        count = schedule.per_type[employee.id, shift]
        if count > limit:
            yield Breach(3, employee.id, N_(
                "{employee} works {count} shifts {shift}, more than the maximum {limit}"),
                {"employee": employee.id, "count": count, "shift": shift, "limit": limit})


def total_minutes(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    minutes = schedule.minutes[employee.id]
    if not employee.min_total_minutes <= minutes <= employee.max_total_minutes:
        yield Breach(4, employee.id, N_(
            "{employee} works {minutes} min, outside {low} to {high} min"),
            {"employee": employee.id, "minutes": minutes, "low": employee.min_total_minutes,
             "high": employee.max_total_minutes})


def maximum_consecutive_shifts(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    """Days off are assumed before and after the horizon."""
    for worked, first, length in schedule.blocks(employee.id):
        if worked and length > employee.max_consecutive_shifts:
            yield Breach(5, employee.id, N_(
                "{employee} works {length} days in a row from day {first}, more than {limit}"),
                {"employee": employee.id, "length": length, "first": first,
                 "limit": employee.max_consecutive_shifts})


def minimum_consecutive_shifts(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    """Only blocks with a day off on both sides inside the horizon can be too short."""
    for worked, first, length in schedule.blocks(employee.id)[1:-1]:
        if worked and length < employee.min_consecutive_shifts:
            yield Breach(6, employee.id, N_(
                "{employee} works only {length} days in a row from day {first}, fewer than "
                "{limit}"), {"employee": employee.id, "length": length, "first": first,
                             "limit": employee.min_consecutive_shifts})


def minimum_consecutive_days_off(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    """Only rests with a worked day on both sides inside the horizon can be too short."""
    for worked, first, length in schedule.blocks(employee.id)[1:-1]:
        if not worked and length < employee.min_consecutive_days_off:
            yield Breach(7, employee.id, N_(
                "{employee} has only {length} days off in a row from day {first}, fewer than "
                "{limit}"), {"employee": employee.id, "length": length, "first": first,
                             "limit": employee.min_consecutive_days_off})


def maximum_weekends(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    """Weekend w is days 7w+5 and 7w+6; it is worked when either is."""
    weekends = sum(1 for week in range(schedule.instance.weeks)
                   if schedule.works(employee.id, 7 * week + SATURDAY)
                   or schedule.works(employee.id, 7 * week + SUNDAY))
    if weekends > employee.max_weekends:
        yield Breach(8, employee.id, N_(
            "{employee} works {weekends} weekends, more than {limit}"),
            {"employee": employee.id, "weekends": weekends, "limit": employee.max_weekends})


def days_off(schedule: Schedule, employee: Employee) -> Iterator[Breach]:
    for day in sorted(employee.days_off):
        if schedule.works(employee.id, day):
            yield Breach(9, employee.id, N_("{employee} works on day {day}, a day off"),
                         {"employee": employee.id, "day": day})


CHECKS = (one_shift_per_day, shift_rotation, maximum_shifts, total_minutes,
          maximum_consecutive_shifts, minimum_consecutive_shifts, minimum_consecutive_days_off,
          maximum_weekends, days_off)
"""FORMAT.md section 2, constraints 1 to 9 in order."""


def penalty_parts(instance: Instance, worked: tuple[Worked, ...]) -> dict[str, int]:
    """FORMAT.md section 3: `q (1 - x)` per on-request, `p x` per off-request, and per cover
    line `u` per missing and `v` per extra employee."""
    done = set(worked)
    staffed = Counter((day, shift) for _, day, shift in worked)
    return {
        "shift_on_requests": sum(r.weight for r in instance.on_requests
                                 if (r.employee, r.day, r.shift) not in done),
        "shift_off_requests": sum(r.weight for r in instance.off_requests
                                  if (r.employee, r.day, r.shift) in done),
        "under_cover": sum(c.under_weight * max(0, c.requirement - staffed[c.day, c.shift])
                           for c in instance.cover),
        "over_cover": sum(c.over_weight * max(0, staffed[c.day, c.shift] - c.requirement)
                          for c in instance.cover),
    }
