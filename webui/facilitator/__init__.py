"""A facilitator's pages: their week ("Ma semaine"), their times, their calendar feed."""

from flask import Blueprint

bp = Blueprint("facilitator", __name__)

from webui.facilitator import views  # noqa: E402,F401  (registers the routes on bp)
