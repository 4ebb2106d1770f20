"""Rule 9: a unit serves one task at a time and has time to travel between sites.

Uses are compared in absolute minutes across the horizon. Any two uses at different sites need
the travel time between them, not only consecutive ones: stricter than the spec, exact when
travel times obey the triangle inequality, and pairwise so no order has to be modelled.
Types, counts, mobility and unavailability are settled in the modes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from solver.instance import DAY_MINUTES
from solver.model import Node, PlanModel, interval_cliques


def add_units(model: PlanModel) -> dict[str, list[Any]]:
    travel = model.instance.travel
    uses: dict[int, list[Node]] = defaultdict(list)
    for t, choices in model.choices.items():
        for choice in choices:
            slot = choice.mode.slot
            offset = slot.day * DAY_MINUTES
            for u, lit in choice.units.items():
                uses[u].append(Node(lit, t, slot.day, offset + slot.start, offset + slot.end,
                                    choice.mode.site))
    for u in sorted(uses):
        ordered = sorted(uses[u], key=lambda n: (n.start, n.end))
        for clique in interval_cliques(ordered):
            model.cp.add_at_most_one(n.lit for n in clique)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b.start >= a.end + model.instance.max_travel:
                    break
                if a.site != b.site and a.end <= b.start < a.end + travel[a.site][b.site]:
                    model.cp.add_at_most_one([a.lit, b.lit])
    return {}
