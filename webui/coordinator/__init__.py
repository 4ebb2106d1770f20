"""The coordinator's pages: networks and weeks, scenario import and export, the forms on sites,
facilitators, rooms, equipment and needs, solving a week, and the plans it gives (grids, KPIs,
map, adjustments, comparison, publication).

Every page of the blueprint is for coordinators only (`guards.coordinators_only`), and each page
naming a network checks that the coordinator covers it (`webui.permissions.network_for`).
"""

from flask import Blueprint

from webui.coordinator import labels

bp = Blueprint("coordinator", __name__, url_prefix="/coordination")


@bp.context_processor
def page_words() -> dict:
    """The translated names of kinds, columns, statuses... as `labels` in the templates."""
    return {"labels": labels}


from webui.coordinator import (dashboard, guards, plans, resources, runs,  # noqa: E402,F401
                               transfer)
