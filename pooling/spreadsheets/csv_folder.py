"""The scenario as a folder of CSV files, one per sheet (`needs.csv`...), same columns.

Files are UTF-8 with a byte order mark, so that Excel shows accents right; files without the
mark, and files cut with semicolons (as French Excel saves them), are read as well.
"""

from __future__ import annotations

import csv
from os import PathLike
from pathlib import Path

import pandas as pd

from pooling.domain import Scenario
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.spreadsheets.columns import SHEETS
from pooling.spreadsheets.reading import Rows, scenario_from_sheets
from pooling.spreadsheets.writing import sheets_from_scenario

ENCODING = "utf-8-sig"


def file_name(name: str) -> str:
    return f"file {name}.csv"


def read_csv_folder(path: str | PathLike) -> Scenario:
    """The scenario of a folder of CSV files; raises `InvalidInput` with every problem, each at
    its cell."""
    folder = Path(path)
    if not folder.is_dir():
        raise InvalidInput([Problem(str(folder), N_("no folder of CSV files here"))])
    sheets = {}
    problems = []
    for file in sorted(folder.glob("*.csv")):
        try:
            sheets[file.stem] = read_rows(file)
        except UnicodeDecodeError:
            problems.append(Problem(file_name(file.stem), N_(
                "this file is not UTF-8 text: save it again as CSV UTF-8")))
        except (OSError, pd.errors.ParserError) as error:
            problems.append(Problem(file_name(file.stem), N_("cannot read this CSV file: {error}"),
                                    {"error": str(error)}))
    if problems:
        raise InvalidInput(problems)
    return scenario_from_sheets(sheets, file_name)


def read_rows(file: Path) -> Rows:
    with file.open(encoding=ENCODING, newline="") as opened:
        first_line = opened.readline()
    if not first_line.strip():
        return []
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    frame = pd.read_csv(file, sep=separator, header=None, dtype=str, keep_default_na=False,
                        skip_blank_lines=False, encoding=ENCODING)
    return frame.fillna("").values.tolist()


def write_csv_folder(scenario: Scenario, path: str | PathLike) -> None:
    """Writes one CSV file per sheet into the folder (made if needed); a sheet file left from
    an earlier scenario that this one has not (`skills.csv`) is removed."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    sheets = sheets_from_scenario(scenario)
    for name, rows in sheets.items():
        text_rows = [["" if value is None else str(value) for value in row] for row in rows]
        pd.DataFrame(text_rows[1:], columns=text_rows[0]).to_csv(
            folder / f"{name}.csv", index=False, encoding=ENCODING, quoting=csv.QUOTE_MINIMAL)
    for sheet in SHEETS:
        if sheet.name not in sheets:
            (folder / f"{sheet.name}.csv").unlink(missing_ok=True)
