"""The scenario as an XLSX workbook, one sheet per entity, through pandas and openpyxl.

Every cell is read as text (ids such as `007` survive); numbers, dates and times typed as such
in Excel come back as text the cell readers accept. The written workbook has a bold, frozen
header row and columns wide enough to read.
"""

from __future__ import annotations

import zipfile
from os import PathLike
from pathlib import Path

import pandas as pd
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from pooling.domain import Scenario
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.spreadsheets.reading import Rows, scenario_from_sheets
from pooling.spreadsheets.writing import CellRows, sheets_from_scenario

WIDEST_COLUMN = 60
"""Characters; longer cells wrap."""


def sheet_name(name: str) -> str:
    return f"sheet {name}"


def read_xlsx(path: str | PathLike) -> Scenario:
    """The scenario of a workbook; raises `InvalidInput` with every problem, each at its cell."""
    return scenario_from_sheets(read_sheets(Path(path)), sheet_name)


def read_sheets(path: Path) -> dict[str, Rows]:
    try:
        frames = pd.read_excel(path, sheet_name=None, header=None, dtype=str,
                               keep_default_na=False, engine="openpyxl")
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
        raise InvalidInput([Problem(str(path), N_("cannot open this workbook: {error}"),
                                    {"error": str(error)})]) from None
    return {name: frame.fillna("").values.tolist() for name, frame in frames.items()}


def write_xlsx(scenario: Scenario, path: str | PathLike) -> None:
    """Writes the workbook of `scenario` (replacing any file at `path`)."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, rows in sheets_from_scenario(scenario).items():
            frame = pd.DataFrame(rows[1:], columns=rows[0], dtype=object)
            frame.to_excel(writer, sheet_name=name, index=False)
            dress(writer.sheets[name], rows)


def dress(sheet: Worksheet, rows: CellRows) -> None:
    """Bold frozen header, columns as wide as their longest cell (up to a limit)."""
    for header_cell in sheet[1]:
        header_cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(zip(*rows), start=1):
        longest = max(len(str(value)) for value in column if value is not None)
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, WIDEST_COLUMN)
        if longest > WIDEST_COLUMN:
            for row in sheet.iter_rows(min_col=index, max_col=index, min_row=2):
                row[0].alignment = Alignment(wrap_text=True, vertical="top")
