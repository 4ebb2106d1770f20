"""The page each role lands on after signing in."""

from flask import Blueprint

bp = Blueprint("home", __name__)

from webui.home import views  # noqa: E402,F401  (registers the routes on bp)
