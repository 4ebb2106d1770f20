"""A site manager's use cases on the needs of their sites: declare (once, every chosen weekday,
or at a flexible time), edit, delete, copy last week's, and upload a needs sheet.

Every change exports the network-week, changes its needs, reads the whole document again with
the format-v1 reader and imports it in one transaction: the week stays a valid scenario and
nothing is half-saved. Problems of a form are placed at its field names (`start`,
`staff[0].skill`); problems of an uploaded sheet at its cells (`sheet needs, row 5, column
start`), through the spreadsheet reader's own column table.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import IO, Any

import pandas as pd
from sqlalchemy.orm import Session

from pooling.accounts import Account
from pooling.db.errors import StoreError, UnknownWeek
from pooling.domain import (
    PRIORITIES, WEEKDAYS, EquipmentRequest, Need, Scenario, Site, StaffLine, format_time,
)
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import scenario_from_dict, scenario_to_dict
from pooling.rota import PublishedRota, RotaEntry, published_rota
from pooling.spreadsheets.columns import NEEDS
from pooling.spreadsheets.places import Place, parse_path
from pooling.spreadsheets.reading import WorkbookReader, normal_name
from pooling.spreadsheets.writing import entity_rows
from pooling.spreadsheets.xlsx import dress, read_sheets, sheet_name
from pooling.store import export_scenario, import_scenario

__all__ = [
    "SCHEDULES", "CopyResult", "NeedChoices", "NeedRequest", "NeedStatus", "NotYourSite",
    "SiteNeeds", "UnknownNeed", "UploadResult", "copy_previous_week", "declare_needs",
    "delete_need", "find_need", "need_choices", "needs_workbook", "request_of", "site_needs",
    "update_need", "upload_needs",
]

SCHEDULES = ("once", "weekly", "flexible")
"""Once: one date, fixed times. Weekly: the same fixed times on each chosen weekday of the
horizon, one need per date. Flexible: one need placed by the planner on one of its days, within
a window, for a duration."""


class UnknownNeed(StoreError):
    def __init__(self, need: str):
        super().__init__(N_("No need has the id {need} in this week."), need=need)


class NotYourSite(StoreError):
    """The need belongs to a site the person does not manage (the web answers 403)."""

    def __init__(self, site: str):
        super().__init__(N_("You do not manage the site {site}."), site=site)


@dataclass(frozen=True)
class NeedRequest:
    """What a person asks for in the need form; times in minutes since midnight."""

    site: str
    title: str
    schedule: str = "once"
    kind: str | None = None
    date: date | None = None
    weekdays: tuple[str, ...] = ()
    days: tuple[date, ...] = ()
    start: int | None = None
    end: int | None = None
    duration_minutes: int | None = None
    staff: tuple[StaffLine, ...] = ()
    attendees: int = 0
    uses_room: bool = True
    room_features: tuple[str, ...] = ()
    equipment: tuple[EquipmentRequest, ...] = ()
    priority: str = "normal"


@dataclass(frozen=True)
class NeedChoices:
    """What the need form offers: the network's skills, room features and equipment types."""

    skills: tuple[str, ...]
    features: tuple[str, ...]
    equipment_types: tuple[str, ...]


@dataclass(frozen=True)
class NeedStatus:
    """Where a need stands in the published rota: `planned` (with its assignment), `unmet`
    (with the planner's reasons) or `waiting` (declared after publication, or nothing is
    published yet)."""

    state: str
    entry: RotaEntry | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteNeeds:
    """The needs of a person's sites in a week, the week they belong to, and its published
    rota (None while nothing is published)."""

    scenario: Scenario
    sites: tuple[Site, ...]
    needs: tuple[Need, ...]
    rota: PublishedRota | None

    def status(self, need: Need) -> NeedStatus:
        if self.rota is not None:
            for entry in self.rota.entries:
                if entry.need == need.id:
                    return NeedStatus("planned", entry=entry)
            for unmet in self.rota.unmet:
                if unmet.need.id == need.id:
                    return NeedStatus("unmet", reasons=unmet.reasons)
        return NeedStatus("waiting")

    def of_site(self, site: str) -> tuple[Need, ...]:
        return tuple(need for need in self.needs if need.site == site)


# --- reading ---------------------------------------------------------------------------------


def managed(account: Account, scenario: Scenario) -> tuple[Site, ...]:
    return tuple(site for site in scenario.sites
                 if account.manages_site(site.id, scenario.network.name))


