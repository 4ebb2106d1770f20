"""The sheets of a workbook (every cell as text) to a `Scenario`.

The sheets become a format-v1 document, the same dict a JSON file holds, while each value's cell
is remembered; the interchange reader then checks the document, and its problems are shown at
their cells together with those of the cells that could not be read at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pooling.domain import Scenario
from pooling.errors import InvalidInput
from pooling.i18n import N_
from pooling.interchange import SCENARIO_FORMAT, scenario_from_dict
from pooling.spreadsheets import cells
from pooling.spreadsheets.cells import CellError, Codec
from pooling.spreadsheets.columns import (
    ENTITY_SHEETS, NETWORK, NETWORK_FIELDS, SHEETS, SKILLS, TRAVEL, Column, Sheet,
)
from pooling.spreadsheets.places import JsonPath, Locator, Place

Rows = list[list[str]]
"""A sheet as read: its rows of cell texts, the header first."""


@dataclass(frozen=True)
class Row:
    number: int
    """As the spreadsheet shows it: the header is row 1."""
    cells: dict[str, str]
    """Stripped text of each known column of the sheet."""


def normal_name(name: str) -> str:
    """Sheet and column names compare without case, outer spaces, or inner spaces for `_`."""
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def scenario_from_sheets(sheets: dict[str, Rows], name_sheet: Callable[[str], str]) -> Scenario:
    """The scenario of a workbook's sheets; `name_sheet` names a sheet in problems
    (`sheet needs`, `file needs.csv`). Raises `InvalidInput` with every problem."""
    reader = WorkbookReader(sheets, name_sheet)
    return reader.checked_scenario(reader.document())


class WorkbookReader:
    """Builds the document of a workbook, remembering where each value came from."""

    def __init__(self, sheets: dict[str, Rows], name_sheet: Callable[[str], str]):
        self.sheets = {normal_name(name): rows for name, rows in sheets.items()}
        self.locator = Locator(name_sheet, tuple(sheet.name for sheet in SHEETS))

    def checked_scenario(self, document: dict[str, Any]) -> Scenario:
        """The scenario of `document`, built from this reader's cells: the interchange reader's
        problems are shown at their cells together with those of the cells that could not be
        read. Raises `InvalidInput` with every problem."""
        scenario = None
        try:
            scenario = scenario_from_dict(document)
        except InvalidInput as invalid:
            for problem in invalid.problems:
                self.locator.translate(problem)
        problems = self.locator.problems()
        if problems:
            raise InvalidInput(problems)
        return scenario

    def document(self) -> dict[str, Any]:
        document: dict[str, Any] = {"format": SCENARIO_FORMAT, "network": {}}
        self.read_network(document)
        for sheet in ENTITY_SHEETS:
            document[sheet.name] = self.read_entities(sheet)
        travel = self.read_travel()
        if travel is not None:
            document["travel_minutes"] = travel
        skills = self.read_skills()
        if skills is not None:
            document["skills"] = skills
        return document

    # --- sheets and their columns --------------------------------------------------------------

    def rows(self, sheet: Sheet, path: JsonPath) -> Iterator[Row] | None:
        """The filled rows of a sheet; None when the sheet is missing (a problem if required).
        Problems of the interchange reader under `path` then repeat the missing sheet's."""
        self.locator.remember(path, Place(sheet.name))
        rows = self.sheets.get(sheet.name)
        if rows is None:
            if sheet.required:
                self.locator.report(
                    Place(sheet.name), N_("this sheet is missing: add it with the columns "
                                          "{columns}"), path,
                    columns=", ".join(column.name for column in sheet.columns))
            return None
        header = rows[0] if rows else []
        positions = self.positions(sheet, header)
        return (Row(number, {name: cell_text(texts, index) for name, index in positions.items()})
                for number, texts in enumerate(rows[1:], start=2)
                if any(cell.strip() for cell in texts))

    def positions(self, sheet: Sheet, header: list[str]) -> dict[str, int]:
        """Where each known column of the sheet is; unknown, repeated or missing columns are
        reported."""
        positions: dict[str, int] = {}
        for index, title in enumerate(header):
            name = normal_name(title)
            if not name:
                continue
            if sheet.column(name) is None:
                self.locator.report(Place(sheet.name, 1, (title.strip(),)),
                                    N_("unknown column {column}: the columns of this sheet are "
                                       "{columns}"), column=title.strip(),
                                    columns=", ".join(column.name for column in sheet.columns))
            elif name in positions:
                self.locator.report(Place(sheet.name, 1, (name,)),
                                    N_("the column {column} appears twice: keep one"),
                                    column=name)
            else:
                positions[name] = index
        for column in sheet.columns:
            if column.required and column.name not in positions:
                self.locator.report(Place(sheet.name, 1), N_("the column {column} is missing"),
                                    column=column.name)
        return positions

    def read_cell(self, place: Place, codec: Codec, text: str, path: JsonPath) -> Any:
        """The value of a filled cell; its text as it is when unreadable (reported here, so
        the interchange reader's complaint about it is left out)."""
        try:
            return codec.read(text)
        except CellError as error:
            self.locator.report(place, error.message, path, **error.params)
            return text

    # --- the network sheet: one field per row --------------------------------------------------

    def read_network(self, document: dict[str, Any]) -> None:
        rows = self.rows(NETWORK, ("network",))
        if rows is None:
            return
        fields = {field.name: field for field in NETWORK_FIELDS}
        seen: dict[str, int] = {}
        for row in rows:
            if not {"field", "value"} <= row.cells.keys():
                self.locator.reported.update(field.key for field in NETWORK_FIELDS)
                continue
            name = normal_name(row.cells["field"])
            if not name:
                self.locator.report(Place(NETWORK.name, row.number, ("field",)),
                                    N_("a value without a field name: name its field or clear "
                                       "the row"))
                continue
            if name in seen:
                self.locator.report(Place(NETWORK.name, row.number, ("field",)),
                                    N_("the field {field} is already given in row {row}: keep "
                                       "one"), field=name, row=seen[name])
                continue
            seen[name] = row.number
            field = fields.get(name)
            key = field.key if field else ("network", name)
            place = Place(NETWORK.name, row.number, ("value",) if field else ("field",))
            self.locator.remember(key, place)
            text = row.cells["value"]
            if text:
                value = self.read_cell(place, field.codec if field else cells.TEXT, text, key)
                put(document, key, value)
        for field in NETWORK_FIELDS:
            self.locator.remember(field.key, Place(NETWORK.name))

    # --- sheets of entities: one object per row ------------------------------------------------

    def read_entities(self, sheet: Sheet) -> list[dict[str, Any]]:
        rows = self.rows(sheet, (sheet.name,))
        if rows is None:
            return []
        return [self.read_entity(sheet, (sheet.name, index), row)
                for index, row in enumerate(rows)]

    def read_entity(self, sheet: Sheet, path: JsonPath, row: Row) -> dict[str, Any]:
        self.locator.remember(path, Place(sheet.name, row.number))
        entity: dict[str, Any] = {}
        for column in sheet.columns:
            where = path + column.key
            if column.name not in row.cells:
                self.locator.reported.add(where)
                continue
            place = Place(sheet.name, row.number, (column.name,))
            self.locator.remember(where, place)
            self.remember_group(sheet, path, column, row)
            if row.cells[column.name]:
                self.put_cell(entity, column, place,
                              self.read_cell(place, column.codec, row.cells[column.name], where))
        return entity

    def remember_group(self, sheet: Sheet, path: JsonPath, column: Column, row: Row) -> None:
        """A nested object (`window`, `weekly_minutes`) is shown as its columns in the sheet
        (but its `extra`)."""
        group = column.key[:-1]
        if group and sheet.column("_".join(group)) is None:
            columns = tuple(other.name for other in sheet.columns
                            if other.key[:-1] == group and other.key[-1] != "extra"
                            and other.name in row.cells)
            self.locator.places[path + group] = Place(sheet.name, row.number, columns)

    def put_cell(self, entity: dict[str, Any], column: Column, place: Place, value: Any) -> None:
        if not put(entity, column.key, value):
            self.locator.report(place, N_("this cell is filled but {column} says no: clear one "
                                          "of them"), column="_".join(column.key[:-1]))

    # --- travel and skills ---------------------------------------------------------------------

    def read_travel(self) -> dict[str, dict[str, Any]] | None:
        rows = self.rows(TRAVEL, ("travel_minutes",))
        if rows is None:
            return None
        table: dict[str, dict[str, Any]] = {}
        given: dict[tuple[str, str], int] = {}
        for row in rows:
            ends = [self.travel_cell(row, name, cells.TEXT) for name in ("from", "to")]
            minutes = self.travel_cell(row, "minutes", cells.INTEGER)
            if None in ends or minutes is None:
                continue
            a, b = ends
            if (a, b) in given:
                self.locator.report(Place(TRAVEL.name, row.number),
                                    N_("the travel time from {a} to {b} is already given in row "
                                       "{row}: keep one"), a=a, b=b, row=given[a, b])
                continue
            given[a, b] = row.number
            self.locator.remember(("travel_minutes", a), Place(TRAVEL.name, row.number))
            self.locator.remember(("travel_minutes", a, b), Place(TRAVEL.name, row.number))
            if not isinstance(minutes, int):
                self.locator.reported.add(("travel_minutes", a, b))
            table.setdefault(a, {})[b] = minutes
        return table

    def travel_cell(self, row: Row, name: str, codec: Codec) -> Any:
        """A cell of a travel row, which must be filled; None when empty or missing."""
        place = Place(TRAVEL.name, row.number, (name,))
        text = row.cells.get(name, "")
        if not text:
            if name in row.cells:
                self.locator.report(place, N_("this cell is empty: fill it or clear the row"))
            return None
        try:
            return codec.read(text)
        except CellError as error:
            self.locator.report(place, error.message, **error.params)
            return text

    def read_skills(self) -> list[str] | None:
        rows = self.rows(SKILLS, ("skills",))
        if rows is None:
            return None
        column = SKILLS.columns[0]
        skills = []
        for index, row in enumerate(row for row in rows if column.name in row.cells):
            place = Place(SKILLS.name, row.number, (column.name,))
            self.locator.remember(("skills", index), place)
            skills.append(self.read_cell(place, column.codec, row.cells[column.name],
                                         ("skills", index)))
        return skills


def cell_text(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def put(target: dict[str, Any], key: tuple[str, ...], value: Any) -> bool:
    """Sets `value` at the nested `key`, making the objects on the way; False when one of them
    is null (`room` set to no, yet `room_features` filled). An object already there is kept
    (`room` set to yes after `room_features`)."""
    for step in key[:-1]:
        target = target.setdefault(step, {})
        if target is None:
            return False
        if not isinstance(target, dict):
            return True
    if not (isinstance(value, dict) and not value and isinstance(target.get(key[-1]), dict)):
        target[key[-1]] = value
    return True
