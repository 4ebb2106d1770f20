"""JSON text in and out: UTF-8, duplicate keys reported with their path, errors with a line.

Python's `json` silently keeps the last of duplicate keys and accepts `NaN` and `Infinity`; the
format allows neither, so such objects and constants are marked while parsing and reported once
the whole tree (and so each one's path) is known.
"""

from __future__ import annotations

import json
from collections import Counter
from os import PathLike
from pathlib import Path
from typing import IO, Any

from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange.fields import item_path, key_path, shown

Source = str | PathLike | IO


class _RepeatedKeys(dict):
    """A parsed object in which some keys appeared more than once (the last value kept)."""

    repeated: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _RepeatedKeys(obj)
    marked.repeated = [key for key, count in Counter(k for k, _ in pairs).items() if count > 1]
    return marked


class _NotANumber(str):
    """`NaN`, `Infinity` or `-Infinity` as written."""


def _plain(value: Any, path: str, problems: list[Problem]) -> Any:
    """The parsed tree with plain dicts, noting each repeated key and constant at its path.

    A constant becomes 0, so that the rest of the document is checked without knock-on problems
    (it is refused anyway)."""
    if isinstance(value, _NotANumber):
        problems.append(Problem(path, N_("{value} is not a JSON number: write a number"),
                                {"value": str(value)}))
        return 0
    if isinstance(value, list):
        return [_plain(item, item_path(path, i), problems) for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    for key in getattr(value, "repeated", ()):
        problems.append(Problem(key_path(path, key),
                                N_("key {key} appears more than once in this object: keep one"),
                                {"key": shown(key)}))
    return {key: _plain(item, key_path(path, key), problems) for key, item in value.items()}


def parse_json(text: str) -> tuple[Any, list[Problem]]:
    """The document and its duplicate-key problems; `InvalidInput` when it is not JSON."""
    problems: list[Problem] = []
    try:
        data = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_object,
                          parse_constant=_NotANumber)
        return _plain(data, "$", problems), problems
    except json.JSONDecodeError as error:
        raise InvalidInput([Problem(f"line {error.lineno}, column {error.colno}",
                                    N_("not valid JSON: {error}"), {"error": error.msg})]) from None
    except RecursionError:
        raise InvalidInput([Problem("$", N_("objects and lists are nested too deeply"))]) from None


def read_json(source: Source) -> tuple[Any, list[Problem]]:
    """Parse a file (path or open file, text or binary) as UTF-8 JSON; a BOM is tolerated."""
    raw = source.read() if hasattr(source, "read") else Path(source).read_bytes()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            raise InvalidInput([Problem(f"line {line}", N_(
                "the file is not UTF-8 text: save it again with the UTF-8 encoding"))]) from None
    return parse_json(raw)


def write_json(document: dict[str, Any], target: Source) -> None:
    """Indented UTF-8 JSON, non-ASCII characters written as themselves."""
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    if hasattr(target, "write"):
        target.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")
