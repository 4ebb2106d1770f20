"""Reading JSON values of format v1 while collecting every problem with its JSON path.

Each reader returns the converted value, or None after noting a problem, so that a document is
read to its end and all its problems are reported at once. Absent and `null` are the same for
optional fields; callers pass the default to use.
"""

from __future__ import annotations

import copy
import difflib
import json
import math
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from pooling.domain import WEEKDAYS, Extra, format_time
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_

TIME_PATTERN = re.compile(r"([0-9]{2}):([0-9]{2})")
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SHOWN_LENGTH = 40


class Problems:
    """The problems found so far in one document."""

    def __init__(self, initial: Iterable[Problem] = ()):
        self.found: list[Problem] = list(initial)

    def add(self, where: str, message: str, **params: Any) -> None:
        self.found.append(Problem(where, message, params))

    def raise_if_any(self) -> None:
        if self.found:
            raise InvalidInput(self.found)


def key_path(path: str, key: str) -> str:
    """`$.needs` + `start` -> `$.needs.start`; keys that are not names go in brackets."""
    if key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def item_path(path: str, index: int) -> str:
    return f"{path}[{index}]"


def shown(value: Any) -> str:
    """A value as the author wrote it in JSON, shortened to fit in a message."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH - 1] + "…"


def is_integer(value: Any) -> bool:
    """A JSON integer: `7`, not `7.0` nor `true`."""
    return isinstance(value, int) and not isinstance(value, bool)


def read_text(problems: Problems, where: str, value: Any, *, non_empty: bool = False) -> str | None:
    if not isinstance(value, str):
        problems.add(where, N_("must be a string, not {value}"), value=shown(value))
        return None
    if non_empty and not value.strip():
        problems.add(where, N_("must be a non-empty string"))
        return None
    return value


def read_integer(problems: Problems, where: str, value: Any,
                 low: int | None = None, high: int | None = None) -> int | None:
    if not is_integer(value):
        problems.add(where, N_("must be an integer (like 7), not {value}"), value=shown(value))
        return None
    return value if in_range(problems, where, value, low, high) else None


def read_number(problems: Problems, where: str, value: Any,
                low: float | None = None, high: float | None = None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.add(where, N_("must be a number, not {value}"), value=shown(value))
        return None
    if not math.isfinite(value):
        problems.add(where, N_("must be a finite number, not {value}"), value=str(value))
        return None
    return float(value) if in_range(problems, where, value, low, high) else None


def in_range(problems: Problems, where: str, value: float,
             low: float | None, high: float | None) -> bool:
    """True when `low <= value <= high` (either bound may be None); else notes a problem."""
    if (low is None or value >= low) and (high is None or value <= high):
        return True
    if high is None:
        problems.add(where, N_("must be at least {low}, not {value}"), low=low, value=value)
    else:
        problems.add(where, N_("must be between {low} and {high}, not {value}"),
                     low=low, high=high, value=value)
    return False


def read_choice(problems: Problems, where: str, value: Any, choices: Iterable[Any]) -> Any:
    """One of a few allowed values (`slot_minutes`, `priority`, a plan's `status`)."""
    choices = tuple(choices)
    if value in choices and type(value) is type(choices[0]):
        return value
    problems.add(where, N_("must be one of {choices}, not {value}"),
                 choices=", ".join(shown(c) for c in choices), value=shown(value))
    return None


def read_date(problems: Problems, where: str, value: Any) -> date | None:
    if isinstance(value, str) and DATE_PATTERN.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.add(where, N_("must be a date written YYYY-MM-DD, not {value}"), value=shown(value))
    return None


def read_time(problems: Problems, where: str, value: Any, slot: int | None) -> int | None:
    """`HH:MM` from 00:00 to 24:00 as minutes since midnight, on the slot grid when known."""
    match = TIME_PATTERN.fullmatch(value) if isinstance(value, str) else None
    hours, minutes = (int(match[1]), int(match[2])) if match else (99, 99)
    if hours * 60 + minutes > 24 * 60 or minutes > 59:
        problems.add(where, N_("must be a time written HH:MM from 00:00 to 24:00, not {value}"),
                     value=shown(value))
        return None
    total = hours * 60 + minutes
    if slot and total % slot:
        before = total - total % slot
        problems.add(where,
                     N_("time {time} is not on the {slot}-minute grid: use {before} or {after}"),
                     time=value, slot=slot, before=format_time(before),
                     after=format_time(before + slot))
        return None
    return total


def read_day(problems: Problems, where: str, value: Any) -> str | None:
    """A day spec, kept as written: a weekday name or an ISO date."""
    if value in WEEKDAYS:
        return value
    if isinstance(value, str) and DATE_PATTERN.fullmatch(value):
        return read_date(problems, where, value) and value
    problems.add(where, N_("must be a weekday (mon, tue, wed, thu, fri, sat, sun) or a date "
                           "written YYYY-MM-DD, not {value}"), value=shown(value))
    return None


class Fields:
    """One JSON object of the document: checks its keys, then reads its fields one by one."""

    def __init__(self, problems: Problems, path: str, value: Any, allowed: Iterable[str],
                 required: Iterable[str] = (), nullable: Iterable[str] = ()):
        """`required` fields must be present and not null, except those also in `nullable`,
        which must be present but may be null."""
        self.problems, self.path = problems, path
        self.ok = isinstance(value, dict)
        self.values: dict[str, Any] = value if self.ok else {}
        if not self.ok:
            problems.add(path, N_("must be an object, not {value}"), value=shown(value))
            return
        allowed = (*allowed, "extra")
        for key in value:
            if key not in allowed:
                self._unknown(key, allowed)
        for key in required:
            if key not in value or (value[key] is None and key not in nullable):
                problems.add(path, N_("missing required field {field}"), field=key)

    def _unknown(self, key: str, allowed: tuple[str, ...]) -> None:
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            self.problems.add(key_path(self.path, key),
                              N_("unknown field {field}: did you mean {suggestion}?"),
                              field=key, suggestion=close[0])
        else:
            self.problems.add(key_path(self.path, key),
                              N_("unknown field {field}: remove it, or move it into an extra "
                                 "object"),
                              field=key)

    def at(self, key: str) -> str:
        return key_path(self.path, key)

    def get(self, key: str) -> Any:
        """The raw value; None when absent or null."""
        return self.values.get(key)

    def given(self, *keys: str) -> list[str]:
        """Those of `keys` present with a non-null value."""
        return [key for key in keys if self.values.get(key) is not None]

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.get(key)
        return default if value is None else read_text(self.problems, self.at(key), value)

    def id(self, key: str) -> str | None:
        value = self.get(key)
        return None if value is None else read_text(self.problems, self.at(key), value,
                                                     non_empty=True)

    def integer(self, key: str, default: int | None = None,
                low: int | None = None, high: int | None = None) -> int | None:
        value = self.get(key)
        return default if value is None else read_integer(self.problems, self.at(key), value,
                                                           low, high)

    def number(self, key: str, default: float | None = None,
               low: float | None = None, high: float | None = None) -> float | None:
        value = self.get(key)
        return default if value is None else read_number(self.problems, self.at(key), value,
                                                         low, high)

    def boolean(self, key: str, default: bool) -> bool | None:
        value = self.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self.problems.add(self.at(key), N_("must be true or false, not {value}"),
                          value=shown(value))
        return None

    def choice(self, key: str, choices: Iterable[Any], default: Any = None) -> Any:
        value = self.get(key)
        return default if value is None else read_choice(self.problems, self.at(key), value,
                                                         choices)

    def date(self, key: str) -> date | None:
        value = self.get(key)
        return None if value is None else read_date(self.problems, self.at(key), value)

    def time(self, key: str, slot: int | None) -> int | None:
        value = self.get(key)
        return None if value is None else read_time(self.problems, self.at(key), value, slot)

    def day(self, key: str) -> str | None:
        value = self.get(key)
        return None if value is None else read_day(self.problems, self.at(key), value)

    def object(self, key: str, allowed: Iterable[str],
               required: Iterable[str] = ()) -> Fields | None:
        """The nested object at `key`; None when absent or null."""
        value = self.get(key)
        return None if value is None else Fields(self.problems, self.at(key), value, allowed,
                                                 required)

    def items(self, key: str) -> list[tuple[str, Any]] | None:
        """`(path, value)` of each element of the list at `key`; None when absent, null or not a
        list (reported), so that a wrong list does not also read as an empty one."""
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.problems.add(self.at(key), N_("must be a list, not {value}"), value=shown(value))
            return None
        return [(item_path(self.at(key), i), item) for i, item in enumerate(value)]

    def strings(self, key: str, *, non_empty: bool = True,
                unique: bool = True) -> tuple[str, ...] | None:
        """A list of strings; by default non-empty and listed once each (ids, features...)."""
        items = self.items(key)
        if items is None:
            return None
        found: list[str] = []
        for where, item in items:
            text = read_text(self.problems, where, item, non_empty=non_empty)
            if unique and text in found:
                self.problems.add(where, N_("{value} is listed twice: keep it once"),
                                  value=shown(text))
            elif text is not None:
                found.append(text)
        return tuple(found)

    def extra(self) -> Extra | None:
        """The free-form `extra` object, copied untouched."""
        return self.free_form("extra")

    def free_form(self, key: str) -> dict[str, Any] | None:
        """A copy of the object at `key`, whatever it holds (`extra`, a plan's `kpis`)."""
        value = self.get(key)
        if value is not None and not isinstance(value, dict):
            self.problems.add(self.at(key), N_("must be an object, not {value}"),
                              value=shown(value))
            return None
        try:
            return copy.deepcopy(value)
        except RecursionError:
            self.problems.add(self.at(key), N_("objects and lists are nested too deeply"))
            return None

    def check_format(self, expected: str) -> None:
        """The document's `format` names the kind and version this reader knows."""
        value = self.get("format")
        if value is not None and value != expected:
            self.problems.add(self.at("format"), N_("must be {expected}, not {value}"),
                              expected=shown(expected), value=shown(value))
