"""A Curtois & Qu nurse rostering instance as a Pooling scenario (extension "rostering rules").

The benchmark's model (`shared/data/curtois/FORMAT.md`) maps onto the product's:
- one site, `ward`, with no rooms and no equipment; one skill, `nurse`, held by everybody;
- each employee is a facilitator available all day every day, with whole-day `unavailable`
  entries on their days off and the staff line's limits as `rostering` rules: consecutive
  shifts and days off, weekends, total minutes, most shifts of each type as
  `max_needs_by_kind` (0: never), the shift types' forbidden successions as
  `forbidden_next_day`, and the shift on/off requests as weighted requests;
- each (day, shift type) is a need of that `kind`, `room: null`, whose one staff line asks
  for the cover requirement as a target with the cover's under and over weights (a pair with
  no cover line asks for nobody and costs nothing).

Every shift starts at 06:00 and lasts its length, so the shifts of a day overlap and a person
serves at most one of them (rule 5), and at most 13 h long, a day's shift still leaves the
11 h daily rest (rule 7) before the next day's. Day 0 is `week_start`, a Monday.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from pooling.domain import (
    DAY_MINUTES, SLOT_SIZES, WEEKDAYS, Assignment, DayPeriod, Facilitator, Need, Network, Plan,
    Rostering, RosteringRequest, Scenario, Site, StaffLine, WeeklyMinutes, Window,
)
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from scenarios.curtois_instances import (
    Cover, Employee, Instance, Roster, ShiftType, instance_path, read_instance, worked_shifts,
)

WEEK_START = date(2024, 1, 1)
"""A Monday: day 0 of every imported instance unless told otherwise."""
SITE = "ward"
SKILL = "nurse"
SHIFT_START = 6 * 60
DAILY_REST_MINUTES = 660
NO_COVER = Cover(0, "", 0, 0, 0)


def need_id(day: int, shift: str) -> str:
    """`d0-E`: the need of shift type `E` on day 0."""
    return f"d{day}-{shift}"


def day_and_shift(ident: str) -> tuple[int, str] | None:
    """The day and shift type a need id names; None for any other id."""
    head, dash, shift = ident.partition("-")
    if not (dash and shift and head.startswith("d") and head[1:].isdigit()):
        return None
    return int(head[1:]), shift


def curtois_scenario(number: int, week_start: date = WEEK_START) -> Scenario:
    """Instance `number` (1-24) read from `curtois_dir()`."""
    return scenario_from_instance(read_instance(instance_path(number)), week_start)


def scenario_from_instance(instance: Instance, week_start: date = WEEK_START) -> Scenario:
    check_representable(instance, week_start)
    longest = max(shift.minutes for shift in instance.shifts)
    return Scenario(
        network=Network(f"Curtois & Qu {instance.name}", week_start, instance.horizon,
                        slot_minutes=slot_for(instance.shifts)),
        sites=(Site(SITE, "Ward"),),
        facilitators=tuple(facilitator(instance, employee, week_start, longest)
                           for employee in instance.employees),
        rooms=(),
        equipment=(),
        needs=tuple(needs(instance, week_start)),
        skills=(SKILL,),
    )


def check_representable(instance: Instance, week_start: date) -> None:
    """What the product's hard rules could not hold: a long horizon, a too long shift."""
    problems = []
    if week_start.weekday() != 0:
        problems.append(Problem("week_start", N_("{date} is not a Monday"),
                                {"date": week_start.isoformat()}))
    if instance.horizon > 366:
        problems.append(Problem(instance.name, N_(
            "the horizon of {days} days is longer than a scenario's 366"),
            {"days": instance.horizon}))
    longest = DAY_MINUTES - DAILY_REST_MINUTES
    for shift in instance.shifts:
        if shift.minutes > longest or shift.minutes % min(SLOT_SIZES):
            problems.append(Problem(f"{instance.name}, shift {shift.id}", N_(
                "a shift of {minutes} min cannot be a need: it must last a multiple of 5 min, "
                "{longest} min at most, to leave the 11 h daily rest"),
                {"minutes": shift.minutes, "longest": longest}))
    if problems:
        raise InvalidInput(problems)


def slot_for(shifts: tuple[ShiftType, ...]) -> int:
    """The coarsest time grid every shift end falls on."""
    return max(slot for slot in SLOT_SIZES
               if all((SHIFT_START + shift.minutes) % slot == 0 for shift in shifts))


def facilitator(instance: Instance, employee: Employee, week_start: date,
                longest: int) -> Facilitator:
    return Facilitator(
        id=employee.id,
        name=f"Nurse {employee.id}",
        home_site=SITE,
        skills={SKILL: 1},
        availability=tuple(Window(day, 0, DAY_MINUTES) for day in WEEKDAYS),
        unavailable=tuple(DayPeriod((week_start + timedelta(days=day)).isoformat())
                          for day in sorted(employee.days_off)),
        weekly_minutes=WeeklyMinutes(max=7 * longest),
        max_daily_minutes=longest,
        max_days_per_week=7,
        rostering=rostering(instance, employee, week_start),
    )


def rostering(instance: Instance, employee: Employee, week_start: date) -> Rostering:
    """The employee's limits; a minimum of 0 is no rule."""
    def on(day: int) -> date:
        return week_start + timedelta(days=day)

    requests = [RosteringRequest(on(r.day), True, r.shift, r.weight)
                for r in instance.on_requests if r.employee == employee.id]
    requests += [RosteringRequest(on(r.day), False, r.shift, r.weight)
                 for r in instance.off_requests if r.employee == employee.id]
    return Rostering(
        min_consecutive_days=employee.min_consecutive_shifts or None,
        max_consecutive_days=employee.max_consecutive_shifts,
        min_consecutive_days_off=employee.min_consecutive_days_off or None,
        max_weekends=employee.max_weekends,
        max_needs_by_kind=dict(employee.max_shifts),
        forbidden_next_day={shift.id: shift.forbidden_next for shift in instance.shifts
                            if shift.forbidden_next},
        min_total_minutes=employee.min_total_minutes,
        max_total_minutes=employee.max_total_minutes,
        requests=tuple(sorted(requests, key=lambda r: (r.date, r.kind, r.work))),
    )


def needs(instance: Instance, week_start: date) -> list[Need]:
    cover = {(line.day, line.shift): line for line in instance.cover}
    return [Need(
        id=need_id(day, shift.id),
        site=SITE,
        title=f"Shift {shift.id}",
        kind=shift.id,
        date=week_start + timedelta(days=day),
        start=SHIFT_START,
        end=SHIFT_START + shift.minutes,
        staff=(staff_target(cover.get((day, shift.id), NO_COVER)),),
        room=None,
    ) for day in range(instance.horizon) for shift in instance.shifts]


def staff_target(cover: Cover) -> StaffLine:
    return StaffLine(SKILL, 1, cover.requirement, under_weight=cover.under_weight,
                     over_weight=cover.over_weight)


def plan_from_roster(instance: Instance, roster: Roster, week_start: date = WEEK_START) -> Plan:
    """The format-v1 plan of the imported scenario that a roster stands for: every need met by
    the employees working that shift that day (possibly nobody)."""
    working: dict[tuple[int, str], list[str]] = defaultdict(list)
    for employee, day, shift in worked_shifts(instance, roster):
        working[day, shift].append(employee)
    return Plan("feasible", tuple(
        Assignment(need.id, need.date, need.start, need.end, SITE, None,
                   tuple(working[day_and_shift(need.id)]))
        for need in needs(instance, week_start)), ())

