"""A complete plan's coverage and soft terms, computed from its placements.

This is the objective the model optimises, recomputed from scratch: the neighbourhood search
compares plans with it, and the plan's KPIs show what was paid for what.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from solver.instance import Instance, Task, overlap_minutes, spans_on
from solver.solution import Placement
from solver.timeline import day_travel, in_order, visit_of, worked_minutes
from solver.weights import FAIRNESS_TERMS, SCALE, TERMS, model_weight


def percent_shares(values: list[float]) -> list[int]:
    """Whole-percent shares of a total (all zero when the total is zero)."""
    total = sum(values)
    return [round(100 * v / total) if total > 0 else 0 for v in values]


def declared_minutes(instance: Instance) -> list[int]:
    minutes = [0] * len(instance.sites)
    for task in instance.tasks:
        minutes[task.site] += task.minutes
    return minutes


def fairness_deviation(amounts: list[int], shares: list[int]) -> int:
    """Sum over sites of |100 x amount - share% x total|: hundredths of a minute off share."""
    total = sum(amounts)
    return sum(abs(100 * a - q * total) for a, q in zip(amounts, shares))


def stability_changes(instance: Instance, placements: dict[int, Placement]) -> tuple[int, int]:
    """(changes, moved assignments) against the previous plan.

    A change is the time moved, or one previous facilitator, room or unit not kept at the
    previous time; an assignment moved is one with at least one change.
    """
    changes = moved = 0
    for task, previous in instance.previous.items():
        placed = placements.get(task)
        same_time = placed is not None and (placed.day, placed.start) == (previous.day,
                                                                          previous.start)
        lost = previous.lost + (0 if same_time else 1)
        lost += sum(1 for p in previous.persons if not same_time or p not in placed.persons)
        lost += previous.room is not None and (not same_time or placed.room != previous.room)
        lost += sum(1 for u in previous.units if not same_time or u not in placed.units)
        changes += lost
        moved += lost > 0
    return changes, moved


def line_costs(lines, sizes) -> tuple[int, int]:
    """(understaffing, overstaffing) of weighted lines holding `sizes` people."""
    under = sum(line.under * max(0, line.count - n) for line, n in zip(lines, sizes)
                if line.under is not None)
    over = sum(line.over * max(0, n - line.count) for line, n in zip(lines, sizes)
               if line.over is not None)
    return under, over


def cheapest_sizes(instance: Instance, task: Task, persons: tuple[int, ...]) -> list[int]:
    """How many of `persons` each line holds in the cheapest attribution that respects every
    line's fewest and most (one line: all of them)."""
    if len(task.staff) == 1:
        return [len(persons)]
    best: tuple[int, list[int]] | None = None
    sizes = [0] * len(task.staff)

    def seat(k: int) -> None:
        nonlocal best
        if k == len(persons):
            if all(n >= line.fewest and (line.over is not None or n <= line.count)
                   for line, n in zip(task.staff, sizes)):
                cost = sum(line_costs(task.staff, sizes))
                if best is None or cost < best[0]:
                    best = (cost, list(sizes))
            return
        skills = instance.persons[persons[k]].skills
        for index, line in enumerate(task.staff):
            if skills.get(line.skill, 0) >= line.level:
                sizes[index] += 1
                seat(k + 1)
                sizes[index] -= 1

    seat(0)
    return best[1] if best is not None else [len(persons)] + [0] * (len(task.staff) - 1)


def staffing_costs(instance: Instance, placements: dict[int, Placement]) -> tuple[int, int]:
    """Weighted lines: missing and extra people of met tasks, the whole count of unmet ones."""
    under = over = 0
    for t, task in enumerate(instance.tasks):
        if not task.has_targets:
            continue
        placed = placements.get(t)
        sizes = (cheapest_sizes(instance, task, placed.persons) if placed is not None
                 else [0] * len(task.staff))
        missing, extra = line_costs(task.staff, sizes)
        under, over = under + missing, over + extra
    return under, over


def request_costs(instance: Instance, days) -> tuple[int, int]:
    """Weights of the requests to work (and not to work) that the plan does not keep."""
    wished = spared = 0
    for p, person in enumerate(instance.persons):
        if person.rules is None:
            continue
        for request in person.rules.requests:
            visits = days[p].get(request.day, ())
            held = any(request.kind is None or instance.tasks[v.task].kind == request.kind
                       for v in visits)
            if request.work and not held:
                wished += request.weight
            elif not request.work and held:
                spared += request.weight
    return wished, spared