def site_needs(session: Session, account: Account, network: str, week_start: date) -> SiteNeeds:
    """The week's needs of the sites `account` manages (all of them for a coordinator)."""
    scenario = export_scenario(session, network, week_start)
    sites = managed(account, scenario)
    codes = {site.id for site in sites}
    return SiteNeeds(scenario, sites, tuple(n for n in scenario.needs if n.site in codes),
                     published_rota(session, network, week_start))


def need_choices(scenario: Scenario) -> NeedChoices:
    skills = scenario.skills if scenario.skills is not None else tuple(dict.fromkeys(
        skill for person in scenario.facilitators for skill in person.skills))
    return NeedChoices(
        skills=tuple(skills),
        features=tuple(sorted({f for room in scenario.rooms for f in room.features})),
        equipment_types=tuple(sorted({unit.type for unit in scenario.equipment})))


def find_need(scenario: Scenario, need_id: str) -> Need:
    for need in scenario.needs:
        if need.id == need_id:
            return need
    raise UnknownNeed(need_id)


def request_of(need: Need) -> NeedRequest:
    """The form's values for an existing need (to edit it)."""
    return NeedRequest(
        site=need.site, title=need.title, kind=need.kind,
        schedule="flexible" if need.is_flexible else "once",
        date=need.date, days=need.days or (),
        start=need.window_start if need.is_flexible else need.start,
        end=need.window_end if need.is_flexible else need.end,
        duration_minutes=need.duration_minutes, staff=need.staff, attendees=need.attendees,
        uses_room=need.room is not None,
        room_features=need.room.features if need.room is not None else (),
        equipment=need.equipment, priority=need.priority)


# --- declaring, editing, deleting ------------------------------------------------------------


def declare_needs(session: Session, account: Account, network: str, week_start: date,
                  request: NeedRequest, check_only: bool = False) -> list[str]:
    """Add the needs of the request to the week (one per date when weekly); their new ids.

    `check_only` finds every problem but stores nothing (for a form that has its own)."""
    document = scenario_to_dict(export_scenario(session, network, week_start))
    problems = request_problems(account, document, request, editing=False)
    dates = occurrence_dates(document, request)
    if request.schedule == "weekly" and request.weekdays and not dates:
        problems.append(Problem("weekdays", N_("None of these weekdays falls within the week: "
                                               "choose another day.")))
    checked = stand_in(document, request) if time_problems(problems) else request
    first = len(document["needs"])
    ids = fresh_ids({need["id"] for need in document["needs"]}, len(dates) or 1)
    for need_id, day in zip(ids, dates or [checked.date]):
        document["needs"].append(need_document(checked, need_id, day))
    save(session, document, range(first, first + len(ids)), problems, check_only)
    return ids


def update_need(session: Session, account: Account, network: str, week_start: date,
                need_id: str, request: NeedRequest, check_only: bool = False) -> None:
    """Change a need of one of the person's sites; what the form does not show is kept
    (preferred facilitators, pins, the sites that may host it, free-form data)."""
    document = scenario_to_dict(export_scenario(session, network, week_start))
    index = need_index(account, document, need_id)
    problems = request_problems(account, document, request, editing=True)
    checked = stand_in(document, request) if time_problems(problems) else request
    document["needs"][index] = need_document(checked, need_id, checked.date,
                                             document["needs"][index])
    save(session, document, (index,), problems, check_only)


def delete_need(session: Session, account: Account, network: str, week_start: date,
                need_id: str) -> None:
    document = scenario_to_dict(export_scenario(session, network, week_start))
    del document["needs"][need_index(account, document, need_id)]
    save(session, document, ())


def need_index(account: Account, document: dict[str, Any], need_id: str) -> int:
    """Where the need is in the document; `NotYourSite` unless the person manages its site."""
    for index, need in enumerate(document["needs"]):
        if need["id"] == need_id:
            if not account.manages_site(need["site"], document["network"]["name"]):
                raise NotYourSite(need["site"])
            return index
    raise UnknownNeed(need_id)


