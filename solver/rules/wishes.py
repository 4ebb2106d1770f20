"""Soft wishes of people and sites: minutes in `avoid` windows, preferred facilitators."""

from __future__ import annotations

from typing import Any

from solver.instance import overlap_minutes, spans_on
from solver.model import PlanModel


def add_avoid(model: PlanModel) -> dict[str, list[Any]]:
    """Minutes each chosen person works inside their avoid windows."""
    terms = []
    for choices in model.choices.values():
        for choice in choices:
            slot = choice.mode.slot
            for p, lit in choice.persons.items():
                spans = spans_on(model.instance.persons[p].avoid, slot.day)
                minutes = overlap_minutes(spans, slot.start, slot.end)
                if minutes:
                    terms.append(minutes * lit)
    return {"avoid": terms}


def add_preferred(model: PlanModel) -> dict[str, list[Any]]:
    """1 for a met task with preferred facilitators none of whom serves it."""
    terms = []
    for t, choices in model.choices.items():
        preferred = model.instance.tasks[t].preferred
        if not preferred or not choices:
            continue
        missed = model.bool(f"not_preferred_{t}")
        served = [lit for choice in choices for p, lit in choice.persons.items() if p in preferred]
        model.cp.add(missed >= model.met[t] - sum(served))
        terms.append(missed)
    return {"not_preferred": terms}
