"""The plan's KPIs, computed from the plan itself with the spec's definitions (JSON-ready)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pooling.domain import PRIORITIES
from pooling.referee.context import Context
from pooling.referee.days import overlap_minutes, window_spans
from pooling.referee.rostering_penalty import rostering_penalty_kpis
from pooling.referee.workdays import day_travel, worked_minutes


def coverage_by_priority(ctx: Context) -> dict[str, dict[str, int]]:
    coverage = {priority: {"met": 0, "total": 0} for priority in PRIORITIES}
    for need in ctx.scenario.needs:
        coverage[need.priority]["total"] += 1
        coverage[need.priority]["met"] += need.id in ctx.met_needs
    return coverage


def travel_minutes(ctx: Context) -> int:
    """Day travel of every person and date, commute included (the travel objective)."""
    return sum(day_travel(placed, ctx.facilitators[fid].home_site, ctx.travel)
               for fid, days in ctx.person_days.items() for placed in days.values())


def weekly_worked_minutes(ctx: Context, fid: str) -> list[int]:
    """Worked minutes of each 7-day block of the horizon (the last one may be partial)."""
    weeks = [0] * ((ctx.network.days + 6) // 7)
    for day, placed in ctx.person_days.get(fid, {}).items():
        week = ctx.network.week_index(day)
        if 0 <= week < len(weeks):
            weeks[week] += worked_minutes(placed, ctx.travel)
    return weeks


def worked_minutes_by_facilitator(ctx: Context) -> dict[str, int]:
    return {fid: sum(worked_minutes(placed, ctx.travel)
                     for placed in ctx.person_days.get(fid, {}).values())
            for fid in ctx.facilitators}


def avoid_minutes_by_facilitator(ctx: Context) -> dict[str, int]:
    """Minutes of assignments inside the person's `avoid` windows."""
    minutes = {}
    for fid, person in ctx.facilitators.items():
        minutes[fid] = sum(
            overlap_minutes(window_spans(person.avoid, day, ctx.network), p.start, p.end)
            for day, placed in ctx.person_days.get(fid, {}).items() for p in placed)
    return minutes


def declared_minutes_by_site(ctx: Context) -> dict[str, int]:
    """Minutes of need declared by each site (a need's length, whatever its staff)."""
    minutes = dict.fromkeys(ctx.sites, 0)
    for need in ctx.scenario.needs:
        minutes[need.site] = minutes.get(need.site, 0) + need.length
    return minutes


def unmet_minutes_by_site(ctx: Context) -> dict[str, int]:
    minutes = dict.fromkeys(ctx.sites, 0)
    for need in ctx.scenario.needs:
        if need.id not in ctx.met_needs:
            minutes[need.site] = minutes.get(need.site, 0) + need.length
    return minutes


def pooled_minutes_by_site(ctx: Context) -> dict[str, int]:
    """Assignment minutes worked at a site other than the person's home, by the site worked at."""
    minutes: dict[str, int] = defaultdict(int, dict.fromkeys(ctx.sites, 0))
    for fid, days in ctx.person_days.items():
        home = ctx.facilitators[fid].home_site
        for placed in days.values():
            for p in placed:
                if p.site != home:
                    minutes[p.site] += p.minutes
    return dict(minutes)


def preferred_missed(ctx: Context) -> int:
    """Met needs with preferred facilitators none of whom serves them."""
    return sum(1 for p in ctx.placed
               if p.need.preferred_facilitators
               and not set(p.need.preferred_facilitators) & set(p.assignment.facilitators))


def weekly_shortfall_minutes(ctx: Context) -> int:
    """Minutes below `weekly_minutes.min`, summed over people and weeks."""
    return sum(max(0, ctx.facilitators[fid].weekly_minutes.min - worked)
               for fid in ctx.facilitators for worked in weekly_worked_minutes(ctx, fid))


def target_distance_minutes(ctx: Context) -> int:
    """|worked - target| per week, summed over people who have a target."""
    return sum(abs(worked - person.weekly_minutes.target)
               for fid, person in ctx.facilitators.items()
               if person.weekly_minutes.target is not None
               for worked in weekly_worked_minutes(ctx, fid))


def plan_kpis(ctx: Context) -> dict[str, Any]:
    avoid = avoid_minutes_by_facilitator(ctx)
    return {
        "coverage_by_priority": coverage_by_priority(ctx),
        "travel_minutes": travel_minutes(ctx),
        "worked_minutes_by_facilitator": worked_minutes_by_facilitator(ctx),
        "avoid_minutes": sum(avoid.values()),
        "avoid_minutes_by_facilitator": avoid,
        "unmet_minutes_by_site": unmet_minutes_by_site(ctx),
        "declared_minutes_by_site": declared_minutes_by_site(ctx),
        "pooled_minutes_by_site": pooled_minutes_by_site(ctx),
        "preferred_missed": preferred_missed(ctx),
        "weekly_shortfall_minutes": weekly_shortfall_minutes(ctx),
        "target_distance_minutes": target_distance_minutes(ctx),
    } | rostering_penalty_kpis(ctx)
