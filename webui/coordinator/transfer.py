"""Import a scenario file (JSON, XLSX or a zip of CSV files) and export a week as one."""

from __future__ import annotations

import io

from flask import flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from pooling.errors import InvalidInput
from pooling.scenario_files import EXPORT_FORMATS, export_file, import_upload
from webui.coordinator import bp
from webui.coordinator.forms import ImportForm
from webui.coordinator.guards import week_of
from webui.database import db_session
from webui.navigation import current_language
from webui.text import date_text


@bp.route("/import", methods=["GET", "POST"])
def import_scenario():
    """A file with any problem is refused whole: every problem is listed, nothing is saved."""
    form = ImportForm()
    problems = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            week = import_upload(db_session(), current_user, upload.filename or "",
                                 upload.read())
        except InvalidInput as invalid:
            problems = [(p.where, p.text(current_language())) for p in invalid.problems]
        else:
            flash(_("The scenario is imported: %(needs)s needs for the week of %(week)s.",
                    needs=len(week.needs), week=date_text(week.week_start)), "success")
            return redirect(url_for("coordinator.week", network=week.network.name,
                                    week=week.week_start.isoformat()))
    status = 422 if problems or form.errors else 200
    return render_template("coordinator/import.html", form=form, problems=problems), status


@bp.route("/<network>/<week>/export/<fmt>")
def export(network: str, week: str, fmt: str):
    week_start = week_of(network, week)
    if fmt not in EXPORT_FORMATS:
        return render_template("errors/404.html"), 404
    exported = export_file(db_session(), network, week_start, fmt)
    response = send_file(io.BytesIO(exported.content), mimetype=exported.mimetype,
                         as_attachment=True, download_name=exported.name)
    response.headers["Cache-Control"] = "private, no-store"
    return response
