"""Rule 10: everything pinned on a need is in its assignment as pinned."""

from __future__ import annotations

from collections.abc import Iterator

from pooling.domain import Pin, format_time
from pooling.i18n import N_
from pooling.referee.context import Context, Placed
from pooling.referee.report import Violation

RULE = 10


def _pinned(ctx: Context) -> Iterator[tuple[Pin, Placed]]:
    for p in ctx.placed:
        if p.need.pinned is not None:
            yield p.need.pinned, p


def pinned_need_is_met(ctx: Context) -> Iterator[Violation]:
    for need in ctx.scenario.needs:
        if need.pinned is not None and need.id not in ctx.met_needs:
            yield Violation(RULE, (need.id,), N_("the need is pinned but not met"))


def pinned_facilitators_serve(ctx: Context) -> Iterator[Violation]:
    """Pinned people must be there; others may be added."""
    for pin, p in _pinned(ctx):
        for fid in pin.facilitators:
            if fid not in p.assignment.facilitators:
                yield Violation(RULE, (p.need.id, fid), N_(
                    "pinned facilitator {facilitator} is not in the assignment"),
                    {"facilitator": fid})


def pinned_room_is_booked(ctx: Context) -> Iterator[Violation]:
    for pin, p in _pinned(ctx):
        if pin.room is not None and p.assignment.room != pin.room:
            yield Violation(RULE, (p.need.id, pin.room), N_(
                "the need is pinned to room {pinned} but the assignment books {room}"),
                {"pinned": pin.room, "room": p.assignment.room or "-"})


def pinned_equipment_is_used(ctx: Context) -> Iterator[Violation]:
    for pin, p in _pinned(ctx):
        for uid in pin.equipment:
            if uid not in p.assignment.equipment:
                yield Violation(RULE, (p.need.id, uid), N_(
                    "pinned unit {unit} is not in the assignment"), {"unit": uid})


def pinned_date_is_kept(ctx: Context) -> Iterator[Violation]:
    for pin, p in _pinned(ctx):
        if pin.date is not None and p.date != pin.date:
            yield Violation(RULE, (p.need.id,), N_(
                "the need is pinned to {pinned} but assigned on {date}"),
                {"pinned": pin.date.isoformat(), "date": p.date.isoformat()})


def pinned_start_is_kept(ctx: Context) -> Iterator[Violation]:
    for pin, p in _pinned(ctx):
        if pin.start is not None and p.start != pin.start:
            yield Violation(RULE, (p.need.id,), N_(
                "the need is pinned to start at {pinned} but starts at {start}"),
                {"pinned": format_time(pin.start), "start": format_time(p.start)})


CHECKS = (pinned_need_is_met, pinned_facilitators_serve, pinned_room_is_booked,
          pinned_equipment_is_used, pinned_date_is_kept, pinned_start_is_kept)
