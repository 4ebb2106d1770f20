"""Readable cell text for the values of format v1, and back.

A codec reads a cell's text into the JSON value the format expects and writes that value back as
text a coordinator can type. Reading is forgiving (spaces, `9h30`, French day names, dates and
times typed as such in Excel); writing is canonical and always reads back to the same value:
an item that would be misread (a name holding a comma, leading spaces, a quote) is written as
a JSON string in double quotes. Checks of meaning (is 25:00 a time, does this site exist) are
left to the interchange reader, which sees what was read; a codec only complains about text it
cannot make sense of, by raising `CellError`.

Conventions shared by every codec: an empty cell is an absent field; a single `-` is an empty
list; items of a list are separated by commas or semicolons.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pooling.i18n import N_

CellValue = str | int | float | None
"""What a writer puts in a cell: text, a number, or nothing."""

EMPTY_LIST = "-"
ITEM_SEPARATORS = ",;\n"
JSON_STRING = r'"(?:[^"\\]|\\.)*"'
JSON_STRING_START = re.compile(JSON_STRING)
NAME = rf'(?P<name>{JSON_STRING}|[^"]+?)'
"""A name in a list item: a JSON string in quotes, or plain text (the shortest that fits)."""
TIME = r"[0-9]{1,2}(?::[0-9][0-9]|h[0-9][0-9]|h)?"
RANGE = rf"(?P<start>{TIME})\s*[-–—]\s*(?P<end>{TIME})"
UNSAFE_START = ('"', "=")
"""A cell starting with `=` would become a formula; one starting with `"` a quoted name."""

WEEKDAY_NAMES = {
    "mon": ("mon", "monday", "lun", "lundi"),
    "tue": ("tue", "tuesday", "mar", "mardi"),
    "wed": ("wed", "wednesday", "mer", "mercredi"),
    "thu": ("thu", "thursday", "jeu", "jeudi"),
    "fri": ("fri", "friday", "ven", "vendredi"),
    "sat": ("sat", "saturday", "sam", "samedi"),
    "sun": ("sun", "sunday", "dim", "dimanche"),
}
WEEKDAY_BY_NAME = {name: code for code, names in WEEKDAY_NAMES.items() for name in names}
YES = ("yes", "y", "oui", "o", "true", "vrai", "1")
NO = ("no", "n", "non", "false", "faux", "0")
PRIORITY_NAMES = {
    "obligatoire": "required", "requise": "required", "haute": "high", "élevée": "high",
    "normale": "normal", "basse": "low", "faible": "low",
}
FROM_WORDS = r"(?:from|dès|des|à partir de|a partir de|depuis)"
UNTIL_WORDS = r"(?:until|till|jusqu'à|jusqu’à|jusqu'a|jusqu’a)"


class CellError(Exception):
    """A cell's text cannot be read; `message` is a translatable id filled from `params`."""

    def __init__(self, message: str, **params: Any):
        super().__init__(message)
        self.message, self.params = message, params


@dataclass(frozen=True)
class Codec:
    """How one kind of value is read from a cell's text and written back into a cell."""

    read: Callable[[str], Any]
    """Stripped, non-empty text to the JSON value."""
    write: Callable[[Any], CellValue]
    """A JSON value (never None) to the cell."""


# --- single values ----------------------------------------------------------------------------

def is_safe_text(text: str) -> bool:
    """Text that a cell holds and gives back as it is."""
    return (text != "" and text == text.strip() and not text.startswith(UNSAFE_START)
            and all(ord(char) >= 32 for char in text))


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def read_text(text: str) -> str:
    """The text itself, or the string of a JSON string literal (`" keeps spaces "`)."""
    if text.startswith('"') and re.fullmatch(JSON_STRING, text):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    return text


def write_text(value: str) -> str:
    return value if is_safe_text(value) else quoted(value)


def read_integer(text: str) -> int:
    """`7`, or `7.0` as Excel gives back a whole number typed in a decimal cell."""
    match = re.fullmatch(r"([+-]?[0-9]+)(?:[.,]0*)?", text)
    if not match:
        raise CellError(N_("expected a whole number, not {text}"), text=text)
    return int(match[1])


def read_number(text: str) -> int | float:
    """A number, with a decimal point or a French decimal comma."""
    if re.fullmatch(r"[+-]?[0-9]+", text):
        return int(text)
    number = math.nan
    if re.fullmatch(r"[+-]?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?", text):
        number = float(text.replace(",", "."))
    if not math.isfinite(number):
        raise CellError(N_("expected a number, not {text}"), text=text)
    return number


