"""A site manager's pages. Each names its week with `?network=...&week=...` (default: the
week under way); a need or site of someone else's answers 403 before anything is read."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from pooling.db.errors import UnknownWeek
from pooling.errors import InvalidInput
from pooling.needs import (
    NotYourSite, SiteNeeds, UnknownNeed, copy_previous_week, declare_needs, delete_need,
    find_need, need_choices, needs_workbook, request_of, site_needs, update_need, upload_needs,
)
from pooling.rota import published_rota, sites_rota
from pooling.spreadsheets.columns import NEEDS
from pooling.rota_export import EXPORT_FORMATS, rota_export
from webui.database import db_session
from webui.downloads import attachment
from webui.form_fields import renumbered, show_problems
from webui.navigation import current_language
from webui.permissions import site_manager_for, site_manager_required
from webui.site_manager import bp
from webui.site_manager.forms import ActionForm, NeedForm, UploadForm
from webui.week_choice import WeekChoice, chosen_network, chosen_week, requested_date

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def week_needs(choice: WeekChoice) -> SiteNeeds:
    """The needs of the chosen week; 404 when the network has no week yet."""
    if choice.week is None:
        abort(404)
    return site_needs(db_session(), current_user, choice.network, choice.week.week_start)


def back_to_needs(choice: WeekChoice):
    return redirect(url_for("site_manager.needs", **choice.args))


@bp.route("/needs")
@site_manager_required
def needs():
    choice = chosen_week()
    found = week_needs(choice) if choice.week else None
    return render_template("site_manager/needs.html", choice=choice, found=found,
                           action=ActionForm())


def need_form(choice: WeekChoice, found: SiteNeeds) -> NeedForm:
    form = NeedForm()
    form.offer([(site.id, site.name) for site in found.sites], found.scenario.network.dates,
               need_choices(found.scenario))
    return form


@bp.route("/needs/new", methods=["GET", "POST"])
@site_manager_required
def declare():
    choice = chosen_week()
    found = week_needs(choice)
    form = need_form(choice, found)
    if request.method == "GET":
        form.site.data = request.args.get("site") or (found.sites[0].id if found.sites else "")
        return render_template("site_manager/need_form.html", choice=choice, form=form,
                               need=None)
    readable = form.validate()
    try:
        ids = declare_needs(db_session(), current_user, choice.network, choice.week.week_start,
                            form.request(), check_only=not readable)
    except InvalidInput as error:
        show_problems(form, renumbered(error, form.filled_lines()))
    else:
        if readable:
            flash(_("%(count)s need(s) declared: %(ids)s.", count=len(ids), ids=", ".join(ids)),
                  "success")
            return back_to_needs(choice)
    return render_template("site_manager/need_form.html", choice=choice, form=form,
                           need=None), 400


def own_need(choice: WeekChoice, found: SiteNeeds, need_id: str):
    """The need named in the URL: 404 when unknown, 403 when of a site not managed."""
    try:
        need = find_need(found.scenario, need_id)
    except UnknownNeed:
        abort(404)
    site_manager_for(need.site, choice.network)
    return need


@bp.route("/needs/<need_id>/edit", methods=["GET", "POST"])
@site_manager_required
def edit(need_id: str):
    choice = chosen_week()
    found = week_needs(choice)
    need = own_need(choice, found, need_id)
    form = need_form(choice, found)
    form.schedule.choices = [c for c in form.schedule.choices if c.value != "weekly"]
    if request.method == "GET":
        form.fill(request_of(need))
        return render_template("site_manager/need_form.html", choice=choice, form=form,
                               need=need)
    readable = form.validate()
    try:
        update_need(db_session(), current_user, choice.network, choice.week.week_start, need.id,
                    form.request(), check_only=not readable)
    except NotYourSite:
        abort(403)
    except InvalidInput as error:
        show_problems(form, renumbered(error, form.filled_lines()))
    else:
        if readable:
            flash(_("Need %(id)s saved.", id=need.id), "success")
            return back_to_needs(choice)
    return render_template("site_manager/need_form.html", choice=choice, form=form,
                           need=need), 400


@bp.route("/needs/<need_id>/delete", methods=["POST"])
@site_manager_required
def delete(need_id: str):
    choice = chosen_week()
    need = own_need(choice, week_needs(choice), need_id)
    if ActionForm().validate_on_submit():
        try:
            delete_need(db_session(), current_user, choice.network, choice.week.week_start,
                        need.id)
        except NotYourSite:
            abort(403)
        except InvalidInput as error:
            flash(error.render(current_language()), "error")
        else:
            flash(_("Need %(id)s deleted.", id=need.id), "success")
    return back_to_needs(choice)


@bp.route("/needs/copy", methods=["POST"])
@site_manager_required
def copy_last_week():
    """Copy the previous week's needs into the week named (created when not stored yet)."""
    network = chosen_network([])
    target = requested_date()
    if network is None or target is None:
        abort(404)
    args = {"network": network, "week": target.isoformat()}
    if ActionForm().validate_on_submit():
        try:
            result = copy_previous_week(db_session(), current_user, network, target)
        except UnknownWeek:
            flash(_("There is no previous week to copy from."), "error")
            return redirect(url_for("site_manager.needs", network=network))
        except InvalidInput as error:
            flash(error.render(current_language()), "error")
        else:
            flash(_("%(copied)s need(s) copied from the previous week; %(there)s already "
                    "there.", copied=result.copied, there=result.already_there), "success")
    return redirect(url_for("site_manager.needs", **args))


