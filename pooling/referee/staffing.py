"""Rule 3: distinct facilitators fill every staff line, as many as the lines ask for (within
the bounds of lines with staff targets, extension "rostering rules")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pooling.domain import Need
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


def has_targets(need: Need) -> bool:
    """Staff lines with targets are judged by `staff_targets_are_respected`."""
    return any(line.is_target for line in need.staff)


def staff_count_matches(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        if has_targets(p.need):
            continue
        given, wanted = len(p.assignment.facilitators), p.need.staff_count
        if given != wanted:
            yield Violation(RULE, (p.need.id,), N_(
                "{given} facilitators are assigned but the staff lines ask for {wanted}"),
                {"given": given, "wanted": wanted})


def staff_lines_are_filled(ctx: Context) -> Iterator[Violation]:
    """A matching of distinct people to the lines' places must exist (unknown ids: rule 1)."""
    for p in ctx.placed:
        people = list(dict.fromkeys(p.assignment.facilitators))
        if has_targets(p.need) or any(fid not in ctx.facilitators for fid in people):
            continue
        places = [line for line in p.need.staff for _ in range(line.count)]
        options = [[i for i, line in enumerate(places) if ctx.qualifies(fid, line)]
                   for fid in people]
        holders = maximum_matching(options, len(places))
        unfilled = Counter(line for line, holder in zip(places, holders) if holder is None)
        if unfilled:
            yield Violation(RULE, (p.need.id, *people), N_(
                "no matching of the facilitators to the staff lines fills {missing}"),
                {"missing": ", ".join(f"{line.skill} >= {line.level} x{count}"
                                      for line, count in unfilled.items())})


def staff_targets_are_respected(ctx: Context) -> Iterator[Violation]:
    """Extension "rostering rules": lines with weights may hold fewer or more people than their
    count, but each person holds a line of their skill and the other bounds still hold."""
    for p in ctx.placed:
        attribution = ctx.staff_attributions.get(p.index)
        if attribution is None or attribution.feasible:
            continue
        people = tuple(dict.fromkeys(p.assignment.facilitators))
        fewest = sum(line.fewest for line in p.need.staff)
        bounded = [line.most for line in p.need.staff]
        most = None if None in bounded else sum(bounded)
        if len(people) < fewest:
            yield Violation(RULE, (p.need.id, *people), N_(
                "{given} facilitators are assigned but the staff lines without under_weight ask "
                "for {fewest}"), {"given": len(people), "fewest": fewest})
        elif most is not None and len(people) > most:
            yield Violation(RULE, (p.need.id, *people), N_(
                "{given} facilitators are assigned but the staff lines take at most {most}"),
                {"given": len(people), "most": most})
        else:
            yield Violation(RULE, (p.need.id, *people), N_(
                "the facilitators cannot hold the staff lines: each must hold a line of their "
                "skill and level, lines without under_weight filled to their count, lines "
                "without over_weight holding at most their count"))


CHECKS = (facilitators_are_distinct, staff_count_matches, staff_lines_are_filled,
          staff_targets_are_respected)