def write_number(value: int | float) -> CellValue:
    """A number cell; its exact text when a spreadsheet would round it (Excel keeps 15
    significant digits)."""
    return value if float(f"{value:.15g}") == value else repr(value)


def read_date(text: str) -> str:
    """An ISO date; also `dd/mm/yyyy` and the `yyyy-mm-dd 00:00:00` of an Excel date cell.
    Anything else, or no such day, is kept as written for the interchange reader to judge."""
    if match := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00)?)?", text):
        year, month, day = match.groups()
    elif match := re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", text):
        day, month, year = match.groups()
    else:
        return text
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return text


def read_time(text: str) -> str:
    """`HH:MM`; also `9:00`, `9h`, `9h30`, `9` and the `09:00:00` of an Excel time cell.
    Anything else, or no such time, is kept as written for the interchange reader to judge."""
    match = re.fullmatch(r"([0-9]{1,2})(?:[:h]([0-9][0-9])(?::00)?|h)?", text.lower())
    if not match or int(match[1]) > 24 or int(match[2] or 0) > 59:
        return text
    return f"{int(match[1]):02d}:{match[2] or '00'}"


def read_day(text: str) -> str:
    """A day spec: a weekday name (English or French, any case) or a date."""
    return WEEKDAY_BY_NAME.get(text.lower().rstrip("."), read_date(text))


def read_yes_no(text: str) -> bool:
    if text.lower() in YES:
        return True
    if text.lower() in NO:
        return False
    raise CellError(N_("expected yes or no, not {text}"), text=text)


def write_yes_no(value: bool) -> str:
    return "yes" if value else "no"


def read_presence(text: str) -> dict | None:
    """`yes`: the object is there (filled by the columns that follow); `no`: it is null."""
    return {} if read_yes_no(text) else None


def write_presence(value: dict | None) -> str:
    return "no" if value is None else "yes"


def read_priority(text: str) -> str:
    """A priority, in any case, English or French; anything else is kept as written."""
    lowered = text.lower()
    return PRIORITY_NAMES.get(lowered, lowered)


def read_json(text: str) -> Any:
    """JSON text, refusing a key given twice as the format does."""
    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                raise CellError(N_("the key {key} appears twice in this JSON text"), key=key)
            found[key] = value
        return found

    def no_constant(name: str) -> Any:
        raise CellError(N_("{value} is not a JSON number: write a number"), value=name)

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        raise CellError(N_("cannot read this JSON text ({error}): write an object in braces, "
                           "with its keys in double quotes"), error=str(error)) from None


def write_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- lists --------------------------------------------------------------------------------------

def split_items(text: str, separators: str = ITEM_SEPARATORS) -> list[str]:
    """The non-empty items of a list, cut at separators outside double quotes."""
    items, current, position = [], [], 0
    while position < len(text):
        char = text[position]
        if char == '"':
            match = JSON_STRING_START.match(text, position)
            if not match:
                raise CellError(N_("a double quote is not closed in {text}"), text=text)
            current.append(match[0])
            position = match.end()
            continue
        if char in separators:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
        position += 1
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


def list_codec(read_item: Callable[[str], Any], write_item: Callable[[Any], str],
               separator: str = ", ") -> Codec:
    """A list whose items are read and written one by one; `-` is the empty list.

    An item whose plain writing would read back differently is written with its name quoted."""
    def read(text: str) -> list:
        if text == EMPTY_LIST:
            return []
        return [read_item(item) for item in split_items(text)]

    def write(values: list) -> str:
        return separator.join(map(write_item, values)) if values else EMPTY_LIST
    return Codec(read, write)


def name_of(match: re.Match) -> str:
    return read_text(match["name"].strip())


def written_name(name: str, render: Callable[[str], str], read_back: Callable[[str], Any],
                 expected: Any) -> str:
    """`render(name)`, or `render` of the quoted name when the plain one would not read back."""
    plain = render(name)
    try:
        if (is_safe_text(name) and plain != EMPTY_LIST and split_items(plain) == [plain]
                and read_back(plain) == expected):
            return plain
    except CellError:
        pass
    return render(quoted(name))


def write_word(word: str) -> str:
    return written_name(word, str, read_text, word)


def read_date_item(item: str) -> str:
    return read_date(read_text(item))


def read_skill_level(item: str) -> tuple[str, int]:
    match = re.fullmatch(NAME + r"(?:\s*[:=]\s*|\s+)(?P<level>[0-9]+)", item)
    if not match:
        raise CellError(N_("cannot read the skill {text}: write a skill and its level 1 to 3, "
                           "for example accueil:2, animation:3"), text=item)
    return name_of(match), int(match["level"])


