"""Rule 9: equipment units are distinct, exactly as requested, available, and where they can be."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from pooling.domain import Equipment
from pooling.i18n import N_
from pooling.referee.context import Context, Placed, overlapping_pairs, pair_params
from pooling.referee.days import overlap_minutes, period_spans
from pooling.referee.report import Violation

RULE = 9


def _used(ctx: Context) -> Iterator[tuple[Equipment, Placed]]:
    """Each known unit of each assignment, once."""
    for p in ctx.placed:
        for uid in dict.fromkeys(p.assignment.equipment):
            if uid in ctx.units:
                yield ctx.units[uid], p


def _counted(counts: Counter[str]) -> str:
    return ", ".join(f"{kind} x{count}" for kind, count in sorted(counts.items())) or "-"


def equipment_units_are_distinct(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        for uid, times in Counter(p.assignment.equipment).items():
            if times > 1:
                yield Violation(RULE, (p.need.id, uid), N_("unit {unit} is listed {times} times"),
                                {"unit": uid, "times": times})


def equipment_matches_request(ctx: Context) -> Iterator[Violation]:
    """Exact types and counts, no surplus (unknown units are left to rule 1)."""
    for p in ctx.placed:
        if any(uid not in ctx.units for uid in p.assignment.equipment):
            continue
        wanted: Counter[str] = Counter()
        for request in p.need.equipment:
            wanted[request.type] += request.count
        given = Counter(ctx.units[uid].type for uid in p.assignment.equipment)
        if given != wanted:
            yield Violation(RULE, (p.need.id, *dict.fromkeys(p.assignment.equipment)), N_(
                "the equipment given is {given} but the need asks for {wanted}"),
                {"given": _counted(given), "wanted": _counted(wanted)})


def unit_used_once_at_a_time(ctx: Context) -> Iterator[Violation]:
    for uid, uses in ctx.unit_uses.items():
        for first, second in overlapping_pairs(uses):
            yield Violation(RULE, (uid, first.need.id, second.need.id), N_(
                "unit {unit} is used twice on {date}: {first_start}-{first_end} and "
                "{second_start}-{second_end}"), pair_params(first, second) | {"unit": uid})


def unit_not_used_while_unavailable(ctx: Context) -> Iterator[Violation]:
    for unit, p in _used(ctx):
        if overlap_minutes(period_spans(unit.unavailable, p.date, ctx.network), p.start, p.end):
            yield Violation(RULE, (unit.id, p.need.id), N_(
                "unit {unit} is unavailable during {date} {start}-{end}"),
                p.when() | {"unit": unit.id})


def immobile_unit_stays_home(ctx: Context) -> Iterator[Violation]:
    for unit, p in _used(ctx):
        if not unit.mobile and p.site != unit.home_site:
            yield Violation(RULE, (unit.id, p.need.id), N_(
                "unit {unit} is not mobile and stays at {home}, not {site}"),
                {"unit": unit.id, "home": unit.home_site, "site": p.site})


def unit_has_time_to_travel(ctx: Context) -> Iterator[Violation]:
    """Between consecutive uses at different sites, across dates too (absolute minutes)."""
    for uid, uses in ctx.unit_uses.items():
        for first, second in pairwise(uses):
            gap = second.absolute_start - first.absolute_end
            travel = ctx.travel(first.site, second.site)
            if 0 <= gap < travel:
                yield Violation(RULE, (uid, first.need.id, second.need.id), N_(
                    "unit {unit} has only {gap} min between {first_end} on {first_date} at "
                    "{first_site} and {second_start} on {second_date} at {second_site}; "
                    "travel takes {travel} min"),
                    pair_params(first, second) | {"unit": uid, "gap": gap, "travel": travel})


CHECKS = (equipment_units_are_distinct, equipment_matches_request, unit_used_once_at_a_time,
          unit_not_used_while_unavailable, immobile_unit_stays_home, unit_has_time_to_travel)
