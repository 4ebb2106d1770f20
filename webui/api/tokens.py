"""The coordinator's page of API tokens: make one (shown once), see when each was last used,
revoke one. A page of forms, so unlike the API itself it is protected against CSRF."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField

from pooling.api_tokens import api_tokens_of, create_api_token, revoke_api_token
from pooling.errors import InvalidInput
from webui.database import db_session
from webui.form_fields import show_problems
from webui.permissions import coordinator_required
from webui.site_manager.forms import ActionForm

bp = Blueprint("api_tokens", __name__, url_prefix="/account/api-tokens")


class TokenForm(FlaskForm):
    label = StringField(_l("What will use this token?"))


@bp.route("", methods=["GET", "POST"])
@coordinator_required
def index():
    form = TokenForm()
    token = None
    status = 200
    if request.method == "POST":
        try:
            token = create_api_token(db_session(), current_user.email, form.label.data or "")
        except InvalidInput as error:
            show_problems(form, error)
            status = 400
    return render_template("api/tokens.html", form=form, token=token,
                           tokens=api_tokens_of(db_session(), current_user)), status


@bp.route("/<int:token_id>/revoke", methods=["POST"])
@coordinator_required
def revoke(token_id: int):
    if ActionForm().validate_on_submit():
        if not revoke_api_token(db_session(), current_user, token_id):
            abort(404)
        flash(_("Token revoked: programs using it are refused from now on."), "success")
    return redirect(url_for("api_tokens.index"))
