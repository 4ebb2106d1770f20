"""Where a value of the document came from in the workbook, so that a problem found by the
interchange reader at a JSON path (`$.needs[3].start`) is shown at its cell
(`sheet needs, row 5, column start`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from pooling.errors import Problem

JsonPath = tuple[str | int, ...]
PATH_STEP = re.compile(r'\.([^.\[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


@dataclass(frozen=True)
class Place:
    """A sheet, a row of it (as the spreadsheet numbers it, header = 1) and some of its columns."""

    sheet: str
    row: int | None = None
    columns: tuple[str, ...] = ()

    def render(self, name_sheet: Callable[[str], str], item: str | int | None = None) -> str:
        parts = [name_sheet(self.sheet)]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if len(self.columns) == 1:
            parts.append(f"column {self.columns[0]}")
        elif self.columns:
            parts.append("columns " + ", ".join(self.columns))
        if item is not None:
            parts.append(f"item {item + 1 if isinstance(item, int) else item}")
        return ", ".join(parts)


def parse_path(where: str) -> JsonPath | None:
    """`$.travel_minutes["S 1"].S2` -> `("travel_minutes", "S 1", "S2")`; None if not a path."""
    if not where.startswith("$"):
        return None
    steps: list[str | int] = []
    position = 1
    while position < len(where):
        match = PATH_STEP.match(where, position)
        if not match:
            return None
        name, index, quoted = match.groups()
        steps.append(name if name is not None else int(index) if index is not None
                     else json.loads(quoted))
        position = match.end()
    return tuple(steps)


class Locator:
    """The place of every path of the document read from a workbook, and the paths whose
    problems the workbook reader has already reported itself."""

    def __init__(self, name_sheet: Callable[[str], str], sheet_order: tuple[str, ...]):
        self.name_sheet = name_sheet
        self.sheet_order = sheet_order
        self.places: dict[JsonPath, Place] = {}
        self.reported: set[JsonPath] = set()
        self.located: list[tuple[tuple, Problem]] = []

    def remember(self, path: JsonPath, place: Place) -> None:
        self.places.setdefault(path, place)

    def report(self, place: Place, message: str, path: JsonPath | None = None,
               **params) -> None:
        """A problem the workbook reader found itself; the interchange reader's problems under
        `path` are then left out as repeats."""
        if path is not None:
            self.reported.add(path)
        self.located.append((self._order(place), Problem(place.render(self.name_sheet),
                                                         message, params)))

    def translate(self, problem: Problem) -> None:
        """Takes in a problem of the interchange reader, shown at its cell."""
        path = parse_path(problem.where)
        if path is None:
            self.located.append(((len(self.sheet_order),), problem))
            return
        field = problem.params.get("field")
        if isinstance(field, str) and (path + (field,) in self.places
                                       or path + (field,) in self.reported):
            path += (field,)
        if any(path[:length] in self.reported for length in range(len(path) + 1)):
            return
        for length in range(len(path), -1, -1):
            place = self.places.get(path[:length])
            if place is not None:
                item = path[length] if length < len(path) and place.columns else None
                self.located.append((self._order(place), Problem(
                    place.render(self.name_sheet, item), problem.message, problem.params)))
                return
        self.located.append(((len(self.sheet_order),), problem))

    def problems(self) -> list[Problem]:
        """Every problem, in the order of the sheets, then rows (stable otherwise)."""
        return [problem for _, problem in sorted(self.located, key=lambda pair: pair[0])]

    def _order(self, place: Place) -> tuple:
        sheet = (self.sheet_order.index(place.sheet) if place.sheet in self.sheet_order
                 else len(self.sheet_order))
        return (sheet, place.row or 0)
