"""Rules 6 and 7: daily and weekly caps, days per week, daily travel, breaks, daily rest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from pooling.domain import DAY_MINUTES, format_time
from pooling.i18n import N_
from pooling.referee.context import Context, Placed
from pooling.referee.report import Violation
from pooling.referee.workdays import (BREAK_MINUTES, CHAIN_LIMIT_MINUTES, break_chains,
                                      chain_span, day_travel, last_of_day, worked_minutes)

DAILY_REST_MINUTES = 660


def weeks_worked(ctx: Context, fid: str) -> dict[int, dict[date, tuple[Placed, ...]]]:
    """A facilitator's worked dates grouped by 7-day block from `week_start`."""
    weeks: dict[int, dict[date, tuple[Placed, ...]]] = defaultdict(dict)
    for day, placed in ctx.person_days.get(fid, {}).items():
        weeks[ctx.network.week_index(day)][day] = placed
    return dict(weeks)


def week_params(ctx: Context, week: int) -> dict[str, object]:
    start = ctx.network.week_start + timedelta(days=7 * week)
    return {"week": week + 1, "week_start": start.isoformat()}


def daily_worked_time_within_cap(ctx: Context) -> Iterator[Violation]:
    for fid, days in ctx.person_days.items():
        limit = ctx.facilitators[fid].max_daily_minutes
        for day, placed in days.items():
            worked = worked_minutes(placed, ctx.travel)
            if worked > limit:
                yield Violation(6, (fid,), N_(
                    "{facilitator} works {worked} min on {date}, more than the daily maximum "
                    "of {limit} min"),
                    {"facilitator": fid, "worked": worked, "date": day.isoformat(),
                     "limit": limit})


def weekly_worked_time_within_cap(ctx: Context) -> Iterator[Violation]:
    """A partial last week keeps the full weekly cap."""
    for fid in ctx.person_days:
        limit = ctx.facilitators[fid].weekly_minutes.max
        for week, days in weeks_worked(ctx, fid).items():
            worked = sum(worked_minutes(placed, ctx.travel) for placed in days.values())
            if worked > limit:
                yield Violation(6, (fid,), N_(
                    "{facilitator} works {worked} min in week {week} (from {week_start}), "
                    "more than the weekly maximum of {limit} min"),
                    week_params(ctx, week) | {"facilitator": fid, "worked": worked,
                                              "limit": limit})


def days_worked_per_week_within_cap(ctx: Context) -> Iterator[Violation]:
    for fid in ctx.person_days:
        limit = ctx.facilitators[fid].max_days_per_week
        for week, days in weeks_worked(ctx, fid).items():
            if len(days) > limit:
                yield Violation(6, (fid,), N_(
                    "{facilitator} works {days} dates in week {week} (from {week_start}), "
                    "more than the maximum of {limit}"),
                    week_params(ctx, week) | {"facilitator": fid, "days": len(days),
                                              "limit": limit})


def daily_travel_within_cap(ctx: Context) -> Iterator[Violation]:
    """Commute included: home to the first site, between sites, back home."""
    for fid, days in ctx.person_days.items():
        person = ctx.facilitators[fid]
        if person.max_daily_travel_minutes is None:
            continue
        for day, placed in days.items():
            travel = day_travel(placed, person.home_site, ctx.travel)
            if travel > person.max_daily_travel_minutes:
                yield Violation(6, (fid,), N_(
                    "{facilitator} travels {travel} min on {date}, more than the daily travel "
                    "maximum of {limit} min"),
                    {"facilitator": fid, "travel": travel, "date": day.isoformat(),
                     "limit": person.max_daily_travel_minutes})


def chained_assignments_leave_breaks(ctx: Context) -> Iterator[Violation]:
    """Assignments chained with under 20 idle minutes span at most 6 h, first start to last end."""
    for fid, days in ctx.person_days.items():
        for day, placed in days.items():
            for chain in break_chains(placed, ctx.travel):
                span = chain_span(chain)
                if span > CHAIN_LIMIT_MINUTES:
                    yield Violation(6, (fid, *(p.need.id for p in chain)), N_(
                        "assignments chained without a {pause}-minute break on {date} span "
                        "{span} min from {start} to {end}, more than {limit} min"),
                        {"pause": BREAK_MINUTES, "date": day.isoformat(), "span": span,
                         "limit": CHAIN_LIMIT_MINUTES, "start": format_time(chain[0].start),
                         "end": format_time(max(p.end for p in chain))})


def daily_rest_between_worked_dates(ctx: Context) -> Iterator[Violation]:
    """Rule 7: 11 h from a date's last end to the next date's first start."""
    for fid, days in ctx.person_days.items():
        for day, placed in days.items():
            following = days.get(day + timedelta(days=1))
            if not following:
                continue
            last, first = last_of_day(placed), following[0]
            rest = DAY_MINUTES - last.end + first.start
            if rest < DAILY_REST_MINUTES:
                yield Violation(7, (fid, last.need.id, first.need.id), N_(
                    "{facilitator} has only {rest} min of rest between {end} on {date} and "
                    "{start} on {next_date}; {required} min are required"),
                    {"facilitator": fid, "rest": rest, "end": format_time(last.end),
                     "date": day.isoformat(), "start": format_time(first.start),
                     "next_date": first.date.isoformat(), "required": DAILY_REST_MINUTES})


CHECKS = (daily_worked_time_within_cap, weekly_worked_time_within_cap,
          days_worked_per_week_within_cap, daily_travel_within_cap,
          chained_assignments_leave_breaks, daily_rest_between_worked_dates)
