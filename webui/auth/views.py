"""Sign in, sign out, switch language."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from pooling.accounts import SignInRefused, TooManyFailures, authenticate, set_language
from webui.auth import bp
from webui.auth.forms import LanguageForm, LoginForm, LogoutForm
from webui.database import db_session
from webui.extensions import LANGUAGE_KEY


def safe_next(target: str | None) -> str:
    """`target` if it is a path of this site, else the home page (no open redirect)."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") \
                and not target.startswith("//") and "\\" not in target:
            return target
    return url_for("home.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form), 400 if form.errors else 200
    try:
        account = authenticate(db_session(), form.email.data, form.password.data,
                               current_app.config["LOGIN_POLICY"])
    except TooManyFailures as refusal:
        form.form_errors.append(_("Too many failed attempts with this address: wait "
                                  "%(minutes)s minutes before trying again.",
                                  minutes=refusal.minutes))
        return render_template("auth/login.html", form=form), 429
    except SignInRefused:
        form.form_errors.append(_("Wrong email address or password."))
        return render_template("auth/login.html", form=form), 401
    login_user(account)
    flash(_("Welcome, %(name)s.", name=account.name), "success")
    return redirect(safe_next(form.next.data))


@bp.route("/logout", methods=["POST"])
def logout():
    if LogoutForm().validate_on_submit():
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
def language():
    """Keep the chosen language in the session (and in the account of a signed-in person)."""
    form = LanguageForm()
    if form.validate_on_submit():
        session[LANGUAGE_KEY] = form.language.data
        if current_user.is_authenticated:
            set_language(db_session(), current_user.id, form.language.data)
    return redirect(safe_next(form.next.data))
