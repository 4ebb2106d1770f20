"""Re-planning: each previous facilitator, room or unit not kept, or time moved, is a change."""

from __future__ import annotations

from typing import Any

from solver.model import PlanModel


def add_stability(model: PlanModel) -> dict[str, list[Any]]:
    terms = []
    for t, choices in model.choices.items():
        previous = model.instance.previous.get(t)
        if previous is None:
            continue
        same_time = [c for c in choices if (c.mode.day, c.mode.slot.start) == (previous.day,
                                                                                 previous.start)]
        kept = [c.lit for c in same_time]
        kept += [c.persons[p] for c in same_time for p in previous.persons if p in c.persons]
        kept += [c.rooms[previous.room] for c in same_time if previous.room in c.rooms]
        kept += [c.units[u] for c in same_time for u in previous.units if u in c.units]
        owed = (1 + len(previous.persons) + (previous.room is not None) + len(previous.units)
                + previous.lost)
        terms.append(owed - sum(kept))
    return {"stability": terms}
