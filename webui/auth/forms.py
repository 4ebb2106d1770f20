"""The sign-in and language forms (CSRF-protected like every form)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import AnyOf, DataRequired, Length

from pooling.i18n import LANGUAGES


class LoginForm(FlaskForm):
    email = EmailField(_l("Email address"),
                       validators=[DataRequired(_l("Give your email address.")),
                                   Length(max=254)],
                       render_kw={"autocomplete": "username", "autofocus": True})
    password = PasswordField(_l("Password"),
                             validators=[DataRequired(_l("Give your password.")),
                                         Length(max=200)],
                             render_kw={"autocomplete": "current-password"})
    next = HiddenField()


class LanguageForm(FlaskForm):
    language = StringField(validators=[AnyOf(LANGUAGES)])
    next = HiddenField()


class LogoutForm(FlaskForm):
    """Signing out is a POST, so that no link or image elsewhere can sign anyone out."""
