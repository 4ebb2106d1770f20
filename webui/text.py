"""How values are written on the pages: Jinja filters registered by `init_app`."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask_babel import format_date, format_time, gettext as _
from markupsafe import Markup, escape

DATE_STYLES = {
    "full": "EEEE d MMMM y",
    "day": "EEEE d MMMM",
    "short": "EEE d MMM",
}
"""Babel patterns: `full` lundi 30 novembre 2026 / Monday 30 November 2026, `day` the same
without the year (a day of the week at hand), `short` lun. 30 nov. (grid heads, table cells)."""


def date_text(value: date | datetime | str, style: str = "full") -> str:
    """A date as people read it in the page's language, never ISO: every date a page or a
    message shows goes through here. `value` may be ISO text as plans store it (2026-11-30);
    style `moment` adds the time of a datetime (lundi 30 novembre 2026 à 14:05)."""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if style == "moment":
        return _("%(date)s at %(time)s", date=format_date(value, DATE_STYLES["full"]),
                 time=format_time(value, "HH:mm"))
    return format_date(value, DATE_STYLES[style])


def breakable(text: object) -> Markup:
    """`text` allowed to wrap after each underscore (`mediation_<wbr>numerique`), so a table
    column holding skill or feature codes need not be as wide as the longest code."""
    return Markup("_<wbr>").join(escape(str(text)).split("_"))


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(date_text=date_text, breakable=breakable)
