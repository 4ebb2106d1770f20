"""Flask extensions, created unbound here and attached to an application by `init_app`."""

from __future__ import annotations

from flask import Flask, has_request_context, session
from flask_babel import Babel, lazy_gettext
from flask_login import LoginManager, current_user
from flask_wtf import CSRFProtect

from pooling.accounts import Account, account_by_id
from pooling.i18n import DEFAULT_LANGUAGE, LANGUAGES
from webui.database import db_session

babel = Babel()
login_manager = LoginManager()
csrf = CSRFProtect()

LANGUAGE_KEY = "language"
"""Where the session keeps the language chosen with the switch."""


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=chosen_language)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Please sign in to open this page.")
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_account)


def chosen_language() -> str:
    """The language of the switch, else the signed-in person's, else French."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    chosen = session.get(LANGUAGE_KEY)
    if chosen in LANGUAGES:
        return chosen
    if current_user.is_authenticated:
        return current_user.language
    return DEFAULT_LANGUAGE


def load_account(user_id: str) -> Account | None:
    """The signed-in account of a session cookie; None (signed out) for a removed account."""
    try:
        return account_by_id(db_session(), int(user_id))
    except ValueError:
        return None