def read_skill_levels(text: str) -> dict[str, int]:
    levels: dict[str, int] = {}
    for skill, level in SKILL_PAIRS.read(text):
        if skill in levels:
            raise CellError(N_("the skill {skill} is listed twice: keep it once"), skill=skill)
        levels[skill] = level
    return levels


def write_skill_level(pair: tuple[str, int]) -> str:
    skill, level = pair
    return written_name(skill, lambda name: f"{name}:{level}", read_skill_level, pair)


SKILL_PAIRS = list_codec(read_skill_level, write_skill_level)


def write_skill_levels(levels: dict[str, int]) -> str:
    return SKILL_PAIRS.write(list(levels.items()))


STAFF_LINE = re.compile(
    NAME + r"\s*(?:(?:>=|≥|:)\s*(?P<level>[0-9]+))?(?:\s*(?<=[\s0-9\"])[x×X]\s*(?P<count>[0-9]+))?"
    r"(?:\s+under\s*(?P<under_weight>[0-9]+))?(?:\s+over\s*(?P<over_weight>[0-9]+))?")
STAFF_DEFAULTS = {"level": 1, "count": 1}
STAFF_WEIGHTS = ("under_weight", "over_weight")
"""Extension "rostering rules": `skill xcount under 100 over 1` makes the count a target."""


def read_staff_line(item: str) -> dict[str, Any]:
    match = STAFF_LINE.fullmatch(item)
    # A plain name holding `:`, `>=` or `≥` is a level that could not be read (`accueil>=deux`).
    if not match or re.search(r"[:>=≥]", match["name"] if match["name"][0] != '"' else ""):
        raise CellError(N_("cannot read the staff line {text}: write a skill, then >= and a "
                           "level, then x and a number of people, for example "
                           "mediation_numerique>=2 x2; accueil"), text=item)
    line: dict[str, Any] = {"skill": name_of(match)}
    line.update({key: int(match[key]) for key in (*STAFF_DEFAULTS, *STAFF_WEIGHTS) if match[key]})
    return line


def write_staff_line(line: dict[str, Any]) -> str:
    def render(name: str) -> str:
        level = f">={line['level']}" if line.get("level", 1) != 1 else ""
        count = f" x{line['count']}" if line.get("count", 1) != 1 else ""
        weights = "".join(f" {key.removesuffix('_weight')} {line[key]}"
                          for key in STAFF_WEIGHTS if line.get(key) is not None)
        return name + level + count + weights
    return written_name(line["skill"], render, read_staff_line, as_read_back(line, STAFF_DEFAULTS))