@dataclass(frozen=True)
class Evaluation:
    met_by_priority: tuple[int, ...]
    quantities: dict[str, int]
    """Per soft term, in its unit (fairness terms in hundredths of a minute)."""
    travel_minutes: int
    worked_by_person: tuple[int, ...]
    moved: int

    @property
    def points(self) -> int:
        """The model's objective value (points x SCALE)."""
        return sum(model_weight(term) * amount for term, amount in self.quantities.items())

    def key(self) -> tuple[int, ...]:
        """Smaller is better: coverage level by level (negated), then the soft objective."""
        return (*(-m for m in self.met_by_priority), self.points)


def evaluate(instance: Instance, placements: dict[int, Placement]) -> Evaluation:
    travel = instance.travel
    met = [0] * len(instance.priorities)
    for task in placements:
        met[instance.tasks[task].priority] += 1
    days: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    avoid = not_preferred = 0
    pooled = [0] * len(instance.sites)
    for placement in placements.values():
        task = instance.tasks[placement.task]
        visit = visit_of(placement)
        for p in placement.persons:
            person = instance.persons[p]
            days[p][placement.day].append(visit)
            avoid += overlap_minutes(spans_on(person.avoid, placement.day), placement.start,
                                     placement.end)
            if person.home != placement.site:
                pooled[placement.site] += placement.end - placement.start
        if task.preferred and not task.preferred & set(placement.persons):
            not_preferred += 1
    trips = shortfall = target = 0
    worked_by_person = [0] * len(instance.persons)
    for p, person in enumerate(instance.persons):
        weekly = [0] * instance.weeks
        for day, visits in days[p].items():
            ordered = in_order(visits)
            trips += day_travel(ordered, person.home, travel)
            weekly[instance.week_of_day[day]] += worked_minutes(ordered, travel)
        worked_by_person[p] = sum(weekly)
        shortfall += sum(max(0, person.weekly_min - w) for w in weekly)
        if person.weekly_target is not None:
            target += sum(abs(w - person.weekly_target) for w in weekly)
    unmet = [0] * len(instance.sites)
    for index, task in enumerate(instance.tasks):
        if index not in placements:
            unmet[task.site] += task.minutes
    understaffed, overstaffed = staffing_costs(instance, placements)
    wished, spared = request_costs(instance, days)
    changes, moved = stability_changes(instance, placements)
    quantities = {
        "stability": changes, "travel": trips, "contract_shortfall": shortfall,
        "contract_target": target, "avoid": avoid, "not_preferred": not_preferred,
        "unmet_fairness": fairness_deviation(unmet, percent_shares(declared_minutes(instance))),
        "pooled_fairness": fairness_deviation(
            pooled, percent_shares([s.pool_share for s in instance.sites])),
        "understaffing": understaffed, "overstaffing": overstaffed,
        "work_requests": wished, "off_requests": spared,
    }
    return Evaluation(tuple(met), quantities, trips, tuple(worked_by_person), moved)


def kpis(instance: Instance, evaluation: Evaluation) -> dict[str, Any]:
    """What the plan covers and what it paid for what (JSON-ready, ids as keys)."""
    totals = [0] * len(instance.priorities)
    for task in instance.tasks:
        totals[task.priority] += 1
    penalties = {}
    for term, (points, unit) in TERMS.items():
        amount = evaluation.quantities[term]
        quantity = amount / 100 if term in FAIRNESS_TERMS else amount
        penalties[term] = {"quantity": quantity, "unit": unit, "points_per_unit": points,
                           "points": model_weight(term) * amount / SCALE}
    return {
        "coverage_by_priority": {
            name: {"met": evaluation.met_by_priority[i], "total": totals[i]}
            for i, name in enumerate(instance.priorities)},
        "travel_minutes": evaluation.travel_minutes,
        "worked_minutes_by_facilitator": {
            person.id: evaluation.worked_by_person[p] for p, person in enumerate(instance.persons)},
        "penalties": penalties,
        "objective_points": evaluation.points / SCALE,
        "moved_assignments": evaluation.moved,
    }
