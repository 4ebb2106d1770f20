"""A facilitator's own times: when they can work (weekday windows), when they cannot (dated
absences) and when they would rather not (avoid windows).

Facilitators belong to the network, not to one week, so a change is checked on the network's
latest stored week with the format-v1 reader and imported in one transaction: every week then
plans with it, and nothing is half-saved. Problems are placed at the form's field names
(`availability[2].start`, `unavailable[0].day`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from pooling.accounts import Account
from pooling.db.errors import StoreError
from pooling.domain import DayPeriod, Facilitator, Scenario, Window
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import scenario_from_dict, scenario_to_dict
from pooling.spreadsheets.places import parse_path
from pooling.store import export_scenario, import_scenario, list_weeks

__all__ = ["AvailabilityRequest", "NotYourFacilitator", "UnknownFacilitator", "facilitator_of",
           "set_availability"]

LISTS = ("availability", "unavailable", "avoid")


class UnknownFacilitator(StoreError):
    def __init__(self, network: str, facilitator: str):
        super().__init__(N_("Network {network} has no facilitator {facilitator}."),
                         network=network, facilitator=facilitator)


class NotYourFacilitator(StoreError):
    """Someone else's times (the web answers 403)."""

    def __init__(self, facilitator: str):
        super().__init__(N_("You cannot change the times of {facilitator}."),
                         facilitator=facilitator)


@dataclass(frozen=True)
class AvailabilityRequest:
    """The three lists as the form gives them back, whole. Every entry is a day with optional
    times: windows (availability, avoid) need both times, an absence without times is the
    whole day."""

    availability: tuple[DayPeriod, ...]
    unavailable: tuple[DayPeriod, ...]
    avoid: tuple[DayPeriod, ...]

    def problems(self) -> list[Problem]:
        """What the form must say that the format does not: a day on each row, and both
        times of a window."""
        problems = []
        for name in LISTS:
            for index, entry in enumerate(getattr(self, name)):
                where = f"{name}[{index}]"
                if not entry.day.strip():
                    problems.append(Problem(f"{where}.day", N_("Choose a day.")))
                if name == "unavailable":
                    continue
                for side in ("start", "end"):
                    if getattr(entry, side) is None:
                        problems.append(Problem(f"{where}.{side}",
                                                N_("Give a time such as 14:30.")))
        return problems

    def lists(self) -> dict[str, tuple[Any, ...]]:
        """The entries as the facilitator's values (windows where times are needed)."""
        windows = {name: tuple(Window(e.day.strip(), e.start or 0, e.end or 0)
                               for e in getattr(self, name)) for name in ("availability", "avoid")}
        return {**windows, "unavailable": tuple(replace(e, day=e.day.strip())
                                                for e in self.unavailable)}


def stored_facilitator(session: Session, network: str, facilitator: str,
                       ) -> tuple[Scenario, int]:
    """The network's latest stored week (it holds the network's current facilitators) and the
    facilitator's place in it."""
    weeks = [week for week in list_weeks(session) if week.network == network]
    scenario = export_scenario(session, network, weeks[-1].week_start) if weeks else None
    for index, person in enumerate(scenario.facilitators if scenario else ()):
        if person.id == facilitator:
            return scenario, index
    raise UnknownFacilitator(network, facilitator)


def facilitator_of(session: Session, account: Account, network: str,
                   facilitator: str) -> Facilitator:
    """The facilitator as stored, if `account` may see them."""
    if not account.sees_facilitator(facilitator, network):
        raise NotYourFacilitator(facilitator)
    scenario, index = stored_facilitator(session, network, facilitator)
    return scenario.facilitators[index]


def set_availability(session: Session, account: Account, network: str, facilitator: str,
                     request: AvailabilityRequest, check_only: bool = False) -> Facilitator:
    """Replace the facilitator's availability, absences and avoid windows.

    An entry unchanged from before keeps its free-form `extra`. `check_only` finds every
    problem but stores nothing (for a form that has problems of its own)."""
    if not account.sees_facilitator(facilitator, network):
        raise NotYourFacilitator(facilitator)
    scenario, index = stored_facilitator(session, network, facilitator)
    before = scenario.facilitators[index]
    known = request.problems()
    changed = replace(before, **{name: with_kept_extras(getattr(before, name), entries)
                                 for name, entries in request.lists().items()})
    document = scenario_to_dict(replace(
        scenario, facilitators=scenario.facilitators[:index] + (changed,)
        + scenario.facilitators[index + 1:]))
    found: list[Problem] = []
    checked = None
    try:
        checked = scenario_from_dict(document)
    except InvalidInput as invalid:
        found = [replace(p, where=form_field(p.where, index)) for p in invalid.problems]
    rows = {row_of(problem.where) for problem in known}
    problems = known + [p for p in found if row_of(p.where) not in rows]
    if problems:
        raise InvalidInput(problems)
    if not check_only:
        import_scenario(session, checked)
    return checked.facilitators[index]


def with_kept_extras(before: tuple[Any, ...], after: tuple[Any, ...]) -> tuple[Any, ...]:
    """`after`, where an entry equal to one of `before` takes back that one's `extra`."""
    extras = {entry: entry.extra for entry in before if entry.extra is not None}
    return tuple(replace(entry, extra=extras.get(entry, entry.extra)) for entry in after)


def row_of(where: str) -> str:
    """`availability[2].start` -> `availability[2]`: a row with a problem of the form's own
    is not checked further (its stand-in values would only add noise)."""
    return where.split("]", 1)[0]


def form_field(where: str, index: int) -> str:
    """`$.facilitators[3].availability[1].start` -> `availability[1].start`; a problem of a
    whole entry (start after end) goes to its `end`."""
    path = parse_path(where) or ()
    if path[:2] != ("facilitators", index) or len(path) < 4 or path[2] not in LISTS:
        return where
    field = path[4] if len(path) > 4 else "end"
    return f"{path[2]}[{path[3]}].{field}"
