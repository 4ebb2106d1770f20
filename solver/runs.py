"""Runs of worked days and of days off, read off a person's days (rostering minimums)."""

from __future__ import annotations


def short_inner_runs(worked: list[bool], value: bool, minimum: int) -> list[int]:
    """The first days of the runs of `value` days shorter than `minimum` inside the horizon,
    with the other value on both sides (runs touching either end are never too short)."""
    found = []
    run = 0
    for index, day in enumerate(worked):
        if day == value:
            run += 1
            continue
        if run and run < minimum and index - run > 0:
            found.append(index - run)
        run = 0
    return found
