"""Rule 11 (extension "rostering rules"): a facilitator's multi-day rules over the horizon.

A date is worked when the facilitator has an assignment on it. Boundaries follow the
benchmark convention (`docs/format.md`): before and after the horizon lie days off for the
consecutive-days maximum and for next-day successions, but a run of work or of days off that
touches either end of the horizon is never too short.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from itertools import groupby
from operator import attrgetter

from pooling.domain import Facilitator, Rostering
from pooling.i18n import N_
from pooling.referee.context import Context
from pooling.referee.report import Violation
from pooling.referee.workdays import worked_minutes

RULE = 11
SATURDAY = 5

Run = tuple[bool, date, int]
"""A run of the horizon: worked or not, its first date, its length in days."""


def ruled(ctx: Context) -> Iterator[Facilitator]:
    """The facilitators with a rostering rule, whether they work or not."""
    return (person for person in ctx.scenario.facilitators if person.rostering != Rostering())


def worked_dates(ctx: Context, fid: str) -> set[date]:
    return {day for day in ctx.person_days.get(fid, {}) if ctx.network.contains(day)}


def runs(ctx: Context, fid: str) -> list[Run]:
    """The horizon cut into runs of worked dates and of days off, in order."""
    worked = worked_dates(ctx, fid)
    found, index = [], 0
    for is_worked, group in groupby(ctx.network.dates, key=lambda day: day in worked):
        length = len(list(group))
        found.append((is_worked, ctx.network.week_start + timedelta(days=index), length))
        index += length
    return found


def run_params(fid: str, run: Run, limit: int) -> dict[str, object]:
    _, first, length = run
    return {"facilitator": fid, "first": first.isoformat(),
            "last": (first + timedelta(days=length - 1)).isoformat(), "days": length,
            "limit": limit}


def short_inner_runs(ctx: Context, worked: bool,
                     minimum: Callable[[Rostering], int | None]) -> Iterator[tuple[str, Run, int]]:
    """Each facilitator's runs of work (or of days off) shorter than their `minimum`, with it;
    only runs that touch neither end of the horizon count: those alone can be too short."""
    for person in ruled(ctx):
        limit = minimum(person.rostering)
        if limit is None:
            continue
        for run in runs(ctx, person.id)[1:-1]:
            if run[0] == worked and run[2] < limit:
                yield person.id, run, limit


def consecutive_days_within_maximum(ctx: Context) -> Iterator[Violation]:
    for person in ruled(ctx):
        limit = person.rostering.max_consecutive_days
        if limit is None:
            continue
        for run in runs(ctx, person.id):
            if run[0] and run[2] > limit:
                yield Violation(RULE, (person.id,), N_(
                    "{facilitator} works {days} dates in a row from {first} to {last}, more "
                    "than max_consecutive_days {limit}"), run_params(person.id, run, limit))


def consecutive_days_reach_minimum(ctx: Context) -> Iterator[Violation]:
    for fid, run, limit in short_inner_runs(ctx, True, attrgetter("min_consecutive_days")):
        yield Violation(RULE, (fid,), N_(
            "{facilitator} works only {days} dates in a row from {first} to {last}, "
            "fewer than min_consecutive_days {limit}"), run_params(fid, run, limit))


def days_off_reach_minimum(ctx: Context) -> Iterator[Violation]:
    for fid, run, limit in short_inner_runs(ctx, False, attrgetter("min_consecutive_days_off")):
        yield Violation(RULE, (fid,), N_(
            "{facilitator} has only {days} days off in a row from {first} to {last}, "
            "fewer than min_consecutive_days_off {limit}"), run_params(fid, run, limit))


def weekends_within_maximum(ctx: Context) -> Iterator[Violation]:
    """A weekend is worked when its Saturday or its Sunday is."""
    for person in ruled(ctx):
        limit = person.rostering.max_weekends
        if limit is None:
            continue
        saturdays = sorted({day - timedelta(days=day.weekday() - SATURDAY)
                            for day in worked_dates(ctx, person.id) if day.weekday() >= SATURDAY})
        if len(saturdays) > limit:
            yield Violation(RULE, (person.id,), N_(
                "{facilitator} works {weekends} weekends (from {saturdays}), more than "
                "max_weekends {limit}"),
                {"facilitator": person.id, "weekends": len(saturdays), "limit": limit,
                 "saturdays": ", ".join(day.isoformat() for day in saturdays)})


def kinds_within_maximum(ctx: Context) -> Iterator[Violation]:
    for person in ruled(ctx):
        limits = person.rostering.max_needs_by_kind
        counts = Counter(p.need.kind for placed in ctx.person_days.get(person.id, {}).values()
                         for p in placed)
        for kind, limit in limits.items():
            if counts[kind] > limit:
                yield Violation(RULE, (person.id,), N_(
                    "{facilitator} serves {count} needs of kind {kind}, more than "
                    "max_needs_by_kind {limit}"),
                    {"facilitator": person.id, "count": counts[kind], "kind": kind,
                     "limit": limit})


def next_day_successions_allowed(ctx: Context) -> Iterator[Violation]:
    for person in ruled(ctx):
        forbidden = person.rostering.forbidden_next_day
        if not forbidden:
            continue
        days = ctx.person_days.get(person.id, {})
        for day, placed in days.items():
            following = days.get(day + timedelta(days=1), ())
            for first in placed:
                for second in following:
                    if second.need.kind in forbidden.get(first.need.kind, ()):
                        yield Violation(RULE, (person.id, first.need.id, second.need.id), N_(
                            "{facilitator} serves a need of kind {second_kind} on {next_date} "
                            "after one of kind {first_kind} on {date}, which "
                            "forbidden_next_day forbids"),
                            {"facilitator": person.id, "first_kind": first.need.kind,
                             "second_kind": second.need.kind, "date": day.isoformat(),
                             "next_date": second.date.isoformat()})


def total_minutes(ctx: Context, fid: str) -> int:
    """Worked time over the horizon, as the spec counts it per date."""
    return sum(worked_minutes(placed, ctx.travel)
               for day, placed in ctx.person_days.get(fid, {}).items()
               if ctx.network.contains(day))


def total_minutes_within_bounds(ctx: Context) -> Iterator[Violation]:
    for person in ruled(ctx):
        rules = person.rostering
        if rules.min_total_minutes is None and rules.max_total_minutes is None:
            continue
        worked = total_minutes(ctx, person.id)
        params = {"facilitator": person.id, "worked": worked}
        if rules.min_total_minutes is not None and worked < rules.min_total_minutes:
            yield Violation(RULE, (person.id,), N_(
                "{facilitator} works {worked} min over the horizon, fewer than "
                "min_total_minutes {limit}"), params | {"limit": rules.min_total_minutes})
        if rules.max_total_minutes is not None and worked > rules.max_total_minutes:
            yield Violation(RULE, (person.id,), N_(
                "{facilitator} works {worked} min over the horizon, more than "
                "max_total_minutes {limit}"), params | {"limit": rules.max_total_minutes})


CHECKS = (consecutive_days_within_maximum, consecutive_days_reach_minimum, days_off_reach_minimum,
          weekends_within_maximum, kinds_within_maximum, next_day_successions_allowed,
          total_minutes_within_bounds)
