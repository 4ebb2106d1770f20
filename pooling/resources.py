"""The coordinator's forms on a network-week: sites, facilitators, rooms, equipment and needs.

A form is one row of the scenario workbook (`pooling.spreadsheets.columns`): one text field per
column, read and written with the same cell grammar as the XLSX sheets, so a coordinator types
`mon 09:00-12:30; tue 14:00-18:00` in both. Saving exports the week, changes that one object,
checks the whole scenario again with the interchange reader and imports it in one transaction;
every problem comes back placed at the form field it concerns (`availability[1].start`), and
nothing is saved when there is any. Resources are shared by the network's weeks, so a change
that would break another stored week is refused too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from pooling.db.errors import StoreError
from pooling.domain import Scenario
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import scenario_from_dict, scenario_to_dict
from pooling.interchange.rostering_reading import ORDER
from pooling.spreadsheets.cells import CellError
from pooling.spreadsheets.columns import EQUIPMENT, FACILITATORS, NEEDS, ROOMS, SITES, Column, Sheet
from pooling.spreadsheets.reading import put
from pooling.spreadsheets.writing import ABSENT, cell, lookup
from pooling.store import export_scenario, import_scenario, list_weeks

__all__ = ["KINDS", "ResourceTable", "UnknownResource", "delete_resource", "form_columns",
           "resource_table", "resource_texts", "save_resource"]

KINDS: dict[str, Sheet] = {sheet.name: sheet for sheet in (SITES, FACILITATORS, ROOMS,
                                                           EQUIPMENT, NEEDS)}
"""Each kind of object a coordinator edits, by the name of its list in the scenario."""
SHARED = ("sites", "travel_minutes", "skills", "facilitators", "rooms", "equipment")
"""What the network's weeks share (their needs are their own)."""
SITE_COLUMNS = ("site", "home_site")
"""Columns naming one site, offered as a choice of the network's sites."""
MISSING_FIELD = "missing required field {field}"
NAMED_FIELD = {MISSING_FIELD: "field", ORDER: "low_field"}
"""Problems placed at an object (`rostering`) about one of its fields, and the parameter naming
it: the missing field, the minimum above its maximum."""
PATH_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")


class UnknownResource(StoreError):
    def __init__(self, kind: str, identifier: str):
        super().__init__(N_("There is no {kind} with the id {id} in this network-week."),
                         kind=kind, id=identifier)


def is_extra(column: Column) -> bool:
    return column.key[-1] == "extra"


def form_columns(kind: str) -> tuple[Column, ...]:
    """The fields of a form: the sheet's columns but the free-form `extra` ones (kept as they
    are when the object is saved)."""
    return tuple(column for column in sheet_of(kind).columns if not is_extra(column))


def sheet_of(kind: str) -> Sheet:
    if kind not in KINDS:
        raise UnknownResource(kind, "")
    return KINDS[kind]


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResourceTable:
    """The objects of one kind in a network-week, each as the texts of its form's fields."""

    kind: str
    columns: tuple[Column, ...]
    rows: list[dict[str, str]]
    sites: list[tuple[str, str]]
    """(id, name) of the network's sites, for the fields that name one."""


def entity_texts(columns: tuple[Column, ...], entity: dict[str, Any]) -> dict[str, str]:
    texts = {}
    for column in columns:
        value = cell(column, lookup(entity, column.key))
        texts[column.name] = "" if value is None else str(value)
    return texts


def resource_table(session: Session, network_name: str, week_start: date,
                   kind: str) -> ResourceTable:
    columns = form_columns(kind)
    document = scenario_to_dict(export_scenario(session, network_name, week_start))
    return ResourceTable(kind, columns,
                         [entity_texts(columns, entity) for entity in document[kind]],
                         [(site["id"], site["name"]) for site in document["sites"]])


def resource_texts(table: ResourceTable, identifier: str) -> dict[str, str]:
    """The form texts of one object of the table; `UnknownResource` when there is none."""
    for row in table.rows:
        if row["id"] == identifier:
            return row
    raise UnknownResource(table.kind, identifier)


# --- writing -----------------------------------------------------------------------------------


def entity_from_texts(kind: str, texts: dict[str, str], base: dict[str, Any]
                      ) -> tuple[dict[str, Any], list[Problem]]:
    """The object a form describes, with the `extra` objects of `base` kept; problems of the
    texts that cannot be read, at their field."""
    entity: dict[str, Any] = {}
    problems = []
    for column in form_columns(kind):
        text = (texts.get(column.name) or "").strip()
        if not text:
            continue
        try:
            value = column.codec.read(text)
        except CellError as error:
            problems.append(Problem(column.name, error.message, error.params))
            continue
        if not put(entity, column.key, value):
            problems.append(Problem(column.name, N_("this field is filled but {field} says no: "
                                                    "clear one of them"),
                                    {"field": "_".join(column.key[:-1])}))
    for column in sheet_of(kind).columns:
        kept = lookup(base, column.key)
        if is_extra(column) and kept is not ABSENT and isinstance(
                lookup(entity, column.key[:-1]) if len(column.key) > 1 else entity, dict):
            put(entity, column.key, kept)
    return entity, problems


def path_steps(path: str) -> list[str | int]:
    return [name if name is not None else int(index) for name, index in PATH_STEP.findall(path)]