def request_problems(account: Account, document: dict[str, Any], request: NeedRequest,
                     editing: bool) -> list[Problem]:
    """What the form must say that the format itself does not check: a managed site, a
    title, the fields of the chosen schedule."""
    problems = []
    if not account.manages_site(request.site, document["network"]["name"]):
        problems.append(Problem("site", N_("Choose one of the sites you manage.")))
    if not request.title.strip():
        problems.append(Problem("title", N_("Give the activity a title.")))
    if request.schedule not in (("once", "flexible") if editing else SCHEDULES):
        problems.append(Problem("schedule", N_("Choose when the activity takes place.")))
    elif request.schedule == "once" and request.date is None:
        problems.append(Problem("date", N_("Choose the date.")))
    elif request.schedule == "weekly" and not request.weekdays:
        problems.append(Problem("weekdays", N_("Choose at least one weekday.")))
    elif request.schedule == "flexible":
        if not request.days:
            problems.append(Problem("days", N_("Choose at least one possible date.")))
        if request.duration_minutes is None:
            problems.append(Problem("duration_minutes", N_("Give how long the activity lasts, "
                                                           "in minutes.")))
    for name in ("start", "end"):
        if getattr(request, name) is None:
            problems.append(Problem(name, N_("Give a time such as 14:30.")))
    if request.priority not in PRIORITIES:
        problems.append(Problem("priority", N_("Choose a priority.")))
    types = {unit["type"] for unit in document["equipment"]}
    for index, item in enumerate(request.equipment):
        if item.type not in types:
            problems.append(Problem(f"equipment[{index}].type", N_(
                "The network has no equipment of type {type}."), {"type": item.type}))
    return problems


TIME_FIELDS = frozenset({"schedule", "date", "weekdays", "days", "duration_minutes", "start",
                         "end"})


def time_problems(problems: list[Problem]) -> bool:
    return any(problem.where in TIME_FIELDS for problem in problems)


def stand_in(document: dict[str, Any], request: NeedRequest) -> NeedRequest:
    """The request with a valid stand-in time, to check its other fields while its own time
    is incomplete (problems of the stand-in are then dropped, see `save`)."""
    network = document["network"]
    return replace(request, schedule="once", date=date.fromisoformat(network["week_start"]),
                   start=0, end=network["slot_minutes"], duration_minutes=None)


def occurrence_dates(document: dict[str, Any], request: NeedRequest) -> list[date | None]:
    """The date of each need to make: one per chosen weekday of the horizon when weekly."""
    if request.schedule != "weekly":
        return [request.date]
    network = document["network"]
    first = date.fromisoformat(network["week_start"])
    dates = (first + timedelta(days=offset) for offset in range(network["days"]))
    return [day for day in dates if WEEKDAYS[day.weekday()] in request.weekdays]


def need_document(request: NeedRequest, need_id: str, day: date | None,
                  previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The format-v1 object of the requested need; fields the form does not show are taken
    from `previous` (the need being edited)."""
    kept = {key: value for key, value in (previous or {}).items()
            if key in ("preferred_facilitators", "pinned", "extra")}
    need: dict[str, Any] = {"id": need_id, "site": request.site, "title": request.title.strip()}
    if request.kind:
        need["kind"] = request.kind
    if request.schedule == "flexible":
        window = {"start": time_text(request.start), "end": time_text(request.end)}
        if previous and isinstance(previous.get("window"), dict) and "extra" in previous["window"]:
            window["extra"] = previous["window"]["extra"]
        need.update(days=[d.isoformat() for d in request.days], window=window,
                    duration_minutes=request.duration_minutes)
    else:
        need.update(date=day.isoformat() if day else None, start=time_text(request.start),
                    end=time_text(request.end))
    need["staff"] = [{"skill": line.skill, "level": line.level, "count": line.count}
                     for line in request.staff]
    need["attendees"] = request.attendees
    need["room"] = room_document(request, previous)
    need["equipment"] = [{"type": item.type, "count": item.count} for item in request.equipment]
    need["priority"] = request.priority
    return {**need, **kept}


def room_document(request: NeedRequest, previous: dict[str, Any] | None) -> dict | None:
    if not request.uses_room:
        return None
    room = {"features": list(request.room_features)}
    earlier = (previous or {}).get("room")
    if isinstance(earlier, dict):
        room.update({key: earlier[key] for key in ("at", "extra") if key in earlier})
    return room


def time_text(minutes: int | None) -> str | None:
    return None if minutes is None else format_time(minutes)


def fresh_ids(taken: set[str], count: int) -> list[str]:
    """`count` ids `N-<number>` after the highest such id of the week."""
    numbers = [int(match.group(1)) for need_id in taken
               if (match := re.fullmatch(r"N-(\d+)", need_id))]
    start = max(numbers, default=0) + 1
    return [f"N-{number:02d}" for number in range(start, start + count)]


# --- checking and saving -----------------------------------------------------------------------


def save(session: Session, document: dict[str, Any], changed: Iterable[int],
         known: list[Problem] = (), check_only: bool = False) -> Scenario:
    """Read the changed week again and store it, unless it or `known` (the form's own
    problems) has a problem. Problems of the changed needs are placed at the form's fields (the
    rest keep their JSON path); a field with a problem of the form's keeps only that one."""
    found: list[Problem] = []
    scenario = None
    try:
        scenario = scenario_from_dict(document)
    except InvalidInput as invalid:
        found = form_problems(invalid.problems, set(changed))
    fields = {problem.where for problem in known}
    if time_problems(list(known)):
        fields |= TIME_FIELDS | {""}
    problems = [*known, *(problem for problem in found if problem.where not in fields)]
    if problems:
        raise InvalidInput(problems)
    if not check_only:
        import_scenario(session, scenario)
    return scenario


