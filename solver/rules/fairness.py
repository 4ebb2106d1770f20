"""Fairness between sites: unmet minutes in proportion to declared minutes, pooled minutes in
proportion to `pool_share`.

Both are sum over sites of |100 x amount(site) - share%(site) x total|, in hundredths of a
minute, where shares are whole percents; frozen placements enter as constants.
"""

from __future__ import annotations

from typing import Any

from solver.evaluation import declared_minutes, percent_shares
from solver.model import PlanModel


def deviation(model: PlanModel, name: str, amounts: list[Any], shares: list[int],
              upper: int) -> list[Any]:
    """One variable per site at |100 x amount - share x total|; `upper` bounds the total."""
    cp = model.cp
    total = cp.new_int_var(0, upper, f"{name}_total")
    cp.add(total == sum(amounts))
    terms = []
    for site, (amount, share) in enumerate(zip(amounts, shares)):
        if isinstance(amount, int) and amount == 0 and share == 0:
            continue
        away = cp.new_int_var(0, 100 * upper, f"{name}_{site}")
        cp.add(away >= 100 * amount - share * total)
        cp.add(away >= share * total - 100 * amount)
        terms.append(away)
    return terms


def add_unmet_fairness(model: PlanModel) -> dict[str, list[Any]]:
    instance = model.instance
    amounts: list[Any] = [0] * len(instance.sites)
    for t, task in enumerate(instance.tasks):
        if t in model.met:
            amounts[task.site] += task.minutes * (1 - model.met[t])
        elif t not in model.scope.frozen:
            amounts[task.site] += task.minutes
    shares = percent_shares(declared_minutes(instance))
    upper = sum(task.minutes for task in instance.tasks)
    return {"unmet_fairness": deviation(model, "unmet", amounts, shares, upper)}


def add_pooled_fairness(model: PlanModel) -> dict[str, list[Any]]:
    instance = model.instance
    amounts: list[Any] = [0] * len(instance.sites)
    for placement in model.scope.frozen.values():
        for p in placement.persons:
            if instance.persons[p].home != placement.site:
                amounts[placement.site] += placement.end - placement.start
    for choices in model.choices.values():
        for choice in choices:
            site = choice.mode.site
            minutes = choice.mode.slot.end - choice.mode.slot.start
            for p, lit in choice.persons.items():
                if instance.persons[p].home != site:
                    amounts[site] += minutes * lit
    shares = percent_shares([s.pool_share for s in instance.sites])
    crowd = len(instance.persons)
    upper = sum(task.minutes * sum(line.count if line.over is None else max(line.count, crowd)
                                   for line in task.staff) for task in instance.tasks)
    return {"pooled_fairness": deviation(model, "pooled", amounts, shares, upper)}
