"""Rule 2: an assignment's date and times fit its need (fixed exactly, flexible within bounds)."""

from __future__ import annotations

from collections.abc import Iterator

from pooling.domain import format_time
from pooling.i18n import N_
from pooling.referee.context import Context
from pooling.referee.report import Violation

RULE = 2


def fixed_need_keeps_its_time(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        need = p.need
        if need.is_flexible or (p.date, p.start, p.end) == (need.date, need.start, need.end):
            continue
        yield Violation(RULE, (need.id,), N_(
            "the assignment is on {date} {start}-{end} but the need is fixed at "
            "{need_date} {need_start}-{need_end}"),
            p.when() | {"need_date": need.date.isoformat() if need.date else "-",
                        "need_start": format_time(need.start or 0),
                        "need_end": format_time(need.end or 0)})


def flexible_need_on_one_of_its_days(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        if p.need.is_flexible and p.date not in p.need.days:
            yield Violation(RULE, (p.need.id,), N_(
                "the assignment is on {date}, which is not one of the need's days ({days})"),
                {"date": p.date.isoformat(),
                 "days": ", ".join(d.isoformat() for d in p.need.days)})


def flexible_need_inside_its_window(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        need = p.need
        if not need.is_flexible:
            continue
        if not ((need.window_start or 0) <= p.start and p.end <= (need.window_end or 0)):
            yield Violation(RULE, (need.id,), N_(
                "the assignment {start}-{end} is not inside the need's window "
                "{window_start}-{window_end}"),
                p.when() | {"window_start": format_time(need.window_start or 0),
                            "window_end": format_time(need.window_end or 0)})


def flexible_need_lasts_its_duration(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        if p.need.is_flexible and p.minutes != p.need.duration_minutes:
            yield Violation(RULE, (p.need.id,), N_(
                "the assignment lasts {minutes} min but the need lasts {duration} min"),
                {"minutes": p.minutes, "duration": p.need.duration_minutes})


def flexible_need_on_slot_grid(ctx: Context) -> Iterator[Violation]:
    slot = ctx.network.slot_minutes
    for p in ctx.placed:
        if p.need.is_flexible and (p.start % slot or p.end % slot):
            yield Violation(RULE, (p.need.id,), N_(
                "the assignment {start}-{end} is not on the {slot}-minute grid"),
                p.when() | {"slot": slot})


CHECKS = (fixed_need_keeps_its_time, flexible_need_on_one_of_its_days,
          flexible_need_inside_its_window, flexible_need_lasts_its_duration,
          flexible_need_on_slot_grid)