def as_read_back(line: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """`line` as its text reads back: without `extra` nor the fields equal to their default."""
    return {key: value for key, value in line.items()
            if key != "extra" and defaults.get(key, object()) != value}


EQUIPMENT_REQUEST = re.compile(NAME + r"(?:\s*(?<=[\s\"])[x×X]\s*(?P<count>[0-9]+))?")


def read_equipment_request(item: str) -> dict[str, Any]:
    match = EQUIPMENT_REQUEST.fullmatch(item)
    if not match:
        raise CellError(N_("cannot read the equipment {text}: write a type, then x and a "
                           "number of units, for example malle_tablettes x2, videoprojecteur"),
                        text=item)
    request: dict[str, Any] = {"type": name_of(match)}
    if match["count"]:
        request["count"] = int(match["count"])
    return request


def write_equipment_request(request: dict[str, Any]) -> str:
    def render(name: str) -> str:
        return name + (f" x{request['count']}" if request.get("count", 1) != 1 else "")
    return written_name(request["type"], render, read_equipment_request,
                        as_read_back(request, {"count": 1}))


# --- rostering rules (extension of format v1) --------------------------------------------------

KIND_LIMIT = re.compile(NAME + r"\s*[:=]\s*(?P<limit>[0-9]+)")


def read_kind_limit(item: str) -> tuple[str, int]:
    match = KIND_LIMIT.fullmatch(item)
    if not match:
        raise CellError(N_("cannot read the limit {text}: write a kind of need and a number, for "
                           "example permanence:4, soiree:2"), text=item)
    return name_of(match), int(match["limit"])


def write_kind_limit(pair: tuple[str, int]) -> str:
    kind, limit = pair
    return written_name(kind, lambda name: f"{name}:{limit}", read_kind_limit, pair)


KIND_LIMIT_PAIRS = list_codec(read_kind_limit, write_kind_limit)


def read_kind_limits(text: str) -> dict[str, int]:
    limits: dict[str, int] = {}
    for kind, limit in KIND_LIMIT_PAIRS.read(text):
        if kind in limits:
            raise CellError(N_("the kind {kind} is listed twice: keep it once"), kind=kind)
        limits[kind] = limit
    return limits


def write_kind_limits(limits: dict[str, int]) -> str:
    return KIND_LIMIT_PAIRS.write(list(limits.items()))


KIND_TOKEN = re.compile(rf'{JSON_STRING}|[^\s,"]+')
SUCCESSION = re.compile(NAME + r"\s*->\s*(?P<following>.*)", re.DOTALL)


def read_successions(text: str) -> dict[str, list[str]]:
    """`evening -> morning; night -> morning, day`: kinds not allowed on the next date."""
    if text == EMPTY_LIST:
        return {}
    successions: dict[str, list[str]] = {}
    for clause in split_items(text, ";\n"):
        match = SUCCESSION.fullmatch(clause)
        following = match and match["following"].strip()
        if not following or not re.fullmatch(r"[\s,]*", KIND_TOKEN.sub("", following)):
            raise CellError(N_("cannot read the succession {text}: write a kind, -> and the kinds "
                               "that may not follow it the next day, for example evening -> "
                               "morning; night -> morning day"), text=clause)
        kind = name_of(match)
        if kind in successions:
            raise CellError(N_("the kind {kind} is listed twice: keep it once"), kind=kind)
        successions[kind] = [read_text(token) for token in KIND_TOKEN.findall(following)]
    return successions


def write_kind_token(kind: str) -> str:
    """A kind as one token of a succession: quoted unless it is plain."""
    plain = (is_safe_text(kind) and re.fullmatch(r'[^\s,;"=\-][^\s,;"]*', kind)
             and "->" not in kind)
    return kind if plain else quoted(kind)


def write_successions(successions: dict[str, list[str]]) -> str:
    return "; ".join(f"{write_kind_token(kind)} -> {' '.join(map(write_kind_token, following))}"
                     for kind, following in successions.items())


WORK_WORDS = ("work", "on", "travail", "travailler")
OFF_WORDS = ("off", "repos", "congé", "conge")
REQUEST = re.compile(r"(?P<word>\S+)\s+(?P<date>[^\s\"]+)(?:\s+(?P<name>" + JSON_STRING
                     + r'|[^"\s]+?))??(?:\s+[x×X]\s*(?P<weight>[0-9]+))?')
"""The kind is optional and tried last: `off 2026-12-05 x2` has a weight, not a kind."""


def read_request(item: str) -> dict[str, Any]:
    """`work 2026-01-05 morning x2`, `off 2026-01-06`: a weighted wish about a date."""
    match = REQUEST.fullmatch(item)
    word = match["word"].lower() if match else ""
    if word not in WORK_WORDS + OFF_WORDS:
        raise CellError(N_("cannot read the request {text}: write work or off, a date, "
                           "optionally a kind of need and x with a weight, for example work "
                           "2026-12-01 permanence x2; off 2026-12-05"), text=item)
    request: dict[str, Any] = {"date": read_date(match["date"]), "work": word in WORK_WORDS}
    if match["name"]:
        request["kind"] = name_of(match)
    if match["weight"]:
        request["weight"] = int(match["weight"])
    return request


def write_request(request: dict[str, Any]) -> str:
    def render(kind: str) -> str:
        head = f"{'work' if request['work'] else 'off'} {request['date']}"
        weight = f" x{request['weight']}" if request.get("weight", 1) != 1 else ""
        return head + (f" {kind}" if kind else "") + weight
    expected = as_read_back(request, {"weight": 1})
    if request.get("kind") is None:
        return render("")
    return written_name(request["kind"], render, read_request, expected)


# --- days and times ---------------------------------------------------------------------------

CLAUSE = re.compile(r"(?P<day>[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"  # 03/12/2026
                    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\S*"  # 2026-12-03
                    r"|[^\s0-9]\S*)?"  # mon, lundi
                    r"\s*(?P<rest>.*)", re.DOTALL)


def clauses(text: str) -> list[tuple[str, str]]:
    """`(day, rest)` of each clause; a clause without a day continues the previous one's day
    (`mon 09:00-12:00, 14:00-17:00`)."""
    found: list[tuple[str, str]] = []
    for clause in split_items(text):
        match = CLAUSE.fullmatch(clause)
        if match["day"]:
            found.append((read_day(match["day"]), match["rest"].strip()))
        elif found:
            found.append((found[-1][0], match["rest"].strip()))
        else:
            raise CellError(N_("{text} does not start with a day: write a weekday (mon, tue...) "
                               "or a date first"), text=clause)
    return found


def time_ranges(text: str) -> list[tuple[str, str]] | None:
    """Each `start-end` of a run of ranges separated by spaces; None when there is other text."""
    if not re.fullmatch(rf"(?:\s*{RANGE})*\s*", text):
        return None
    return [(read_time(m["start"]), read_time(m["end"])) for m in re.finditer(RANGE, text)]


def read_windows(text: str) -> list[dict[str, str]]:
    """`mon 09:00-12:30 14:00-17:00; 2026-12-03 09:00-12:00`: one window per range."""
    if text == EMPTY_LIST:
        return []
    windows = []
    for day, rest in clauses(text):
        if not rest:
            raise CellError(N_("{day} has no times: write ranges such as 09:00-12:30 "
                               "14:00-17:00 after it"), day=day)
        ranges = time_ranges(rest)
        if not ranges:
            raise CellError(N_("cannot read the times {text} of {day}: write ranges such as "
                               "09:00-12:30 14:00-17:00"), text=rest, day=day)
        windows.extend({"day": day, "start": start, "end": end} for start, end in ranges)
    return windows


def write_windows(windows: list[dict[str, str]]) -> str:
    """Consecutive windows of the same day share one clause."""
    if not windows:
        return EMPTY_LIST
    groups: list[list[str]] = []
    previous_day = None
    for window in windows:
        if window["day"] != previous_day:
            groups.append([window["day"]])
            previous_day = window["day"]
        groups[-1].append(f"{window['start']}-{window['end']}")
    return "; ".join(" ".join(group) for group in groups)


def read_periods(text: str) -> list[dict[str, str]]:
    """`2026-12-02; 2026-12-04 from 14:00; 2026-12-05 until 10:00; fri 08:00-10:00`."""
    if text == EMPTY_LIST:
        return []
    periods = []
    for day, rest in clauses(text):
        bounds = re.fullmatch(rf"(?:{FROM_WORDS}\s*(?P<start>{TIME}))?\s*"
                              rf"(?:{UNTIL_WORDS}\s*(?P<end>{TIME}))?", rest, re.IGNORECASE)
        ranges = time_ranges(rest)
        if bounds:
            period = {"day": day}
            period.update({key: read_time(bounds[key]) for key in ("start", "end") if bounds[key]})
            periods.append(period)
        elif ranges:
            periods.extend({"day": day, "start": start, "end": end} for start, end in ranges)
        else:
            raise CellError(N_("cannot read the period {text} of {day}: write nothing (whole "
                               "day), from 14:00, until 10:00, or 08:00-10:00"), text=rest, day=day)
    return periods


def write_period(period: dict[str, str]) -> str:
    start, end = period.get("start"), period.get("end")
    if start is not None and end is not None:
        return f"{period['day']} {start}-{end}"
    if start is not None:
        return f"{period['day']} from {start}"
    if end is not None:
        return f"{period['day']} until {end}"
    return period["day"]


def write_periods(periods: list[dict[str, str]]) -> str:
    return "; ".join(map(write_period, periods)) if periods else EMPTY_LIST


TEXT = Codec(read_text, write_text)
INTEGER = Codec(read_integer, write_number)
NUMBER = Codec(read_number, write_number)
DATE = Codec(read_date, str)
TIME_OF_DAY = Codec(read_time, str)
YES_NO = Codec(read_yes_no, write_yes_no)
PRESENCE = Codec(read_presence, write_presence)
PRIORITY = Codec(read_priority, write_text)
JSON = Codec(read_json, write_json)
WORDS = list_codec(read_text, write_word)
DATES = list_codec(read_date_item, str)
SKILL_LEVELS = Codec(read_skill_levels, write_skill_levels)
STAFF = list_codec(read_staff_line, write_staff_line, "; ")
EQUIPMENT_REQUESTS = list_codec(read_equipment_request, write_equipment_request)
KIND_LIMITS = Codec(read_kind_limits, write_kind_limits)
SUCCESSIONS = Codec(read_successions, write_successions)
REQUESTS = list_codec(read_request, write_request, "; ")
WINDOWS = Codec(read_windows, write_windows)
PERIODS = Codec(read_periods, write_periods)
