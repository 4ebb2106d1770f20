"""Solving a scenario: the one place translating the domain to the solver and back.

`scenario_instance` resolves a checked scenario into the solver's input (day indexes, minutes,
each day's availability as merged spans minus the unavailable periods, a travel matrix);
`plan_of` turns the solver's answer into a format v1 plan with translated reasons; and
`solve_scenario` is the use case the CLI and the web UI call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from pooling.domain import (PRIORITIES, WEEKDAYS, Assignment, DayPeriod, Rostering,
                            Facilitator, Need, Network, Plan, Scenario, Unmet, Window)
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_, translate
from pooling.travel import TravelTable
from solver import (Instance, Person, PinConflict, Pins, Previous, Progress, Request, Room,
                    RoomNeed, RosterConflict, Rules, Site, Slot, Solution, StaffLine, Task, Unit,
                    solve)
from solver.instance import DaySpans, Span

Method = str
""""cpsat" (the engine) or "greedy" (the first-fit baseline)."""


# --- scenario -> solver ----------------------------------------------------------------------

def applies_on(day_spec: str, day: date) -> bool:
    """A weekday name means that weekday of every week; an ISO date means itself."""
    if day_spec in WEEKDAYS:
        return WEEKDAYS.index(day_spec) == day.weekday()
    return day_spec == day.isoformat()


def merged(spans: Iterable[Span]) -> tuple[Span, ...]:
    """The union of half-open spans, touching ones merged."""
    result: list[Span] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return tuple(result)


def minus(spans: tuple[Span, ...], removed: tuple[Span, ...]) -> tuple[Span, ...]:
    """`spans` without the minutes of `removed` (both merged)."""
    result = list(spans)
    for r_start, r_end in removed:
        result = [piece for s, e in result
                  for piece in ((s, min(e, r_start)), (max(s, r_end), e)) if piece[0] < piece[1]]
    return tuple(result)


def window_spans(windows: Iterable[Window], dates: list[date]) -> DaySpans:
    return tuple(merged((w.start, w.end) for w in windows if applies_on(w.day, d))
                 for d in dates)


def period_spans(periods: Iterable[DayPeriod], dates: list[date]) -> DaySpans:
    return tuple(merged(p.span for p in periods if applies_on(p.day, d)) for d in dates)


def rules_of(rostering: Rostering, day_index: dict[date, int]) -> Rules | None:
    """The rostering rules with days as indexes (requests outside the horizon never apply)."""
    if rostering == Rostering():
        return None
    return Rules(
        min_run=rostering.min_consecutive_days, max_run=rostering.max_consecutive_days,
        min_off=rostering.min_consecutive_days_off, max_weekends=rostering.max_weekends,
        max_by_kind=dict(rostering.max_needs_by_kind),
        forbidden_next={kind: frozenset(after)
                        for kind, after in rostering.forbidden_next_day.items() if after},
        min_total=rostering.min_total_minutes, max_total=rostering.max_total_minutes,
        requests=tuple(Request(day_index[r.date], r.work, r.kind, r.weight)
                       for r in rostering.requests if r.date in day_index))


def weekends_of(dates: list[date]) -> tuple[tuple[int, ...], ...]:
    """Day indexes of each weekend, grouped by its Saturday (as the referee reads them)."""
    groups: dict[date, list[int]] = {}
    for index, day in enumerate(dates):
        if day.weekday() >= 5:
            groups.setdefault(day - timedelta(days=day.weekday() - 5), []).append(index)
    return tuple(tuple(days) for _, days in sorted(groups.items()))


def person_of(f: Facilitator, dates: list[date], site_index: dict[str, int]) -> Person:
    windows = window_spans(f.availability, dates)
    away = period_spans(f.unavailable, dates)
    return Person(
        id=f.id, home=site_index[f.home_site], skills=dict(f.skills),
        available=tuple(minus(w, a) for w, a in zip(windows, away)),
        avoid=window_spans(f.avoid, dates) if f.avoid else (),
        sites=frozenset(site_index[s] for s in f.sites) if f.sites is not None else None,
        weekly_min=f.weekly_minutes.min, weekly_target=f.weekly_minutes.target,
        weekly_max=f.weekly_minutes.max, daily_max=f.max_daily_minutes,
        days_max=f.max_days_per_week, daily_travel_max=f.max_daily_travel_minutes,
        rules=rules_of(f.rostering, {d: i for i, d in enumerate(dates)}))


def slots_of(need: Need, network: Network, day_index: dict[date, int]) -> tuple[Slot, ...]:
    """The fixed slot, or every start on the slot grid inside the window of each day."""
    if not need.is_flexible:
        return (Slot(day_index[need.date], need.start, need.end),)
    duration = need.duration_minutes or 0
    return tuple(Slot(day_index[d], start, start + duration)
                 for d in need.days if d in day_index
                 for start in range(need.window_start, need.window_end - duration + 1,
                                    network.slot_minutes))


class Indexes:
    """Positions of every id of a scenario in the solver's tuples."""

    def __init__(self, scenario: Scenario):
        self.dates = scenario.network.dates
        self.day = {d: i for i, d in enumerate(self.dates)}
        self.site = {s.id: i for i, s in enumerate(scenario.sites)}
        self.person = {f.id: i for i, f in enumerate(scenario.facilitators)}
        self.room = {r.id: i for i, r in enumerate(scenario.rooms)}
        self.unit = {u.id: i for i, u in enumerate(scenario.equipment)}
        self.need = {n.id: i for i, n in enumerate(scenario.needs)}


