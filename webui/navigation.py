"""The main menu of each role, and the template helpers every page uses.

A menu entry names an endpoint; entries whose blueprint is not registered are left out, so a
feature appears in the menu as soon as its blueprint is.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app, request, url_for
from flask_babel import get_locale, lazy_gettext as _l
from flask_login import current_user

MENUS = {
    "coordinator": (
        ("home.index", _l("Home")),
        ("coordinator.index", _l("Network")),
        ("coordinator.weeks", _l("Rotas")),
        ("accounts.index", _l("Accounts")),
        ("api_tokens.index", _l("API tokens")),
    ),
    "site_manager": (
        ("home.index", _l("Home")),
        ("site_manager.needs", _l("Our needs")),
        ("site_manager.rota", _l("Our rota")),
    ),
    "facilitator": (
        ("home.index", _l("Home")),
        ("facilitator.week", _l("My week")),
        ("facilitator.availability", _l("My availability")),
        ("facilitator.calendar", _l("My calendar")),
    ),
}


@dataclass(frozen=True)
class MenuEntry:
    url: str
    label: str
    current: bool


def has_endpoint(endpoint: str) -> bool:
    """Whether a registered blueprint serves `endpoint` (a URL can be built for it)."""
    return endpoint in current_app.view_functions


def navigation() -> list[MenuEntry]:
    """The signed-in person's menu, the current page marked."""
    if not current_user.is_authenticated:
        return []
    return [MenuEntry(url_for(endpoint), str(label), request.endpoint == endpoint)
            for endpoint, label in MENUS.get(current_user.role, ())
            if has_endpoint(endpoint)]


def current_language() -> str:
    """The language of the page, `fr` or `en` (for `<html lang>` and `pooling` messages)."""
    return str(get_locale() or "fr")


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(navigation=navigation, has_endpoint=has_endpoint,
                                 current_language=current_language)
