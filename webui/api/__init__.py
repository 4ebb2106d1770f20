"""The JSON API, version 1: format-v1 scenarios and plans, solves, for coordinators' tokens.

Requests authenticate with `Authorization: Bearer <token>` (no cookies, hence no CSRF token);
the OpenAPI description at /api/v1/openapi.json is the one page open without a token.
"""

from flask import Blueprint

from webui.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

from webui.api import views  # noqa: E402,F401  (registers the routes on bp)
