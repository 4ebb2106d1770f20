"""The coordinator's accounts page: the people of their network who sign in, new accounts,
changed roles and links, new passwords. Coordinators only, on the networks they cover."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/accounts")

from webui.accounts import views  # noqa: E402,F401
