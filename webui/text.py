"""How values are written on the pages: Jinja filters registered by `init_app`."""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup, escape


def breakable(text: object) -> Markup:
    """`text` allowed to wrap after each underscore (`mediation_<wbr>numerique`), so a table
    column holding skill or feature codes need not be as wide as the longest code."""
    return Markup("_<wbr>").join(escape(str(text)).split("_"))


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(breakable=breakable)
