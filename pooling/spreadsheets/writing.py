"""A `Scenario` to the sheets of a workbook: its canonical format-v1 document laid out in rows,
each value written as the text (or number) a coordinator would type, plus the read-me sheet."""

from __future__ import annotations

from typing import Any

from pooling.domain import Scenario
from pooling.interchange import scenario_to_dict
from pooling.spreadsheets import cells
from pooling.spreadsheets.cells import CellValue
from pooling.spreadsheets.columns import (
    NETWORK, NETWORK_FIELDS, README_SHEET, SHEETS, SKILLS, TRAVEL, Column, Sheet,
)
from pooling.spreadsheets.readme import readme_rows

CellRows = list[list[CellValue]]
"""A sheet to write: the header row, then one row per record."""
ABSENT = object()


def sheets_from_scenario(scenario: Scenario) -> dict[str, CellRows]:
    """Every sheet of the workbook of `scenario`, in the order they are shown."""
    document = scenario_to_dict(scenario)
    sheets = {README_SHEET: readme_rows()}
    for sheet in SHEETS:
        rows = sheet_rows(sheet, document)
        if rows is not None:
            sheets[sheet.name] = rows
    return sheets


def sheet_rows(sheet: Sheet, document: dict[str, Any]) -> CellRows | None:
    """The rows of one sheet; None for the skills sheet of a scenario without a skills list
    (an empty sheet would mean that no skill may be used)."""
    if sheet is NETWORK:
        return network_rows(document)
    if sheet is TRAVEL:
        return travel_rows(document.get("travel_minutes", {}))
    if sheet is SKILLS:
        skills = document.get("skills")
        return None if skills is None else [[SKILLS.columns[0].name]] + [
            [cell(SKILLS.columns[0], skill)] for skill in skills]
    return entity_rows(sheet, document[sheet.name])


def lookup(document: dict[str, Any], key: tuple[str, ...]) -> Any:
    """The value at the nested `key`; ABSENT when a step is missing or null."""
    value: Any = document
    for step in key:
        if not isinstance(value, dict) or step not in value:
            return ABSENT
        value = value[step]
    return value


def cell(column: Column, value: Any) -> CellValue:
    """What the cell of `column` holds for `value`: blank when absent, null (except for a
    yes/no object such as `room`) or an empty list that blank also means."""
    if value is ABSENT or (value is None and column.codec is not cells.PRESENCE):
        return None
    if value in ([], {}) and not column.dash_for_empty and column.codec is not cells.JSON:
        return None
    return column.codec.write(value)


def network_rows(document: dict[str, Any]) -> CellRows:
    header = [column.name for column in NETWORK.columns]
    return [header] + [[field.name, cell(field, lookup(document, field.key))]
                       for field in NETWORK_FIELDS]


def entity_rows(sheet: Sheet, entities: list[dict[str, Any]]) -> CellRows:
    columns = [column for column in sheet.columns
               if not column.written_when_used
               or any(lookup(entity, column.key) is not ABSENT for entity in entities)]
    return [[column.name for column in columns]] + [
        [cell(column, lookup(entity, column.key)) for column in columns] for entity in entities]


def travel_rows(table: dict[str, dict[str, int]]) -> CellRows:
    """One row per pair, each cell written by its column's codec, as on the other sheets."""
    return [[column.name for column in TRAVEL.columns]] + [
        [cell(column, value) for column, value in zip(TRAVEL.columns, (a, b, minutes))]
        for a, row in table.items() for b, minutes in row.items()]