@bp.route("/needs/sheet.xlsx")
@site_manager_required
def download_sheet():
    choice = chosen_week()
    if choice.week is None:
        abort(404)
    data = needs_workbook(db_session(), current_user, choice.network, choice.week.week_start)
    return attachment(data, f"{_('needs')}-{choice.week.week_start.isoformat()}", "xlsx")


@bp.route("/needs/upload", methods=["GET", "POST"])
@site_manager_required
def upload():
    choice = chosen_week()
    if choice.week is None:
        abort(404)
    form = UploadForm()
    if request.method == "GET":
        return render_template("site_manager/upload.html", choice=choice, form=form,
                               columns=NEEDS.columns)
    file = form.workbook.data
    if not file or not file.filename:
        form.workbook.errors = [_("Choose the XLSX file to upload.")]
    elif (request.content_length or 0) > MAX_UPLOAD_BYTES:
        form.workbook.errors = [_("This file is too large: keep it under 5 MB.")]
    else:
        try:
            result = upload_needs(db_session(), current_user, choice.network,
                                  choice.week.week_start, file.stream, file.filename)
        except InvalidInput as error:
            show_problems(form, error)
        else:
            flash(_("Sheet read: %(added)s need(s) added, %(replaced)s replaced.",
                    added=result.added, replaced=result.replaced), "success")
            return back_to_needs(choice)
    return render_template("site_manager/upload.html", choice=choice, form=form,
                               columns=NEEDS.columns), 400


@bp.route("/rota")
@site_manager_required
def rota():
    choice = chosen_week()
    site = request.args.get("site")
    if site:
        site_manager_for(site, choice.network)
    shown = sites_rota(db_session(), current_user, choice.network,
                       choice.week.week_start) if choice.week else None
    sites = [pair for pair in shown.sites if not site or pair[0] == site] if shown else []
    return render_template("site_manager/rota.html", choice=choice, shown=shown, sites=sites)


@bp.route("/rota/<site>.<kind>")
@site_manager_required
def rota_file(site: str, kind: str):
    """The site's published rota as XLSX or CSV (coordinators may take any site's)."""
    choice = chosen_week()
    site_manager_for(site, choice.network)
    rota = published_rota(db_session(), choice.network,
                          choice.week.week_start) if choice.week else None
    if kind not in EXPORT_FORMATS or rota is None:
        abort(404)
    data = rota_export(rota.for_site(site), kind, current_language())
    return attachment(data, f"{_('rota')}-{site}-{choice.week.week_start.isoformat()}", kind)
