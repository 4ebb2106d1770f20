"""The forms of the accounts page. Choices of sites and facilitators come from the network;
the use cases of `pooling.accounts` check every value, these forms only read them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, SelectField, StringField

from pooling.accounts import MIN_PASSWORD_LENGTH, NetworkAccounts
from webui.form_fields import CheckboxesField, options

ROLE_LABELS = {"coordinator": _l("Coordinator"), "site_manager": _l("Site manager"),
               "facilitator": _l("Facilitator")}
LANGUAGE_LABELS = {"fr": "Français", "en": "English"}


class AccountForm(FlaskForm):
    """Name, role and what the role links to; the fields of another role are not sent."""

    name = StringField(_l("Name"))
    role = RadioField(_l("Role"), choices=options(ROLE_LABELS.items()), default="site_manager",
                      validate_choice=False)
    sites = CheckboxesField(_l("Sites managed (site managers)"))
    facilitator = SelectField(_l("Facilitator (facilitator accounts)"), validate_choice=False)

    def offer(self, network: NetworkAccounts) -> AccountForm:
        """The network's sites and facilitators as choices."""
        self.sites.choices = options(network.sites.items())
        self.facilitator.choices = options([("", "—"), *network.facilitators.items()])
        return self

    def links(self) -> dict:
        """The sites of a site manager and the facilitator of a facilitator account."""
        role = self.role.data
        return {"sites": (self.sites.data or []) if role == "site_manager" else [],
                "facilitator": (self.facilitator.data or None) if role == "facilitator" else None}


class NewAccountForm(AccountForm):
    email = EmailField(_l("Email address"))
    language = SelectField(_l("Language of the pages"), choices=options(LANGUAGE_LABELS.items()),
                           default="fr", validate_choice=False)
    password = PasswordField(_l("Initial password"),
                             render_kw={"autocomplete": "new-password",
                                        "minlength": MIN_PASSWORD_LENGTH})


class PasswordForm(FlaskForm):
    password = PasswordField(_l("New password"),
                             render_kw={"autocomplete": "new-password",
                                        "minlength": MIN_PASSWORD_LENGTH})