NEED_FIELDS = {
    "site": "site", "title": "title", "kind": "kind", "date": "date", "start": "start",
    "end": "end", "days": "days", "duration_minutes": "duration_minutes",
    "attendees": "attendees", "priority": "priority", "room": "room_features",
    "window": "end",
}
"""Form field of each need key, for problems placed at the need or one of its fields."""
WINDOW_FIELDS = {"start": "start", "end": "end"}


def form_problems(problems: list[Problem], changed: set[int]) -> list[Problem]:
    """Each problem of a changed need at the form field it concerns; repeats (the same
    problem for each date of a weekly need) said once."""
    placed: dict[tuple[str, str, str], Problem] = {}
    for problem in problems:
        where = form_field(problem, changed)
        key = (where, problem.message, repr(sorted(problem.params.items())))
        placed.setdefault(key, replace(problem, where=where))
    return list(placed.values())


def form_field(problem: Problem, changed: set[int]) -> str:
    """`$.needs[4].staff[0].skill` -> `staff[0].skill`; unchanged needs keep their path."""
    path = parse_path(problem.where) or ()
    if len(path) < 2 or path[0] != "needs" or path[1] not in changed:
        return problem.where
    rest = path[2:]
    if not rest:
        field = problem.params.get("field")
        if isinstance(field, str) and field in NEED_FIELDS:
            return NEED_FIELDS[field]
        return "end" if {"start", "end"} <= problem.params.keys() else ""
    head = rest[0]
    if head in ("staff", "equipment") and len(rest) >= 2:
        return f"{head}[{rest[1]}]" + (f".{rest[2]}" if len(rest) > 2 else "")
    if head == "window" and len(rest) > 1:
        return WINDOW_FIELDS.get(str(rest[1]), "end")
    return NEED_FIELDS.get(str(head), "")


# --- copying last week ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyResult:
    copied: int
    already_there: int


def copy_previous_week(session: Session, account: Account, network: str,
                       week_start: date) -> CopyResult:
    """Copy the needs of the person's sites from the 7 days before `week_start` into its week,
    dates moved by 7 days. A need already there (the same but for its id) is not copied twice;
    a copy keeps its id unless the week uses it. The week is created when not stored yet.

    Raises `UnknownWeek` when the previous week is not stored."""
    source = export_scenario(session, network, week_start - timedelta(days=7))
    try:
        target = export_scenario(session, network, week_start)
    except UnknownWeek:
        target = replace(source, network=replace(source.network, week_start=week_start),
                         needs=())
    present = Counter(replace(need, id="") for need in target.needs)
    taken = {need.id for need in target.needs}
    copies, already_there = [], 0
    for need in source.needs:
        if not account.manages_site(need.site, network):
            continue
        moved = moved_by_a_week(need)
        if not all(target.network.contains(day) for day in need_dates(moved)):
            continue
        if present[replace(moved, id="")] > 0:
            present[replace(moved, id="")] -= 1
            already_there += 1
            continue
        if moved.id in taken:
            moved = replace(moved, id=fresh_ids(taken, 1)[0])
        taken.add(moved.id)
        copies.append(moved)
    save(session, scenario_to_dict(replace(target, needs=target.needs + tuple(copies))), ())
    return CopyResult(copied=len(copies), already_there=already_there)


