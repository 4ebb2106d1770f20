"""Error pages in the visitor's language: 400 (expired form), 403, 404, 500."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, expired_form)
    for code in (403, 404, 500):
        app.register_error_handler(code, error_page)


def error_page(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    return render_template(f"errors/{code}.html"), code


def expired_form(error: CSRFError) -> tuple[str, int]:
    """A form sent without its security token, or after the session ended."""
    return render_template("errors/csrf.html"), 400