def task_of(need: Need, scenario: Scenario, ix: Indexes) -> Task:
    requested: dict[str, int] = {}
    for request in need.equipment:
        requested[request.type] = requested.get(request.type, 0) + request.count
    room = None
    if need.room is not None:
        room = RoomNeed(frozenset(need.room.features), tuple(ix.site[s] for s in need.host_sites))
    pins = None
    if need.pinned is not None:
        pin = need.pinned
        pins = Pins(persons=tuple(ix.person[f] for f in pin.facilitators),
                    room=ix.room[pin.room] if pin.room is not None else None,
                    units=tuple(ix.unit[u] for u in pin.equipment),
                    day=ix.day[pin.date] if pin.date is not None else None, start=pin.start)
    return Task(
        id=need.id, site=ix.site[need.site], priority=PRIORITIES.index(need.priority),
        slots=slots_of(need, scenario.network, ix.day),
        staff=tuple(StaffLine(s.skill, s.level, s.count, s.under_weight, s.over_weight)
                    for s in need.staff),
        attendees=need.attendees, room=room, equipment=tuple(requested.items()),
        preferred=frozenset(ix.person[f] for f in need.preferred_facilitators if f in ix.person),
        pins=pins, kind=need.kind)


def previous_of(plan: Plan, ix: Indexes) -> dict[int, Previous]:
    """The previous plan's assignments of needs still declared; ids that no longer exist are
    counted as lost (a change no plan avoids)."""
    found = {}
    for a in plan.assignments:
        if a.need in ix.need and a.date in ix.day:
            gone = ([f for f in a.facilitators if f not in ix.person]
                    + [u for u in a.equipment if u not in ix.unit]
                    + ([a.room] if a.room is not None and a.room not in ix.room else []))
            found[ix.need[a.need]] = Previous(
                day=ix.day[a.date], start=a.start, room=ix.room.get(a.room) if a.room else None,
                persons=tuple(ix.person[f] for f in a.facilitators if f in ix.person),
                units=tuple(ix.unit[u] for u in a.equipment if u in ix.unit), lost=len(gone))
    return found


def scenario_instance(scenario: Scenario, previous: Plan | None = None,
                      language: str = "en") -> Instance:
    """The solver's input for a scenario that passed validation (reasons name priorities in
    `language`)."""
    ix = Indexes(scenario)
    table = TravelTable(scenario)
    sites = scenario.sites
    travel = tuple(tuple(0 if a.id == b.id else table.minutes(a.id, b.id) for b in sites)
                   for a in sites)
    network = scenario.network
    return Instance(
        sites=tuple(Site(s.id, s.pool_share) for s in sites),
        travel=travel,
        persons=tuple(person_of(f, ix.dates, ix.site) for f in scenario.facilitators),
        rooms=tuple(Room(r.id, ix.site[r.site], r.capacity, frozenset(r.features),
                         window_spans(r.availability, ix.dates)
                         if r.availability is not None else None) for r in scenario.rooms),
        units=tuple(Unit(u.id, u.type, ix.site[u.home_site], u.mobile,
                         period_spans(u.unavailable, ix.dates) if u.unavailable else ())
                    for u in scenario.equipment),
        tasks=tuple(task_of(n, scenario, ix) for n in scenario.needs),
        days=network.days,
        week_of_day=tuple(network.week_index(d) for d in ix.dates),
        day_labels=tuple(d.isoformat() for d in ix.dates),
        priorities=PRIORITIES,
        priority_labels=tuple(translate(p, language) for p in PRIORITIES),
        previous=previous_of(previous, ix) if previous is not None else {},
        weekends=weekends_of(ix.dates))


