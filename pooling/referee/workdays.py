"""A facilitator's working day read as the spec defines it: worked time, travel, break chains."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from pooling.referee.context import Placed

Travel = Callable[[str, str], int]
BREAK_MINUTES = 20
"""Less idle time than this between two assignments chains them (rule 6)."""
CHAIN_LIMIT_MINUTES = 360


def travel_between(day: tuple[Placed, ...], travel: Travel) -> int:
    """Travel between consecutive assignments of a date: working time."""
    return sum(travel(a.site, b.site) for a, b in pairwise(day))


def worked_minutes(day: tuple[Placed, ...], travel: Travel) -> int:
    """Assignment minutes plus travel between places of work (the commute is not work)."""
    return sum(p.minutes for p in day) + travel_between(day, travel)


def day_travel(day: tuple[Placed, ...], home: str, travel: Travel) -> int:
    """Home to the first site, between sites, the latest-ending assignment's site back home."""
    if not day:
        return 0
    return (travel(home, day[0].site) + travel_between(day, travel)
            + travel(last_of_day(day).site, home))


def last_of_day(day: tuple[Placed, ...]) -> Placed:
    """The spec's last assignment of a date: the one ending latest."""
    return max(day, key=lambda p: (p.end, p.start, p.index))


def break_chains(day: tuple[Placed, ...], travel: Travel) -> list[tuple[Placed, ...]]:
    """Runs of 2+ consecutive assignments with less than 20 idle minutes between neighbours.

    Idle time is the gap minus the travel between the two sites: travel is work.
    """
    chains: list[list[Placed]] = []
    for previous, current in pairwise(day):
        idle = current.start - previous.end - travel(previous.site, current.site)
        if idle >= BREAK_MINUTES:
            continue
        if chains and chains[-1][-1] is previous:
            chains[-1].append(current)
        else:
            chains.append([previous, current])
    return [tuple(chain) for chain in chains]


def chain_span(chain: tuple[Placed, ...]) -> int:
    """Minutes from the chain's first start to its last end."""
    return max(p.end for p in chain) - chain[0].start
