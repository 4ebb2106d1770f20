"""Scenario files sent through a web page, and the files a stored week is exported as.

An upload arrives as bytes with the name the person's computer gave it: a format v1 `.json`
document, an `.xlsx` workbook, or a `.zip` holding the CSV files of a scenario. It is read in a
private temporary folder, and its problems name the uploaded file, never that folder. Importing
is one transaction: a file with any problem changes nothing.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from sqlalchemy.orm import Session

from pooling.accounts import Account
from pooling.db.models import PlanningWeek
from pooling.domain import Scenario
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import read_scenario_json, write_scenario_json
from pooling.spreadsheets import read_csv_folder, read_xlsx, write_csv_folder, write_xlsx
from pooling.store import export_scenario, import_scenario

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
KINDS = (".json", ".xlsx", ".zip")
EXPORT_FORMATS = {
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "application/zip",
}


@dataclass(frozen=True)
class ExportedFile:
    name: str
    content: bytes
    mimetype: str


def upload_problem(filename: str, message: str, **params: object) -> InvalidInput:
    return InvalidInput([Problem(filename or "?", message, dict(params))])


def read_upload(filename: str, data: bytes) -> Scenario:
    """The scenario of an uploaded file; `InvalidInput` with every problem otherwise."""
    suffix = PurePosixPath(filename).suffix.lower()
    if not data:
        raise upload_problem(filename, N_("the file is empty: choose the scenario file again"))
    if len(data) > MAX_UPLOAD_BYTES:
        raise upload_problem(filename, N_("the file is larger than {megabytes} MB"),
                             megabytes=MAX_UPLOAD_BYTES // (1024 * 1024))
    if suffix not in KINDS:
        raise upload_problem(filename, N_("unsupported kind of file: send a .json file, a .xlsx "
                                          "workbook or a .zip of CSV files"))
    with tempfile.TemporaryDirectory(prefix="pooling-upload-") as folder:
        try:
            return read_in(Path(folder), suffix, data)
        except InvalidInput as invalid:
            raise InvalidInput([named_after_upload(problem, folder, filename)
                                for problem in invalid.problems]) from None


def read_in(folder: Path, suffix: str, data: bytes) -> Scenario:
    if suffix == ".json":
        return read_scenario_json(io.BytesIO(data))
    if suffix == ".xlsx":
        path = folder / "upload.xlsx"
        path.write_bytes(data)
        return read_xlsx(path)
    unzip_csv_files(data, folder / "csv")
    return read_csv_folder(folder / "csv")


def unzip_csv_files(data: bytes, target: Path) -> None:
    """The archive's `.csv` files, wherever they sit in it, side by side in `target`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InvalidInput([Problem(str(target), N_("this is not a zip archive"))]) from None
    members = [m for m in archive.infolist()
               if not m.is_dir() and PurePosixPath(m.filename).suffix.lower() == ".csv"]
    if not members:
        raise InvalidInput([Problem(str(target), N_("the archive holds no CSV file"))])
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise InvalidInput([Problem(str(target), N_("the archive's CSV files are larger than "
                                                    "{megabytes} MB"),
                                    {"megabytes": MAX_UNZIPPED_BYTES // (1024 * 1024)})])
    target.mkdir()
    for member in members:
        (target / PurePosixPath(member.filename).name).write_bytes(archive.read(member))


def named_after_upload(problem: Problem, folder: str, filename: str) -> Problem:
    """A problem placed in the temporary folder is placed in the uploaded file instead."""
    if problem.where.startswith(folder):
        return Problem(filename, problem.message, problem.params)
    return problem


def import_upload(session: Session, account: Account, filename: str,
                  data: bytes) -> PlanningWeek:
    """Store the uploaded scenario as its network's week, if `account` coordinates it."""
    scenario = read_upload(filename, data)
    if not account.covers_network(scenario.network.name):
        raise InvalidInput([Problem("$.network.name", N_(
            "you coordinate network {mine}, not {network}: check the file's network name"),
            {"mine": account.network, "network": scenario.network.name})])
    return import_scenario(session, scenario)


def slug(text: str) -> str:
    """ASCII letters, digits and dashes: a file name every system accepts."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "pooling"


def export_file(session: Session, network_name: str, week_start: date,
                fmt: str) -> ExportedFile:
    """The stored week as a `.json` document, an `.xlsx` workbook or a `.zip` of CSV files."""
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput([Problem("format", N_("unknown export format {format}: use json, "
                                                 "xlsx or csv"), {"format": fmt})])
    scenario = export_scenario(session, network_name, week_start)
    stem = f"{slug(network_name)}-{week_start.isoformat()}"
    with tempfile.TemporaryDirectory(prefix="pooling-export-") as folder:
        if fmt == "json":
            path = Path(folder) / "scenario.json"
            write_scenario_json(scenario, path)
            content = path.read_bytes()
        elif fmt == "xlsx":
            path = Path(folder) / "scenario.xlsx"
            write_xlsx(scenario, path)
            content = path.read_bytes()
        else:
            write_csv_folder(scenario, Path(folder) / stem)
            content = zipped(Path(folder) / stem)
    extension = "zip" if fmt == "csv" else fmt
    return ExportedFile(f"{stem}.{extension}", content, EXPORT_FORMATS[fmt])


def zipped(folder: Path) -> bytes:
    """The folder's files in a zip archive, under the folder's name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{folder.name}/{path.name}")
    return buffer.getvalue()
