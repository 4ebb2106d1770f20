"""What changed between two plan versions of a week, and for whom.

Each need is compared on its own: added (met only in the newer version), removed (met only in
the older one) or moved (met in both, with another date, time, place, room, people or units).
The same changes are then listed per facilitator (what they gain, lose, or do differently) and
per site (where the activity was or now is), which is what people ask after a re-plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from pooling.plan_versions import StoredVersion, stored_version

__all__ = ["Change", "Comparison", "Concern", "Slot", "compare_versions"]

ASPECTS = ("date", "start", "end", "site", "room", "facilitators", "equipment")


@dataclass(frozen=True)
class Slot:
    """An assignment as the comparison shows it."""

    date: str
    start: str
    end: str
    site: str
    site_name: str
    room: str | None
    facilitators: tuple[str, ...]
    people: tuple[str, ...]
    """The facilitators' names."""
    equipment: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    need: str
    title: str
    kind: str
    """"added", "removed" or "moved"."""
    before: Slot | None
    after: Slot | None
    aspects: tuple[str, ...]
    """What differs for a moved assignment: date, start, end, site, room, facilitators..."""


@dataclass(frozen=True)
class Concern:
    """How a change touches one facilitator or site: "added", "removed" or "moved"."""

    how: str
    change: Change


@dataclass(frozen=True)
class Comparison:
    old: StoredVersion
    new: StoredVersion
    changes: list[Change]
    by_facilitator: list[tuple[str, str, list[Concern]]]
    """(id, name, concerns) of every facilitator a change touches, in the scenario's order."""
    by_site: list[tuple[str, str, list[Concern]]]
    unchanged: int


def slot(a: dict[str, Any], sites: dict[str, str], people: dict[str, str]) -> Slot:
    return Slot(a["date"], a["start"], a["end"], a["site"], sites.get(a["site"], a["site"]),
                a.get("room"), tuple(a["facilitators"]),
                tuple(people.get(f, f) for f in a["facilitators"]), tuple(a.get("equipment", [])))


def aspects(before: Slot, after: Slot) -> tuple[str, ...]:
    differ = []
    for name in ASPECTS:
        old, new = getattr(before, name), getattr(after, name)
        if isinstance(old, tuple):
            old, new = sorted(old), sorted(new)
        if old != new:
            differ.append(name)
    return tuple(differ)


def concern(how_before: bool, how_after: bool, change: Change) -> Concern:
    if how_before and how_after:
        return Concern("moved", change)
    return Concern("added" if how_after else "removed", change)


def compare_versions(session: Session, old_id: int, new_id: int) -> Comparison:
    """The changes from version `old_id` to version `new_id` (any two versions)."""
    old, new = stored_version(session, old_id), stored_version(session, new_id)
    scenario = new.scenario
    sites = {s["id"]: s["name"] for s in [*old.scenario["sites"], *scenario["sites"]]}
    people = {f["id"]: f["name"] for f in [*old.scenario["facilitators"],
                                           *scenario["facilitators"]]}
    titles = {n["id"]: n["title"] for n in [*old.scenario["needs"], *scenario["needs"]]}
    before = {a["need"]: slot(a, sites, people) for a in old.plan["assignments"]}
    after = {a["need"]: slot(a, sites, people) for a in new.plan["assignments"]}
    changes, unchanged = [], 0
    for need in [*titles]:
        was, now = before.get(need), after.get(need)
        if was is None and now is None:
            continue
        if was is not None and now is not None:
            differ = aspects(was, now)
            if not differ:
                unchanged += 1
                continue
            changes.append(Change(need, titles[need], "moved", was, now, differ))
        else:
            changes.append(Change(need, titles[need], "added" if now else "removed", was, now,
                                  ()))
    return Comparison(old, new, changes,
                      grouped(changes, people, lambda s: s.facilitators),
                      grouped(changes, sites, lambda s: (s.site,)), unchanged)


def grouped(changes: list[Change], names: dict[str, str],
            keys_of) -> list[tuple[str, str, list[Concern]]]:
    """The changes touching each facilitator or site (named by `keys_of` of a slot)."""
    concerns: dict[str, list[Concern]] = {key: [] for key in names}
    for change in changes:
        was = set(keys_of(change.before)) if change.before else set()
        now = set(keys_of(change.after)) if change.after else set()
        for key in was | now:
            concerns.setdefault(key, []).append(concern(key in was, key in now, change))
    return [(key, names.get(key, key), found) for key, found in concerns.items() if found]