def field_problem(kind: str, problem: Problem, rest: str) -> Problem:
    """A problem of the edited object (`rest` is its path below the object: `.lat`,
    `.availability[1].start`) placed at the form field of the column it falls in."""
    steps = path_steps(rest)
    if problem.message in NAMED_FIELD:
        steps.append(problem.params.get(NAMED_FIELD[problem.message], ""))
    names = []
    for step in steps:
        if not isinstance(step, str):
            break
        names.append(step)
    best = max((column for column in form_columns(kind)
                if tuple(names[:len(column.key)]) == column.key),
               key=lambda column: len(column.key), default=None)
    if best is None:
        return problem
    prefix = "".join(f".{name}" for name in best.key)
    detail = rest[len(prefix):] if rest.startswith(prefix) else ""
    return Problem(best.name + detail, problem.message, problem.params)


def readable_place(document: dict[str, Any], where: str) -> str:
    """`$.rooms[3].site` as `rooms/R3.site`: the object named by its id, not its position."""
    match = re.match(r"^\$\.(\w+)\[(\d+)\](.*)$", where)
    if not match or match[1] not in KINDS:
        return where
    entities = document.get(match[1], [])
    index = int(match[2])
    if index >= len(entities) or not isinstance(entities[index], dict):
        return where
    return f"{match[1]}/{entities[index].get('id', index)}{match[3]}"


def checked(document: dict[str, Any]) -> tuple[Scenario | None, list[Problem]]:
    try:
        return scenario_from_dict(document), []
    except InvalidInput as invalid:
        return None, invalid.problems


def placed_problems(kind: str, index: int | None, document: dict[str, Any],
                    problems: list[Problem], unreadable: set[str]) -> list[Problem]:
    """Problems at the edited object go to its fields (but those already said unreadable);
    the others keep a readable place."""
    prefix = f"$.{kind}[{index}]"
    placed = []
    for problem in problems:
        if index is not None and (problem.where == prefix
                                  or problem.where.startswith((prefix + ".", prefix + "["))):
            moved = field_problem(kind, problem, problem.where[len(prefix):])
            if moved is problem:
                placed.append(Problem(readable_place(document, problem.where), problem.message,
                                      problem.params))
            elif re.split(r"[.\[]", moved.where, maxsplit=1)[0] not in unreadable:
                placed.append(moved)
        else:
            placed.append(Problem(readable_place(document, problem.where), problem.message,
                                  problem.params))
    return placed


def problem_key(problem: Problem) -> tuple[str, str, str]:
    return problem.where, problem.message, repr(sorted(problem.params.items()))


def other_weeks_problems(session: Session, network_name: str, week_start: date,
                         document: dict[str, Any]) -> list[Problem]:
    """What the changed shared resources would newly break in the network's other weeks,
    each problem placed in its week (`2026-12-07/needs/N-03.site`)."""
    found = []
    for stored in list_weeks(session):
        if stored.network != network_name or stored.week_start == week_start:
            continue
        other = scenario_to_dict(export_scenario(session, network_name, stored.week_start))
        before = {problem_key(p) for p in checked(other)[1]}
        changed = {key: value for key, value in other.items() if key not in SHARED}
        changed.update({key: document[key] for key in SHARED if key in document})
        for problem in checked(changed)[1]:
            if problem_key(problem) not in before:
                found.append(Problem(f"{stored.week_start.isoformat()}/"
                                     f"{readable_place(changed, problem.where)}",
                                     problem.message, problem.params))
    return found


def store_document(session: Session, network_name: str, week_start: date, kind: str,
                   document: dict[str, Any], index: int | None,
                   problems: list[Problem]) -> Scenario:
    """Check the changed document and import it, or raise every problem and change nothing."""
    unreadable = {problem.where for problem in problems}
    scenario, found = checked(document)
    problems = problems + placed_problems(kind, index, document, found, unreadable)
    if kind != "needs" and not problems:
        problems = other_weeks_problems(session, network_name, week_start, document)
    if problems or scenario is None:
        raise InvalidInput(problems)
    import_scenario(session, scenario)
    return scenario


def position(document: dict[str, Any], kind: str, identifier: str) -> int:
    for index, entity in enumerate(document[kind]):
        if entity.get("id") == identifier:
            return index
    raise UnknownResource(kind, identifier)


def save_resource(session: Session, network_name: str, week_start: date, kind: str,
                  texts: dict[str, str], original: str | None = None) -> Scenario:
    """Create an object (`original` None) or replace the object `original` from form texts.

    An object keeps its id: when `original` is given, the `id` text is ignored.
    """
    sheet_of(kind)
    document = scenario_to_dict(export_scenario(session, network_name, week_start))
    if original is None:
        index, base = len(document[kind]), {}
        document[kind].append(base)
    else:
        index = position(document, kind, original)
        base = document[kind][index]
        texts = {**texts, "id": original}
    entity, problems = entity_from_texts(kind, texts, base)
    document[kind][index] = entity
    return store_document(session, network_name, week_start, kind, document, index, problems)


def delete_resource(session: Session, network_name: str, week_start: date, kind: str,
                    identifier: str) -> Scenario:
    """Remove an object; refused, with each reference to it, while anything still names it."""
    sheet_of(kind)
    document = scenario_to_dict(export_scenario(session, network_name, week_start))
    del document[kind][position(document, kind, identifier)]
    if kind == "sites":
        drop_travel_of(document, identifier)
    return store_document(session, network_name, week_start, kind, document, None, [])


def drop_travel_of(document: dict[str, Any], site: str) -> None:
    """Travel times to and from a removed site go with it."""
    table = document.get("travel_minutes")
    if table is None:
        return
    table.pop(site, None)
    for row in table.values():
        row.pop(site, None)
    document["travel_minutes"] = {a: row for a, row in table.items() if row}
