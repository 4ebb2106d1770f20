"""Staff lines filled by distinct people: a small bipartite matching (rule 3)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence


def match_lines(counts: Sequence[int], eligible: Sequence[Sequence[int]],
                required: Sequence[int] = (), spare: Sequence[int] | None = None,
                fill_spare: bool = False) -> list[list[int]] | None:
    """People per line, every line full and every `required` person used; None if impossible.

    Each line has `count` seats, and `spare` more seats that need not be taken (a staff line
    with a target): required people may sit there, and with `fill_spare` they are filled as
    far as the people allow once the others are. Augmenting paths keep matched people
    matched, so seating the required people first and then filling the seats finds such a
    matching whenever one exists. People are tried in the order given, so callers put their
    favourites first.
    """
    spare = spare or [0] * len(counts)
    seats = [line for line, count in enumerate(counts) for _ in range(count)]
    needed = len(seats)
    seats += [line for line, extra in enumerate(spare) for _ in range(extra)]
    holder: dict[int, int] = {}
    seat_of: dict[int, int] = {}
    seats_of_person: dict[int, list[int]] = defaultdict(list)
    for seat, line in enumerate(seats):
        for person in eligible[line]:
            seats_of_person[person].append(seat)

    def seat_person(person: int, seen: set[int]) -> bool:
        for seat in seats_of_person[person]:
            if seat in seen:
                continue
            seen.add(seat)
            current = holder.get(seat)
            if current is None or seat_person(current, seen):
                holder[seat], seat_of[person] = person, seat
                return True
        return False

    def fill_seat(seat: int, seen: set[int]) -> bool:
        for person in eligible[seats[seat]]:
            if person in seen:
                continue
            seen.add(person)
            previous = seat_of.get(person)
            if previous is None or fill_seat(previous, seen):
                holder[seat], seat_of[person] = person, seat
                return True
        return False

    for person in dict.fromkeys(required):
        if person not in seat_of and not seat_person(person, set()):
            return None
    for seat in range(needed):
        if seat not in holder and not fill_seat(seat, set()):
            return None
    if fill_spare:
        for seat in range(needed, len(seats)):
            if seat not in holder:
                fill_seat(seat, set())
    lines: list[list[int]] = [[] for _ in counts]
    for seat, person in sorted(holder.items()):
        lines[seats[seat]].append(person)
    return lines
