"""Any supported scenario file to a `Scenario` and back, chosen by what the path is: a `.json`
file (format v1), an `.xlsx` workbook, or a folder of CSV files."""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path

from pooling.domain import Scenario
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import read_scenario_json, write_scenario_json
from pooling.spreadsheets import read_csv_folder, read_xlsx, write_csv_folder, write_xlsx

READERS: dict[str, Callable[[Path], Scenario]] = {
    "json": read_scenario_json, "xlsx": read_xlsx, "csv": read_csv_folder,
}
WRITERS: dict[str, Callable[[Scenario, Path], None]] = {
    "json": write_scenario_json, "xlsx": write_xlsx, "csv": write_csv_folder,
}
SUFFIXES = {".json": "json", ".xlsx": "xlsx"}


def load_scenario(path: str | PathLike) -> Scenario:
    """The scenario in `path`; raises `InvalidInput` with every problem, or with one saying the
    path is neither a JSON file, a workbook nor a folder."""
    path = Path(path)
    if not path.exists():
        raise InvalidInput([Problem(str(path), N_("no file or folder at this path"))])
    fmt = "csv" if path.is_dir() else SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise unsupported(path)
    return READERS[fmt](path)


def save_scenario(scenario: Scenario, path: str | PathLike, fmt: str | None = None) -> None:
    """Writes `scenario` as `fmt` (`json`, `xlsx` or `csv`); by default from the suffix of
    `path`, and a folder of CSV files for a path without a suffix or an existing folder."""
    path = Path(path)
    if fmt is None:
        fmt = "csv" if path.is_dir() or not path.suffix else SUFFIXES.get(path.suffix.lower())
    if fmt not in WRITERS:
        raise unsupported(path)
    WRITERS[fmt](scenario, path)


def unsupported(path: Path) -> InvalidInput:
    return InvalidInput([Problem(str(path), N_(
        "unsupported kind of file: give a .json file, a .xlsx workbook or a folder of CSV "
        "files"))])