# --- solver -> plan --------------------------------------------------------------------------

def plan_of(scenario: Scenario, instance: Instance, solution: Solution,
            language: str = "en") -> Plan:
    """The format v1 plan: assignments and unmet needs in the scenario's need order.

    Reasons are written in `language`; their message ids and params are kept in each unmet
    entry's `extra` so that a user interface can show them in another language.
    """
    ix = Indexes(scenario)
    by_task = {p.task: p for p in solution.placements}
    assignments = tuple(
        Assignment(need=instance.tasks[p.task].id, date=ix.dates[p.day], start=p.start,
                   end=p.end, site=instance.sites[p.site].id,
                   room=instance.rooms[p.room].id if p.room is not None else None,
                   facilitators=tuple(instance.persons[i].id for i in p.persons),
                   equipment=tuple(instance.units[u].id for u in p.units))
        for p in sorted(by_task.values(), key=lambda p: p.task))
    unmet = tuple(
        Unmet(need=instance.tasks[u.task].id,
              reasons=tuple(translate(r.message, language, **r.params) for r in u.reasons),
              extra={"reasons": [{"message": r.message, "params": r.params} for r in u.reasons]})
        for u in sorted(solution.unplaced, key=lambda u: u.task))
    return Plan(status=solution.status, assignments=assignments, unmet=unmet,
                objective=solution.objective, bound=solution.bound, kpis=solution.kpis,
                extra={"timings": solution.timings})


PIN_CONFLICT = N_("the pins of {needs} cannot all hold together")
PIN_IMPOSSIBLE = N_("need {need} is pinned but cannot be met as pinned")


def pin_problems(scenario: Scenario, conflict: PinConflict) -> list[Problem]:
    """What the conflicting pins are, then why, each at the first need's `pinned` field."""
    where = f"$.needs[{conflict.tasks[0]}].pinned"
    needs = [scenario.needs[t].id for t in conflict.tasks]
    head = (Problem(where, PIN_IMPOSSIBLE, {"need": needs[0]}) if len(needs) == 1
            else Problem(where, PIN_CONFLICT, {"needs": ", ".join(needs)}))
    return [head, *(Problem(where, r.message, r.params) for r in conflict.reasons)]


ROSTER_CONFLICT = N_("the rostering minimums of {facilitator} (consecutive days, days off in a "
                     "row, total minutes) cannot hold beside the other facilitators' needs: "
                     "lower them, or free this person for more needs")


def solve_scenario(scenario: Scenario, *, method: Method = "cpsat", time_limit: float = 30.0,
                   workers: int | None = None, seed: int = 0, previous: Plan | None = None,
                   progress: Callable[[Progress], None] | None = None,
                   language: str = "en") -> Plan:
    """The best plan found within `time_limit` seconds (`InvalidInput` when pins conflict).

    `workers` defaults to the machine's cores. With one worker the search is deterministic:
    the same scenario and seed give the same plan (the time limit is then read as the
    solver's deterministic time, close to seconds on one core).
    """
    instance = scenario_instance(scenario, previous, language)
    try:
        solution = solve(instance, method=method, time_limit=time_limit, workers=workers,
                         seed=seed, progress=progress)
    except PinConflict as conflict:
        raise InvalidInput(pin_problems(scenario, conflict)) from None
    except RosterConflict as conflict:
        raise InvalidInput([Problem(f"$.facilitators[{conflict.person}].rostering",
                                    ROSTER_CONFLICT,
                                    {"facilitator": instance.persons[conflict.person].id})]
                           ) from None
    return plan_of(scenario, instance, solution, language)


__all__ = ["plan_of", "scenario_instance", "solve_scenario"]
