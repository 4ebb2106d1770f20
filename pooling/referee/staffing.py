"""Rule 3: distinct facilitators fill every staff line, as many as the lines ask for."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pooling.domain import StaffLine
from pooling.i18n import N_
from pooling.referee.context import Context
from pooling.referee.matching import maximum_matching
from pooling.referee.report import Violation

RULE = 3


def facilitators_are_distinct(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        for fid, times in Counter(p.assignment.facilitators).items():
            if times > 1:
                yield Violation(RULE, (p.need.id, fid), N_(
                    "facilitator {facilitator} is listed {times} times"),
                    {"facilitator": fid, "times": times})


def staff_count_matches(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        given, wanted = len(p.assignment.facilitators), p.need.staff_count
        if given != wanted:
            yield Violation(RULE, (p.need.id,), N_(
                "{given} facilitators are assigned but the staff lines ask for {wanted}"),
                {"given": given, "wanted": wanted})


def staff_lines_are_filled(ctx: Context) -> Iterator[Violation]:
    """A matching of distinct people to the lines' places must exist (unknown ids: rule 1)."""
    for p in ctx.placed:
        people = list(dict.fromkeys(p.assignment.facilitators))
        if any(fid not in ctx.facilitators for fid in people):
            continue
        places = [line for line in p.need.staff for _ in range(line.count)]
        options = [[i for i, line in enumerate(places) if _qualifies(ctx, fid, line)]
                   for fid in people]
        holders = maximum_matching(options, len(places))
        unfilled = Counter(line for line, holder in zip(places, holders) if holder is None)
        if unfilled:
            yield Violation(RULE, (p.need.id, *people), N_(
                "no matching of the facilitators to the staff lines fills {missing}"),
                {"missing": ", ".join(f"{line.skill} >= {line.level} x{count}"
                                      for line, count in unfilled.items())})


def _qualifies(ctx: Context, fid: str, line: StaffLine) -> bool:
    return ctx.facilitators[fid].skills.get(line.skill, 0) >= line.level


CHECKS = (facilitators_are_distinct, staff_count_matches, staff_lines_are_filled)
