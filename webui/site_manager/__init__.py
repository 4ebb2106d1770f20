"""A site manager's pages: the needs of their sites (declare, edit, copy, upload) and their
sites' published rota."""

from flask import Blueprint

bp = Blueprint("site_manager", __name__, url_prefix="/site")

from webui.site_manager import views  # noqa: E402,F401  (registers the routes on bp)
