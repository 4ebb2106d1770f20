"""Sites, facilitators, rooms, equipment and needs of a week: list, create, edit, delete.

Each form is one row of the scenario workbook; `pooling.resources` checks the whole week again
and saves nothing when anything is wrong, its problems shown under their fields.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from pooling.errors import InvalidInput
from pooling.resources import (KINDS, delete_resource, resource_table, resource_texts,
                               save_resource)
from webui.coordinator import bp
from webui.coordinator.forms import ActionForm, field_groups, form_texts, resource_form
from webui.coordinator.guards import week_of
from webui.coordinator.labels import KIND_ONE
from webui.database import db_session
from webui.forms import show_problems
from webui.navigation import current_language


KIND = f"<any({', '.join(KINDS)}):kind>"
"""The kind of object in an address: only the known ones, so that `/<network>/<week>/solve`
and the like (POST only) answer 405 to a GET instead of being taken for a list of objects."""


def hints(table) -> dict[str, str]:
    """Each field's hint: what the column means and an example, in the page's language."""
    french = current_language() == "fr"
    return {column.name: " ".join(part for part in (
        column.french if french else column.english,
        _("Example: %(example)s", example=column.example) if column.example else "") if part)
        for column in table.columns}


@bp.route(f"/<network>/<week>/{KIND}/")
def resources(network: str, week: str, kind: str):
    week_start = week_of(network, week)
    table = resource_table(db_session(), network, week_start, kind)
    return render_template("coordinator/resources.html", network=network, week_start=week_start,
                           table=table)


def resource_page(network: str, week: str, kind: str, original: str | None):
    """The form to create (`original` None) or edit an object, and what sending it does."""
    week_start = week_of(network, week)
    session = db_session()
    table = resource_table(session, network, week_start, kind)
    texts = resource_texts(table, original) if original is not None else None
    form = resource_form(kind, table.sites, original is not None,
                         texts if request.method == "GET" else None)
    status = 200
    if form.validate_on_submit():
        try:
            save_resource(session, network, week_start, kind, form_texts(form), original)
        except InvalidInput as invalid:
            show_problems(form, invalid)
            status = 422
        else:
            flash(_("The %(what)s is saved.", what=KIND_ONE[kind]), "success")
            return redirect(url_for("coordinator.resources", network=network, week=week,
                                    kind=kind))
    return render_template("coordinator/resource_form.html", network=network,
                           week_start=week_start, table=table, form=form, original=original,
                           hints=hints(table), groups=field_groups(form)), status


@bp.route(f"/<network>/<week>/{KIND}/new", methods=["GET", "POST"])
def resource_new(network: str, week: str, kind: str):
    return resource_page(network, week, kind, None)


@bp.route(f"/<network>/<week>/{KIND}/<item>/edit", methods=["GET", "POST"])
def resource_edit(network: str, week: str, kind: str, item: str):
    return resource_page(network, week, kind, item)


@bp.route(f"/<network>/<week>/{KIND}/<item>/delete", methods=["GET", "POST"])
def resource_delete(network: str, week: str, kind: str, item: str):
    """Ask first; a deletion refused (something still names the object) lists why."""
    week_start = week_of(network, week)
    session = db_session()
    texts = resource_texts(resource_table(session, network, week_start, kind), item)
    form = ActionForm()
    problems = []
    if form.validate_on_submit():
        try:
            delete_resource(session, network, week_start, kind, item)
        except InvalidInput as invalid:
            problems = [p.render(current_language()) for p in invalid.problems]
        else:
            flash(_("The %(what)s %(id)s is deleted.", what=KIND_ONE[kind], id=item), "success")
            return redirect(url_for("coordinator.resources", network=network, week=week,
                                    kind=kind))
    return render_template("coordinator/resource_delete.html", network=network,
                           week_start=week_start, kind=kind, texts=texts, form=form,
                           problems=problems), 409 if problems else 200
