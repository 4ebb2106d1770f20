"""Rules 4 and 5: each facilitator is available, allowed on site, and in one place at a time."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from pooling.domain import Facilitator
from pooling.i18n import N_
from pooling.referee.context import Context, Placed, overlapping_pairs, pair_params
from pooling.referee.days import inside, overlap_minutes, period_spans, window_spans
from pooling.referee.report import Violation


def _staffed(ctx: Context) -> Iterator[tuple[Facilitator, Placed]]:
    """Each known facilitator of each assignment, once."""
    for p in ctx.placed:
        for fid in dict.fromkeys(p.assignment.facilitators):
            if fid in ctx.facilitators:
                yield ctx.facilitators[fid], p


def facilitator_is_available(ctx: Context) -> Iterator[Violation]:
    """Rule 4: inside the union of that date's availability windows."""
    for person, p in _staffed(ctx):
        if not inside(window_spans(person.availability, p.date, ctx.network), p.start, p.end):
            yield Violation(4, (person.id, p.need.id), N_(
                "{facilitator} is not available for the whole of {date} {start}-{end}"),
                p.when() | {"facilitator": person.id})


def facilitator_is_not_unavailable(ctx: Context) -> Iterator[Violation]:
    """Rule 4: outside every `unavailable` period."""
    for person, p in _staffed(ctx):
        if overlap_minutes(period_spans(person.unavailable, p.date, ctx.network), p.start, p.end):
            yield Violation(4, (person.id, p.need.id), N_(
                "{facilitator} is unavailable during {date} {start}-{end}"),
                p.when() | {"facilitator": person.id})


def facilitator_may_work_at_site(ctx: Context) -> Iterator[Violation]:
    """Rule 4: the activity site is among the contract's `sites` (None: all, empty: none)."""
    for person, p in _staffed(ctx):
        if person.sites is not None and p.site not in person.sites:
            yield Violation(4, (person.id, p.need.id), N_(
                "{facilitator} may not work at site {site}"),
                {"facilitator": person.id, "site": p.site})


def facilitator_assignments_do_not_overlap(ctx: Context) -> Iterator[Violation]:
    """Rule 5: one place at a time."""
    for fid, days in ctx.person_days.items():
        for day in days.values():
            for first, second in overlapping_pairs(day):
                yield Violation(5, (fid, first.need.id, second.need.id), N_(
                    "assignments overlap on {date}: {first_start}-{first_end} and "
                    "{second_start}-{second_end}"), pair_params(first, second))


def facilitator_has_time_to_travel(ctx: Context) -> Iterator[Violation]:
    """Rule 5: between direct neighbours at different sites, the gap covers the travel."""
    for fid, days in ctx.person_days.items():
        for day in days.values():
            for first, second in pairwise(day):
                gap, travel = second.start - first.end, ctx.travel(first.site, second.site)
                if 0 <= gap < travel:
                    yield Violation(5, (fid, first.need.id, second.need.id), N_(
                        "only {gap} min on {date} between {first_end} at {first_site} and "
                        "{second_start} at {second_site}; travel takes {travel} min"),
                        pair_params(first, second) | {"gap": gap, "travel": travel})


CHECKS = (facilitator_is_available, facilitator_is_not_unavailable, facilitator_may_work_at_site,
          facilitator_assignments_do_not_overlap, facilitator_has_time_to_travel)
