"""Who may open the coordinator's pages, and the 404 of what a URL names but does not exist."""

from __future__ import annotations

from datetime import date

from flask import abort, render_template

from pooling.adjust import UnknownNeed
from pooling.plan_versions import StoredVersion, stored_version
from pooling.resources import UnknownResource
from pooling.rota_grid import UnknownDimension
from pooling.runs import UnknownRun
from pooling.store import UnknownPlanVersion, UnknownWeek
from webui.coordinator import bp
from webui.database import db_session
from webui.permissions import coordinator_required, network_for

NOT_FOUND = (UnknownWeek, UnknownPlanVersion, UnknownRun, UnknownResource, UnknownNeed,
             UnknownDimension)


@bp.before_request
@coordinator_required
def coordinators_only() -> None:
    """Every page here: sign in first, then 403 unless a coordinator."""


def not_found(error: Exception) -> tuple[str, int]:
    return render_template("errors/404.html"), 404


for unknown in NOT_FOUND:
    bp.register_error_handler(unknown, not_found)


def week_of(network: str, week: str) -> date:
    """The week named in a URL, once the coordinator is known to cover its network."""
    network_for(network)
    try:
        return date.fromisoformat(week)
    except ValueError:
        abort(404)


def version_of(version_id: int) -> StoredVersion:
    """The plan version named in a URL, if the coordinator covers its network."""
    version = stored_version(db_session(), version_id)
    network_for(version.network)
    return version
