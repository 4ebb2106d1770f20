"""Home pages: the coordinator's networks and weeks, a site manager's sites, a facilitator's
way to their week."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from pooling.accounts import managed_sites
from pooling.store import list_weeks
from webui.database import db_session
from webui.home import bp


@bp.route("/")
@login_required
def index():
    if current_user.role == "coordinator":
        weeks = [week for week in list_weeks(db_session())
                 if current_user.covers_network(week.network)]
        return render_template("home/coordinator.html", weeks=weeks)
    if current_user.role == "site_manager":
        return render_template("home/site_manager.html",
                               sites=managed_sites(db_session(), current_user))
    return render_template("home/facilitator.html")
