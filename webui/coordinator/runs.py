"""Solving a week outside the request: start a run, watch its progress, cancel it.

The progress page works without script (it reloads itself every two seconds while the run is
not finished); `static/run-progress.js` instead asks `run_progress` every second and redraws.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from pooling.errors import InvalidInput
from pooling.runs import cancel_run, request_run, run_status
from webui.charts import progress_chart
from webui.coordinator import bp
from webui.coordinator.dashboard import week_page
from webui.coordinator.forms import ActionForm, SolveForm
from webui.coordinator.guards import week_of
from webui.coordinator.labels import RUN_STATUS_LABELS
from webui.database import db_session
from webui.forms import show_problems
from webui.navigation import current_language
from webui.permissions import network_for
from webui.worker import start_run


@bp.route("/<network>/<week>/solve", methods=["POST"])
def solve(network: str, week: str):
    week_start = week_of(network, week)
    form = SolveForm()
    if form.validate_on_submit():
        try:
            run = request_run(db_session(), network, week_start, requested_by=current_user.id,
                              time_limit=form.time_limit.data, keep_pins=form.keep_pins.data,
                              method=form.method.data, language=current_language())
        except InvalidInput as invalid:
            show_problems(form, invalid)
        else:
            start_run(run.id)
            return redirect(url_for("coordinator.run", run_id=run.id))
    return week_page(network, week_start, form, 422)


def status_of(run_id: int) -> dict:
    """The run's status, once the coordinator is known to cover its network."""
    status = run_status(db_session(), run_id)
    network_for(status["network"])
    return status


def progress_svg(status: dict):
    return progress_chart("run-chart", status["progress"], status["time_limit"] or 1.0,
                          status["elapsed"], _("Progress of the solve"),
                          _("Share of needs met (rising line) and objective (falling line, "
                            "lower is better) over the solve's time."))


@bp.route("/runs/<int:run_id>")
def run(run_id: int):
    status = status_of(run_id)
    return render_template("coordinator/run.html", status=status, chart=progress_svg(status),
                           status_label=RUN_STATUS_LABELS[status["status"]],
                           cancel_form=ActionForm())


@bp.route("/runs/<int:run_id>/progress.json")
def run_progress(run_id: int):
    """What the progress page redraws: the figures, and each event as (time, coverage,
    objective)."""
    status = status_of(run_id)
    last = status["progress"][-1] if status["progress"] else {}
    return {
        "status": status["status"],
        "status_label": str(RUN_STATUS_LABELS[status["status"]]),
        "finished": status["finished"],
        "elapsed": status["elapsed"],
        "time_limit": status["time_limit"],
        "met": last.get("met"),
        "total": last.get("total"),
        "objective": last.get("objective"),
        "events": [[e["elapsed"], e["coverage"], e["objective"]] for e in status["progress"]],
        "version_url": url_for("coordinator.version", version_id=status["plan_version"])
        if status["plan_version"] else None,
    }


@bp.route("/runs/<int:run_id>/cancel", methods=["POST"])
def cancel(run_id: int):
    status_of(run_id)
    if ActionForm().validate_on_submit():
        cancel_run(db_session(), run_id)
        flash(_("The solve is being cancelled."), "info")
    return redirect(url_for("coordinator.run", run_id=run_id))
