"""Staff lines with targets (extension "rostering rules"): which line each facilitator of a
need holds, chosen to cost the least, and what the understaffing and overstaffing cost.

A line without `under_weight` must be filled to its `count`; one with it may hold fewer, each
missing facilitator costing the weight. A line without `over_weight` holds at most `count`;
one with it may hold more, each extra facilitator costing the weight. Every facilitator holds
a place of one line whose skill and level they have.

The places of the lines form a transversal matroid (a set of places is independent when
distinct facilitators can hold them all), and the cost is carried by the places alone, so
taking places from the cheapest up while they stay independent gives the cheapest attribution.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pooling.domain import StaffLine


@dataclass(frozen=True)
class Attribution:
    feasible: bool
    """Every facilitator holds a place and every line without `under_weight` is filled."""
    understaffing: int
    overstaffing: int


@dataclass(frozen=True)
class Place:
    line: int
    required: bool
    cost: int
    """Negative for a target place (filling it saves its under weight)."""


def line_places(lines: Sequence[StaffLine], people: int) -> list[Place]:
    """Every place the lines offer, cheapest first: required places, then target places (most
    saved first), then extra places of lines with an over weight."""
    places = []
    for index, line in enumerate(lines):
        if line.under_weight is None:
            places += [Place(index, True, 0)] * line.count
        else:
            places += [Place(index, False, -line.under_weight)] * line.count
        if line.over_weight is not None:
            places += [Place(index, False, line.over_weight)] * people
    return sorted(places, key=lambda place: (not place.required, place.cost))


def cheapest_attribution(lines: Sequence[StaffLine], people: Sequence[str],
                         qualifies: Callable[[str, StaffLine], bool]) -> Attribution:
    places = line_places(lines, len(people))
    candidates = [[person for person in people if qualifies(person, lines[place.line])]
                  for place in places]
    place_of: dict[str, int] = {}

    def hold(place: int, seen: set[str]) -> bool:
        """Kuhn's augmenting path from a new place: places already held stay held."""
        for person in candidates[place]:
            if person not in place_of:
                place_of[person] = place
                return True
        for person in candidates[place]:
            if person not in seen:
                seen.add(person)
                if hold(place_of[person], seen):
                    place_of[person] = place
                    return True
        return False

    for index in range(len(places)):
        if len(place_of) == len(people):
            break
        hold(index, set())
    taken = set(place_of.values())
    required_held = all(i in taken for i, place in enumerate(places) if place.required)
    return Attribution(
        feasible=required_held and len(place_of) == len(people),
        understaffing=sum(-place.cost for i, place in enumerate(places)
                          if place.cost < 0 and i not in taken),
        overstaffing=sum(place.cost for i, place in enumerate(places)
                         if place.cost > 0 and i in taken),
    )


def unmet_understaffing(lines: Sequence[StaffLine]) -> int:
    """An unmet need misses every facilitator of its lines."""
    return sum(line.under_weight * line.count for line in lines if line.under_weight is not None)