def need_dates(need: Need) -> tuple[date, ...]:
    """The dates a need may take place on."""
    return need.days if need.is_flexible else (need.date,)


def moved_by_a_week(need: Need) -> Need:
    week = timedelta(days=7)
    pinned = need.pinned
    if pinned is not None and pinned.date is not None:
        pinned = replace(pinned, date=pinned.date + week)
    return replace(need, date=need.date + week if need.date else None,
                   days=tuple(day + week for day in need.days) if need.days else need.days,
                   pinned=pinned)


# --- the needs sheet -------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadResult:
    added: int
    replaced: int


def needs_workbook(session: Session, account: Account, network: str, week_start: date) -> bytes:
    """An XLSX workbook with the `needs` sheet of the person's sites, to fill and upload back."""
    found = site_needs(session, account, network, week_start)
    document = scenario_to_dict(replace(found.scenario, needs=found.needs))
    rows = entity_rows(NEEDS, document["needs"])
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(rows[1:], columns=rows[0], dtype=object).to_excel(
            writer, sheet_name=NEEDS.name, index=False)
        dress(writer.sheets[NEEDS.name], rows)
    return buffer.getvalue()


def upload_needs(session: Session, account: Account, network: str, week_start: date,
                 workbook: IO[bytes], file_name: str) -> UploadResult:
    """Add or replace the needs of the workbook's `needs` sheet (same columns as the scenario
    workbook): a row whose id the week already has replaces that need, other rows are added,
    needs not in the sheet stay. Every row must be of a site the person manages.

    Raises `InvalidInput` with every problem at its cell; nothing is stored then."""
    try:
        sheets = read_sheets(workbook)
    except InvalidInput as invalid:
        raise InvalidInput([replace(p, where=file_name) for p in invalid.problems]) from None
    rows = next((rows for name, rows in sheets.items() if normal_name(name) == NEEDS.name), None)
    if rows is None:
        raise InvalidInput([Problem(file_name, N_("this workbook has no sheet named {sheet}: "
                                                  "download the needs sheet and fill it in"),
                                    {"sheet": NEEDS.name})])
    document = scenario_to_dict(export_scenario(session, network, week_start))
    reader = WorkbookReader({NEEDS.name: rows}, sheet_name)
    uploaded = reader.read_entities(NEEDS)
    check_uploaded_sites(account, reader, document, uploaded)
    ids = {need.get("id") for need in uploaded}
    order = [need["id"] for need in document["needs"]]
    kept = [need for need in document["needs"] if need["id"] not in ids]
    document["needs"] = uploaded + kept
    scenario = reader.checked_scenario(document)
    import_scenario(session, replace(scenario, needs=in_week_order(scenario.needs, order)))
    replaced = len(ids & set(order))
    return UploadResult(added=len(uploaded) - replaced, replaced=replaced)


def check_uploaded_sites(account: Account, reader: WorkbookReader, document: dict[str, Any],
                         uploaded: list[dict[str, Any]]) -> None:
    """Each row is of a site the person manages, and replaces no need of another site."""
    network = document["network"]["name"]
    owners = {need["id"]: need["site"] for need in document["needs"]}
    for index, need in enumerate(uploaded):
        site, need_id = need.get("site"), need.get("id")
        if isinstance(site, str) and not account.manages_site(site, network):
            reader.locator.report(cell_place(reader, index, "site"),
                                  N_("you do not manage the site {site}: choose one of yours"),
                                  ("needs", index, "site"), site=site)
        owner = owners.get(need_id) if isinstance(need_id, str) else None
        if owner is not None and not account.manages_site(owner, network):
            reader.locator.report(cell_place(reader, index, "id"),
                                  N_("the id {id} is a need of another site: give this row "
                                     "another id"), ("needs", index, "id"), id=need_id)


def cell_place(reader: WorkbookReader, index: int, column: str) -> Place:
    return reader.locator.places.get(("needs", index, column)) or \
        reader.locator.places[("needs", index)]


def in_week_order(needs: tuple[Need, ...], order: list[str]) -> tuple[Need, ...]:
    """Read with the sheet's rows first (so that problems find their cells), stored with the
    week's needs in their old order (replaced ones in place) and new ones at the end."""
    by_id = {need.id: need for need in needs}
    old = set(order)
    return tuple(by_id[need_id] for need_id in order) + tuple(
        need for need in needs if need.id not in old)
