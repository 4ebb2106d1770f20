"""Rule 1: every need appears exactly once, ids exist, every unmet need says why."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pooling.i18n import N_
from pooling.referee.context import Context
from pooling.referee.report import Violation

RULE = 1


def each_need_appears_once(ctx: Context) -> Iterator[Violation]:
    """A need is either assigned or unmet, exactly once."""
    assigned = Counter(a.need for a in ctx.plan.assignments)
    unmet = Counter(u.need for u in ctx.plan.unmet)
    for need in ctx.scenario.needs:
        total = assigned[need.id] + unmet[need.id]
        if total == 0:
            yield Violation(RULE, (need.id,),
                            N_("the need is neither assigned nor listed as unmet"))
        elif total > 1:
            yield Violation(RULE, (need.id,), N_(
                "the need appears {total} times ({assigned} assigned, {unmet} unmet); "
                "it must appear exactly once"),
                {"total": total, "assigned": assigned[need.id], "unmet": unmet[need.id]})


def assignment_ids_exist(ctx: Context) -> Iterator[Violation]:
    """Every id an assignment names exists in the scenario."""
    for index, a in enumerate(ctx.plan.assignments):
        where = {"index": index}
        if a.need not in ctx.needs:
            yield Violation(RULE, (a.need,), N_("assignments[{index}] names an unknown need"),
                            where)
        if a.site not in ctx.sites:
            yield Violation(RULE, (a.need, a.site), N_(
                "assignments[{index}] names an unknown site {site}"), where | {"site": a.site})
        if a.room is not None and a.room not in ctx.rooms:
            yield Violation(RULE, (a.need, a.room), N_(
                "assignments[{index}] names an unknown room {room}"), where | {"room": a.room})
        for fid in dict.fromkeys(a.facilitators):
            if fid not in ctx.facilitators:
                yield Violation(RULE, (a.need, fid), N_(
                    "assignments[{index}] names an unknown facilitator {facilitator}"),
                    where | {"facilitator": fid})
        for uid in dict.fromkeys(a.equipment):
            if uid not in ctx.units:
                yield Violation(RULE, (a.need, uid), N_(
                    "assignments[{index}] names an unknown equipment unit {unit}"),
                    where | {"unit": uid})


def unmet_ids_exist(ctx: Context) -> Iterator[Violation]:
    for index, u in enumerate(ctx.plan.unmet):
        if u.need not in ctx.needs:
            yield Violation(RULE, (u.need,), N_("unmet[{index}] names an unknown need"),
                            {"index": index})


def unmet_need_has_reason(ctx: Context) -> Iterator[Violation]:
    """A coordinator must be told what is missing to act on it."""
    for index, u in enumerate(ctx.plan.unmet):
        if not any(reason.strip() for reason in u.reasons):
            yield Violation(RULE, (u.need,), N_("unmet[{index}] gives no non-empty reason"),
                            {"index": index})


CHECKS = (each_need_appears_once, assignment_ids_exist, unmet_ids_exist, unmet_need_has_reason)
