"""The coordinator's overview: networks and their weeks, the plans of each week, one week."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from flask import render_template
from flask_login import current_user

from pooling.plan_versions import week_versions
from pooling.runs import week_runs
from pooling.store import list_weeks, network_summary
from webui.coordinator import bp
from webui.coordinator.forms import ActionForm, SolveForm
from webui.coordinator.guards import week_of
from webui.database import db_session


def covered_weeks():
    return [week for week in list_weeks(db_session()) if current_user.covers_network(week.network)]


@bp.route("/")
def index():
    """Each network with what its latest week holds, and all its weeks."""
    networks = []
    for name, weeks in groupby(covered_weeks(), key=lambda week: week.network):
        weeks = list(weeks)
        networks.append((name, network_summary(db_session(), name, weeks[-1].week_start), weeks))
    return render_template("coordinator/index.html", networks=networks)


@bp.route("/weeks")
def weeks():
    """Every week with its latest and its published plan version."""
    lines = []
    for week in covered_weeks():
        versions = week_versions(db_session(), week.network, week.week_start)
        published = next((v for v in versions if v.status == "published"), None)
        lines.append((week, versions[0] if versions else None, published))
    return render_template("coordinator/weeks.html", lines=lines)


@bp.route("/<network>/<week>/")
def week(network: str, week: str):
    """One week: what it holds, how to edit and solve it, its plan versions and solves."""
    return week_page(network, week_of(network, week), SolveForm())


def week_page(network: str, week_start: date, solve_form: SolveForm, status: int = 200):
    session = db_session()
    summary = network_summary(session, network, week_start)
    return render_template(
        "coordinator/week.html", network=network, week_start=week_start, summary=summary,
        versions=week_versions(session, network, week_start),
        runs=week_runs(session, network, week_start), solve_form=solve_form,
        action_form=ActionForm()), status
