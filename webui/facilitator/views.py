"""A facilitator's pages. Their week and its exports take `?facilitator=...` so that a
coordinator can open anyone's; another facilitator's answers 403. The calendar feed is the one
page without sign-in: its secret token is the key."""

from __future__ import annotations

from itertools import groupby

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from pooling.accounts import calendar_token
from pooling.availability import NotYourFacilitator, facilitator_of, set_availability
from pooling.calendar_feed import calendar_for, calendar_for_token
from pooling.errors import InvalidInput
from pooling.rota import PublishedRota, published_rota
from pooling.rota_export import EXPORT_FORMATS, rota_export
from webui.database import db_session
from webui.downloads import attachment
from webui.facilitator import bp
from webui.facilitator.forms import TimesForm, is_date
from webui.form_fields import renumbered, show_problems
from webui.navigation import current_language
from webui.permissions import facilitator_required, facilitator_self, role_required
from webui.site_manager.forms import ActionForm
from webui.week_choice import WeekChoice, chosen_week

week_reader_required = role_required("facilitator", "coordinator")
"""A person's week is theirs, and their coordinator's to look at."""


def chosen_person(choice: WeekChoice) -> str:
    """The facilitator the page is about: the signed-in one, or the one a coordinator names."""
    person = request.args.get("facilitator") or current_user.facilitator
    if not person or choice.network is None:
        abort(404)
    facilitator_self(person, choice.network)
    return person


def week_of(choice: WeekChoice, person: str) -> PublishedRota | None:
    rota = published_rota(db_session(), choice.network,
                          choice.week.week_start) if choice.week else None
    return rota.for_facilitator(person) if rota else None


def render_week(template: str):
    choice = chosen_week()
    person = chosen_person(choice)
    rota = week_of(choice, person)
    days = [(day, list(entries)) for day, entries in
            groupby(rota.entries if rota else (), key=lambda entry: entry.date)]
    mine = person == current_user.facilitator
    args = choice.args if mine else {**choice.args, "facilitator": person}
    name = current_user.name if mine else rota.name_of(person) if rota else person
    return render_template(template, choice=choice, person=person, name=name, rota=rota,
                           days=days, args=args)


@bp.route("/me/week")
@week_reader_required
def week():
    return render_week("facilitator/week.html")


@bp.route("/me/week/print")
@week_reader_required
def week_print():
    return render_week("facilitator/week_print.html")


@bp.route("/me/rota.<kind>")
@week_reader_required
def rota_file(kind: str):
    """The person's published week as XLSX or CSV."""
    choice = chosen_week()
    person = chosen_person(choice)
    rota = week_of(choice, person)
    if kind not in EXPORT_FORMATS or rota is None:
        abort(404)
    return attachment(rota_export(rota, kind, current_language()),
                      f"{_('rota')}-{person}-{choice.week.week_start.isoformat()}", kind)


@bp.route("/me/availability", methods=["GET", "POST"])
@facilitator_required
def availability():
    network, person = current_user.network, current_user.facilitator
    form = TimesForm()
    if request.method == "GET":
        form.show(facilitator_of(db_session(), current_user, network, person))
        form.offer_days()
        return render_template("facilitator/availability.html", form=form, is_date=is_date)
    readable = form.validate()
    try:
        set_availability(db_session(), current_user, network, person, form.request(),
                         check_only=not readable)
    except NotYourFacilitator:
        abort(403)
    except InvalidInput as error:
        show_problems(form, renumbered(error, form.filled()))
    else:
        if readable:
            flash(_("Your times are saved: the next rotas will follow them."), "success")
            return redirect(url_for("facilitator.availability"))
    form.offer_days()
    return render_template("facilitator/availability.html", form=form, is_date=is_date), 400


@bp.route("/me/calendar")
@facilitator_required
def calendar():
    token = calendar_token(db_session(), current_user.id)
    feed_url = url_for("facilitator.feed", token=token, _external=True)
    return render_template("facilitator/calendar.html", feed_url=feed_url,
                           webcal_url="webcal://" + feed_url.split("://", 1)[1],
                           action=ActionForm())


@bp.route("/me/calendar/renew", methods=["POST"])
@facilitator_required
def renew_calendar():
    if ActionForm().validate_on_submit():
        calendar_token(db_session(), current_user.id, renew=True)
        flash(_("New calendar link made: the old one no longer works. Subscribe again with "
                "the new one."), "success")
    return redirect(url_for("facilitator.calendar"))


@bp.route("/me/calendar.ics")
@facilitator_required
def calendar_file():
    return attachment(calendar_for(db_session(), current_user), _("rota"), "ics")


@bp.route("/ical/<token>.ics")
def feed(token: str):
    """The subscription feed: no sign-in, the secret token names the person; 404 otherwise."""
    data = calendar_for_token(db_session(), token)
    if data is None:
        abort(404)
    return attachment(data, _("rota"), "ics", inline=True)
