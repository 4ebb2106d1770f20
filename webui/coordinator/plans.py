"""A plan version: its KPIs, charts and map, its grids, hand adjustments, comparison with
another version of the week, and publication.

Pages load the version first and check the coordinator's network before rendering anything:
a coordinator of another network gets 403, never the plan.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from pooling.adjust import RulesBroken, adjust_plan, adjustment_choices
from pooling.compare import compare_versions
from pooling.errors import InvalidInput
from pooling.plan_summary import plan_summary
from pooling.plan_versions import StoredVersion, week_versions
from pooling.rota_export import EXPORT_FORMATS
from pooling.rota_grid import DIMENSIONS, Grid, rota_grid
from pooling.store import publish_plan
from webui.charts import Bar, bar_chart, site_map, workload_bars
from webui.coordinator import bp
from webui.coordinator.forms import ActionForm, AdjustForm, options
from webui.coordinator.guards import version_of
from webui.database import db_session
from webui.forms import show_problems
from webui.navigation import current_language
from webui.permissions import network_for
from webui.text import date_text

MAP_LABELS_UP_TO = 30
"""Site names are written on the map up to this many sites; beyond, they show on hover."""
ROTA_FILES = {"site": ("site_manager.rota_file", "site"),
              "facilitator": ("facilitator.rota_file", "facilitator")}
"""The rota exports of a grid's rows: (endpoint, the argument naming the row) by dimension."""


@bp.route("/versions/<int:version_id>")
def version(version_id: int):
    summary = plan_summary(db_session(), version_id, current_language())
    network_for(summary.version.network)
    sites = sorted(summary.sites, key=lambda s: (s.share, s.name))
    workloads = sorted(summary.workloads, key=lambda w: w.name)
    travellers = sorted((w for w in summary.workloads if w.travel),
                        key=lambda w: -w.travel)
    charts = {
        "coverage": bar_chart(
            "coverage-chart",
            [Bar(s.name, 100 * s.share, f"{s.met}/{s.total}", warn=s.met < s.total)
             for s in sites], _("Needs met per site"),
            _("One bar per site, the share of its needs that the plan meets, lowest first."),
            scale=100),
        "workload": bar_chart(
            "workload-chart", workload_bars(workloads), _("Hours against contract"),
            _("One bar per facilitator, the hours worked; the ticks mark the contract's "
              "minimum, target and maximum.")),
        "travel": bar_chart(
            "travel-chart", [Bar(w.name, w.travel, f"{w.travel} min") for w in travellers],
            _("Travel per facilitator"),
            _("One bar per facilitator who travels, the week's travel in minutes, most "
              "first.")),
        "map": site_map(
            "site-map", summary.map_sites, summary.trips, _("Map of the sites and trips"),
            _("The sites placed by their coordinates, dots larger where more activities "
              "take place; lines join the sites facilitators travel between, thicker when "
              "travelled more often."), labels=len(summary.map_sites) <= MAP_LABELS_UP_TO),
    }
    return render_template("coordinator/version.html", summary=summary, version=summary.version,
                           charts=charts, action_form=ActionForm(),
                           others=other_versions(summary.version))


def other_versions(version):
    return [v for v in week_versions(db_session(), version.network, version.week_start)
            if v.id != version.id]


@bp.route("/versions/<int:version_id>/grid/<dimension>")
def grid(version_id: int, dimension: str):
    if dimension not in DIMENSIONS:
        abort(404)
    found = rota_grid(db_session(), version_id, dimension)
    network_for(found.version.network)
    return render_template(
        "coordinator/grid.html", grid=found, version=found.version, files=rota_files(found),
        adjust_prefix=url_for("coordinator.version", version_id=version_id) + "/adjust/")


def is_current_rota(version: StoredVersion) -> bool:
    """Whether `version` is the week's latest published one: the rota people see and export."""
    published = [v.id for v in week_versions(db_session(), version.network, version.week_start)
                 if v.status == "published"]
    return published[:1] == [version.id]


def rota_files(found: Grid) -> dict[str, dict[str, str]]:
    """Each row's rota files by format, when the grid shows the week's current rota by site or
    by facilitator (the exports always follow that version, so no other gets links)."""
    if found.dimension not in ROTA_FILES or not is_current_rota(found.version):
        return {}
    endpoint, argument = ROTA_FILES[found.dimension]
    week = {"network": found.version.network, "week": found.version.week_start.isoformat()}
    return {row.id: {kind: url_for(endpoint, kind=kind, **{argument: row.id}, **week)
                     for kind in EXPORT_FORMATS} for row in found.rows}


@bp.route("/versions/<int:version_id>/adjust/<need>", methods=["GET", "POST"])
def adjust(version_id: int, need: str):
    """Pin or move one assignment; a change breaking a rule is refused with the rules."""
    choices = adjustment_choices(db_session(), version_id, need)
    network_for(choices.version.network)
    current = choices.current or {}
    form = AdjustForm(data=None if request.method == "POST" else {
        "facilitators": current.get("facilitators", []), "room": current.get("room") or "",
        "equipment": current.get("equipment", []),
        "date": current.get("date") or choices.need.get("date") or choices.dates[0],
        "start": current.get("start") or choices.need.get("start")
        or (choices.need.get("window") or {}).get("start", ""),
        "pin": True})
    form.facilitators.choices = options((code, f"{name} ({code})")
                                        for code, name in choices.facilitators)
    form.room.choices = options([("", _("No room")), *choices.rooms])
    form.equipment.choices = options(choices.units)
    form.date.choices = options((day, date_text(day)) for day in choices.dates)
    broken = []
    status = 200
    if form.validate_on_submit():
        try:
            saved = adjust_plan(db_session(), version_id, need,
                                facilitators=form.facilitators.data or [],
                                room=form.room.data or None,
                                equipment=form.equipment.data or [],
                                date_text=form.date.data or "", start_text=form.start.data or "",
                                pin=form.pin.data)
        except InvalidInput as invalid:
            show_problems(form, invalid)
            status = 422
        except RulesBroken as refusal:
            broken = [(v.rule, ", ".join(v.ids), v.text(current_language()))
                      for v in refusal.violations]
            status = 422
        else:
            flash(_("The change is saved as draft version %(number)s.", number=saved.number),
                  "success")
            return redirect(url_for("coordinator.version", version_id=saved.id))
    elif request.method == "POST":
        status = 422
    return render_template("coordinator/adjust.html", choices=choices, version=choices.version,
                           form=form, broken=broken), status


@bp.route("/versions/<int:version_id>/publish", methods=["POST"])
def publish(version_id: int):
    version = version_of(version_id)
    if ActionForm().validate_on_submit():
        publish_plan(db_session(), version.id)
        flash(_("Version %(number)s is published: facilitators and sites now see it.",
                number=version.number), "success")
    return redirect(url_for("coordinator.version", version_id=version.id))


@bp.route("/versions/<int:version_id>/compare")
def compare(version_id: int):
    """What changed from another version of the week (`?with=`, by default the one before)."""
    version = version_of(version_id)
    others = other_versions(version)
    chosen = request.args.get("with", type=int)
    if chosen is None:
        chosen = next((v.id for v in others if v.number < version.number),
                      others[0].id if others else None)
    if chosen is not None and chosen not in {v.id for v in others}:
        abort(404)
    comparison = compare_versions(db_session(), chosen, version_id) if chosen else None
    return render_template("coordinator/compare.html", version=version, others=others,
                           chosen=chosen, comparison=comparison)
