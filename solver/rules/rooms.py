"""Rule 8: a room hosts one task at a time (fit, features and opening are in the modes)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from solver.model import Node, PlanModel, interval_cliques


def add_rooms(model: PlanModel) -> dict[str, list[Any]]:
    bookings: dict[tuple[int, int], list[Node]] = defaultdict(list)
    for t, choices in model.choices.items():
        for choice in choices:
            slot = choice.mode.slot
            for r, lit in choice.rooms.items():
                bookings[(r, slot.day)].append(
                    Node(lit, t, slot.day, slot.start, slot.end, choice.mode.site))
    for key in sorted(bookings):
        for clique in interval_cliques(bookings[key]):
            model.cp.add_at_most_one(n.lit for n in clique)
    return {}
