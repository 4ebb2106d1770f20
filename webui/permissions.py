"""Who may open what: a page outside a person's role answers 403, never the data.

Decorators guard whole views by role; the `*_for` helpers guard one object named in the URL
and are called at the top of the view, before anything is read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user, login_required

View = TypeVar("View", bound=Callable[..., Any])


def role_required(*roles: str) -> Callable[[View], View]:
    """Sign in first (redirect to the login page), then 403 unless the role is one of `roles`."""
    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return login_required(guarded)  # type: ignore[return-value]
    return decorate


coordinator_required = role_required("coordinator")
site_manager_required = role_required("coordinator", "site_manager")
"""Coordinators do everything a site manager does, on every site of their network."""
facilitator_required = role_required("facilitator")


def network_for(network: str) -> None:
    """403 unless the signed-in person belongs to `network` (or coordinates every network)."""
    if not current_user.is_authenticated or not current_user.covers_network(network):
        abort(403)


def site_manager_for(site: str, network: str | None = None) -> None:
    """403 unless the signed-in person manages `site` (a coordinator manages all of them)."""
    if not current_user.is_authenticated or not current_user.manages_site(site, network):
        abort(403)


def facilitator_self(facilitator: str, network: str | None = None) -> None:
    """403 unless the signed-in person is `facilitator`, or coordinates their network."""
    if not current_user.is_authenticated or not current_user.sees_facilitator(facilitator,
                                                                               network):
        abort(403)
