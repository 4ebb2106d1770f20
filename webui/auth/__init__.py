"""Signing in and out, and choosing the language of the pages."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from webui.auth import views  # noqa: E402,F401  (registers the routes on bp)
