"""A facilitator's `rostering` object (extension "rostering rules" of format v1, see
`docs/format.md`): multi-day rules checked with every problem at its JSON path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pooling.domain import Rostering, RosteringRequest
from pooling.i18n import N_
from pooling.interchange.fields import Fields, key_path, read_integer, read_text, shown

if TYPE_CHECKING:
    from pooling.interchange.scenario_reading import Context

ROSTERING_FIELDS = (
    "min_consecutive_days", "max_consecutive_days", "min_consecutive_days_off", "max_weekends",
    "max_needs_by_kind", "forbidden_next_day", "min_total_minutes", "max_total_minutes",
    "requests",
)
ORDER = N_("{low_field} {low} is above {high_field} {high}: lower the first or raise the second")
"""A minimum above its maximum, placed at the `rostering` object and naming both fields."""


def read_rostering(context: Context, fields: Fields | None) -> Rostering:
    """The rules of the object; no object means no rule."""
    if fields is None:
        return Rostering()
    min_days = fields.integer("min_consecutive_days", low=1)
    max_days = fields.integer("max_consecutive_days", low=1)
    check_order(fields, "min_consecutive_days", min_days, "max_consecutive_days", max_days)
    min_minutes = fields.integer("min_total_minutes", low=0)
    max_minutes = fields.integer("max_total_minutes", low=0)
    check_order(fields, "min_total_minutes", min_minutes, "max_total_minutes", max_minutes)
    return Rostering(
        min_consecutive_days=min_days,
        max_consecutive_days=max_days,
        min_consecutive_days_off=fields.integer("min_consecutive_days_off", low=1),
        max_weekends=fields.integer("max_weekends", low=0),
        max_needs_by_kind=read_kind_limits(fields),
        forbidden_next_day=read_successions(fields),
        min_total_minutes=min_minutes,
        max_total_minutes=max_minutes,
        requests=tuple(read_request(context, where, value)
                       for where, value in fields.items("requests") or ()),
        extra=fields.extra(),
    )


def check_order(fields: Fields, low_key: str, low: int | None, high_key: str,
                high: int | None) -> None:
    if low is not None and high is not None and low > high:
        fields.problems.add(fields.path, ORDER, low_field=low_key, low=low, high_field=high_key,
                            high=high)


def kind_table(fields: Fields, key: str) -> list[tuple[str, str, Any]]:
    """`(path, kind, value)` of each entry of the object `{kind: ...}` at `key`."""
    table = fields.get(key)
    if table is None:
        return []
    if not isinstance(table, dict):
        fields.problems.add(fields.at(key), N_("must be an object, not {value}"),
                            value=shown(table))
        return []
    entries = []
    for kind, value in table.items():
        where = key_path(fields.at(key), kind)
        if read_text(fields.problems, where, kind, non_empty=True) is not None:
            entries.append((where, kind, value))
    return entries


def read_kind_limits(fields: Fields) -> dict[str, int]:
    """`max_needs_by_kind`: `{kind: most needs of that kind}`; 0 forbids the kind."""
    limits = {}
    for where, kind, value in kind_table(fields, "max_needs_by_kind"):
        limit = read_integer(fields.problems, where, value, low=0)
        if limit is not None:
            limits[kind] = limit
    return limits


def read_successions(fields: Fields) -> dict[str, tuple[str, ...]]:
    """`forbidden_next_day`: `{kind: [kinds not allowed on the next date]}`; a kind with an
    empty list forbids nothing and is left out."""
    successions = {}
    for _, kind, value in kind_table(fields, "forbidden_next_day"):
        entry = Fields(fields.problems, fields.at("forbidden_next_day"), {kind: value}, (kind,))
        following = entry.strings(kind)
        if following:
            successions[kind] = following
    return successions


def read_request(context: Context, where: str, value: Any) -> RosteringRequest:
    """`{date, kind?, work, weight?}`; a date outside the horizon is kept and never applies."""
    fields = Fields(context.problems, where, value, ("date", "kind", "work", "weight"),
                    required=("date", "work"))
    kind = fields.get("kind")
    return RosteringRequest(
        date=fields.date("date"),
        work=fields.boolean("work", False),
        kind=None if kind is None else read_text(fields.problems, fields.at("kind"), kind,
                                                 non_empty=True),
        weight=fields.integer("weight", 1, low=0),
        extra=fields.extra(),
    )
