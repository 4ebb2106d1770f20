"""Maximum bipartite matching (augmenting paths): who can fill which staff place."""

from __future__ import annotations

from collections.abc import Sequence


def maximum_matching(options: Sequence[Sequence[int]], places: int) -> list[int | None]:
    """For each place, the index of the candidate filling it (None if unfilled).

    `options[c]` lists the places candidate `c` may fill; each candidate fills at most one place.
    Kuhn's algorithm: polynomial, enough for staff lines of a few people.
    """
    holder: list[int | None] = [None] * places

    def assign(candidate: int, seen: set[int]) -> bool:
        for place in options[candidate]:
            if place in seen:
                continue
            seen.add(place)
            current = holder[place]
            if current is None or assign(current, seen):
                holder[place] = candidate
                return True
        return False

    for candidate in range(len(options)):
        assign(candidate, set())
    return holder
