"""The week of a plan version as a grid: one row per site, facilitator, room or equipment unit,
one column per date, each cell the assignments of that row on that date in time order.

Everything a cell shows is worked out here, so the page's template only loops; the grid is
built from the version's stored documents (see `pooling.plan_versions`), which keeps the page
of a network of hundreds of sites quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from pooling.db.errors import StoreError
from pooling.i18n import N_
from pooling.plan_versions import StoredVersion, stored_version

__all__ = ["DIMENSIONS", "Entry", "Grid", "GridRow", "UnknownDimension", "rota_grid"]

DIMENSIONS = ("site", "facilitator", "room", "equipment")


class UnknownDimension(StoreError):
    def __init__(self, dimension: str):
        super().__init__(N_("Unknown grid {dimension}: use site, facilitator, room or "
                            "equipment."), dimension=dimension)


@dataclass(frozen=True)
class Entry:
    """One assignment as a cell shows it."""

    need: str
    title: str
    start: str
    end: str
    pinned: bool
    detail: str
    """What the cell adds to the time and title, given the grid's rows: the room and people
    in a site's row, the place in a facilitator's row..."""


@dataclass(frozen=True)
class GridRow:
    id: str
    label: str
    detail: str
    cells: tuple[tuple[Entry, ...], ...]
    """One tuple per date of the horizon."""

    @property
    def assignments(self) -> int:
        return sum(len(cell) for cell in self.cells)


@dataclass(frozen=True)
class Grid:
    version: StoredVersion
    dimension: str
    dates: tuple[date, ...]
    rows: tuple[GridRow, ...]


def horizon(scenario: dict[str, Any]) -> tuple[date, ...]:
    network = scenario["network"]
    start = date.fromisoformat(network["week_start"])
    return tuple(start + timedelta(days=i) for i in range(network.get("days", 7)))


def names(entities: list[dict[str, Any]], field: str = "name") -> dict[str, str]:
    return {entity["id"]: entity.get(field) or entity["id"] for entity in entities}


def row_heads(dimension: str, scenario: dict[str, Any],
              site_names: dict[str, str]) -> list[tuple[str, str, str]]:
    """(id, label, detail) of every row of the grid, in the scenario's order."""
    if dimension == "site":
        return [(s["id"], s["name"], s.get("commune") or "") for s in scenario["sites"]]
    if dimension == "facilitator":
        return [(f["id"], f["name"], site_names.get(f["home_site"], f["home_site"]))
                for f in scenario["facilitators"]]
    if dimension == "room":
        return [(r["id"], r["name"], site_names.get(r["site"], r["site"]))
                for r in scenario["rooms"]]
    return [(u["id"], u.get("name") or u["id"], u["type"]) for u in scenario["equipment"]]


def row_keys(dimension: str, assignment: dict[str, Any]) -> list[str]:
    """The rows an assignment appears in."""
    if dimension == "site":
        return [assignment["site"]]
    if dimension == "facilitator":
        return list(assignment["facilitators"])
    if dimension == "room":
        return [assignment["room"]] if assignment.get("room") else []
    return list(assignment.get("equipment", []))


def cell_detail(dimension: str, site: str, room: str, people: str, units: str) -> str:
    """The parts of an assignment its row does not already say."""
    parts = {"site": (room, people, units), "facilitator": (site, room, units),
             "room": (people, units), "equipment": (site, people)}[dimension]
    return " · ".join(part for part in parts if part)


def rota_grid(session: Session, version_id: int, dimension: str) -> Grid:
    """The grid of a version by `dimension` (site, facilitator, room or equipment)."""
    if dimension not in DIMENSIONS:
        raise UnknownDimension(dimension)
    version = stored_version(session, version_id)
    scenario, plan = version.scenario, version.plan
    dates = horizon(scenario)
    column = {day.isoformat(): i for i, day in enumerate(dates)}
    site_names = names(scenario["sites"])
    people, rooms, units = (names(scenario["facilitators"]), names(scenario["rooms"]),
                            names(scenario["equipment"]))
    needs = {need["id"]: need for need in scenario["needs"]}
    pins = (plan.get("extra") or {}).get("pins", {})
    heads = row_heads(dimension, scenario, site_names)
    cells: dict[str, list[list[Entry]]] = {key: [[] for _ in dates] for key, _, _ in heads}
    for a in sorted(plan["assignments"], key=lambda a: (a["date"], a["start"], a["end"])):
        need = needs.get(a["need"], {})
        site = site_names.get(a["site"], a["site"])
        room = rooms.get(a["room"], a["room"]) if a.get("room") else ""
        names_of_people = ", ".join(people.get(f, f) for f in a["facilitators"])
        names_of_units = ", ".join(units.get(u, u) for u in a.get("equipment", []))
        entry = Entry(
            need=a["need"], title=need.get("title", a["need"]), start=a["start"], end=a["end"],
            pinned=a["need"] in pins or "pinned" in need,
            detail=cell_detail(dimension, site, room, names_of_people, names_of_units))
        for key in row_keys(dimension, a):
            if key in cells and a["date"] in column:
                cells[key][column[a["date"]]].append(entry)
    rows = tuple(GridRow(key, label, detail, tuple(tuple(cell) for cell in cells[key]))
                 for key, label, detail in heads)
    return Grid(version, dimension, dates, rows)
