"""The accounts of the networks a coordinator covers: list, create, edit, new password.

Each view parses its form, calls one use case of `pooling.accounts` and renders; a refused
form comes back with each problem under its field (422) and nothing saved.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from pooling.accounts import (UnknownAccount, UnknownNetwork, coordinated_accounts, create_user,
                              list_accounts, network_account, set_password, update_account)
from pooling.errors import InvalidInput
from webui.accounts import bp
from webui.accounts.forms import ROLE_LABELS, AccountForm, NewAccountForm, PasswordForm
from webui.database import db_session
from webui.forms import show_problems
from webui.permissions import coordinator_required, network_for


@bp.before_request
@coordinator_required
def coordinators_only() -> None:
    """Every page here: sign in first, then 403 unless a coordinator."""


@bp.errorhandler(UnknownAccount)
@bp.errorhandler(UnknownNetwork)
def not_found(error: Exception) -> tuple[str, int]:
    return render_template("errors/404.html"), 404


@bp.context_processor
def page_words() -> dict:
    return {"role_labels": ROLE_LABELS}


@bp.route("/")
def index():
    return render_template("accounts/index.html",
                           networks=coordinated_accounts(db_session(), current_user))


def network_of(network: str):
    """The network named in the URL, with its accounts, once the coordinator covers it."""
    network_for(network)
    return list_accounts(db_session(), network)


@bp.route("/<network>/new", methods=["GET", "POST"])
def create(network: str):
    form = NewAccountForm().offer(network_of(network))
    if form.validate_on_submit():
        try:
            account = create_user(db_session(), form.email.data or "", form.name.data or "",
                                  form.password.data or "", form.role.data or "", network=network,
                                  language=form.language.data or "", **form.links())
        except InvalidInput as error:
            show_problems(form, error)
        else:
            flash(_("Account created for %(name)s (%(email)s).", name=account.name,
                    email=account.email), "success")
            return redirect(url_for("accounts.index"))
    return render_template("accounts/form.html", form=form, network=network,
                           account=None), 422 if form.is_submitted() else 200


@bp.route("/<network>/<int:user_id>/edit", methods=["GET", "POST"])
def edit(network: str, user_id: int):
    choices = network_of(network)
    account = network_account(db_session(), network, user_id)
    current = {"name": account.name, "role": account.role, "sites": sorted(account.sites),
               "facilitator": account.facilitator or ""}
    form = AccountForm(data=current if request.method == "GET" else None).offer(choices)
    if form.validate_on_submit():
        try:
            saved = update_account(db_session(), network, user_id, form.name.data or "",
                                   form.role.data or "", acting=current_user, **form.links())
        except InvalidInput as error:
            show_problems(form, error)
        else:
            flash(_("Account of %(name)s saved.", name=saved.name), "success")
            return redirect(url_for("accounts.index"))
    return render_template("accounts/form.html", form=form, network=network,
                           account=account), 422 if form.is_submitted() else 200


@bp.route("/<network>/<int:user_id>/password", methods=["GET", "POST"])
def password(network: str, user_id: int):
    network_for(network)
    account = network_account(db_session(), network, user_id)
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            set_password(db_session(), network, user_id, form.password.data or "")
        except InvalidInput as error:
            show_problems(form, error)
        else:
            flash(_("New password saved for %(name)s: give it to them in person or by phone.",
                    name=account.name), "success")
            return redirect(url_for("accounts.index"))
    return render_template("accounts/password.html", form=form, network=network,
                           account=account), 422 if form.is_submitted() else 200
