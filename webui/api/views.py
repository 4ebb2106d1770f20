"""The API's routes: each reads the token's account, calls one use case and answers JSON.

Errors are JSON too: 401 without a valid token, 403 outside the account's networks, 404 for
an unknown object, 422 with every problem of the body at its JSON path.
"""

from __future__ import annotations

import io
import json

from flask import Response, g, request, url_for

from pooling.accounts import Account, user_for_api_token
from pooling.api_operations import (
    MISSING_TOKEN, NOT_A_COORDINATOR, NOT_JSON, PROBLEM_COUNT, NotYourNetwork, cancel_run_of,
    import_scenario_document, network_weeks, plan_document, run_of, start_run_request,
)
from pooling.db.errors import StoreError, UnknownPlanVersion, UnknownWeek
from pooling.errors import InvalidInput, Problem
from pooling.i18n import LANGUAGES, translate
from pooling.runs import UnknownRun
from webui.api import bp
from webui.api.openapi import openapi_document
from webui.database import db_session
from webui.worker import start_run

PUBLIC_ENDPOINTS = {"api.openapi"}


def json_response(body, status: int = 200, **headers: str) -> Response:
    return Response(json.dumps(body, ensure_ascii=False, indent=2) + "\n", status=status,
                    mimetype="application/json", headers=headers)


def language() -> str:
    """`?lang=`, else the best of Accept-Language, else the account's language."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    best = request.accept_languages.best_match(LANGUAGES)
    account = g.get("api_account")
    return best or (account.language if account else "fr")


def error(status: int, message: str, **params) -> Response:
    headers = {"WWW-Authenticate": 'Bearer realm="pooling"'} if status == 401 else {}
    return json_response({"error": translate(message, language(), **params),
                          "message_id": message, "params": params}, status, **headers)


def problems_response(invalid: InvalidInput) -> Response:
    """422 with every problem: its place, its text in the asked language, its message id."""
    lang = language()
    return json_response({"error": translate(PROBLEM_COUNT, lang,
                                             count=len(invalid.problems)),
                          "problems": [problem_json(p, lang) for p in invalid.problems]}, 422)


def problem_json(problem: Problem, lang: str) -> dict:
    return {"where": problem.where, "message": problem.text(lang),
            "message_id": problem.message, "params": problem.params}


@bp.before_request
def authenticate() -> Response | None:
    """Every route but the description needs a coordinator's bearer token."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    account = user_for_api_token(db_session(), token.strip()) \
        if scheme.lower() == "bearer" and token.strip() else None
    if account is None:
        return error(401, MISSING_TOKEN)
    g.api_account = account
    if account.role != "coordinator":
        return error(403, NOT_A_COORDINATOR)
    return None


def account() -> Account:
    return g.api_account


@bp.errorhandler(NotYourNetwork)
def not_your_network(refusal: NotYourNetwork) -> Response:
    return error(403, refusal.message, **refusal.params)


@bp.errorhandler(InvalidInput)
def invalid_input(invalid: InvalidInput) -> Response:
    return problems_response(invalid)


@bp.errorhandler(UnknownWeek)
@bp.errorhandler(UnknownRun)
@bp.errorhandler(UnknownPlanVersion)
def unknown(refusal: StoreError) -> Response:
    return error(404, refusal.message, **refusal.params)


@bp.route("/openapi.json")
def openapi():
    return json_response(openapi_document(url_for("api.networks", _external=True)
                                          .removesuffix("/networks")))


@bp.route("/networks")
def networks():
    return json_response({"networks": network_weeks(db_session(), account())})


@bp.route("/scenarios", methods=["POST"])
def import_scenario():
    summary = import_scenario_document(db_session(), account(), io.BytesIO(request.get_data()))
    return json_response(summary, 201)


@bp.route("/runs", methods=["POST"])
def start_solve():
    body, problems = parsed_body()
    if problems:
        raise InvalidInput(problems)
    run = start_run_request(db_session(), account(), body)
    start_run(run.id)
    location = url_for("api.run", run_id=run.id)
    return json_response(run_of(db_session(), account(), run.id), 202, Location=location)


def parsed_body():
    """The JSON body, or the problem that it is not JSON."""
    try:
        return json.loads(request.get_data().decode("utf-8-sig") or "null"), []
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        return None, [Problem("$", NOT_JSON,
                              {"error": str(problem)})]


@bp.route("/runs/<int:run_id>")
def run(run_id: int):
    return json_response(run_of(db_session(), account(), run_id))


@bp.route("/runs/<int:run_id>/cancel", methods=["POST"])
def cancel_run(run_id: int):
    return json_response(cancel_run_of(db_session(), account(), run_id))


@bp.route("/plans/<int:version_id>")
def plan(version_id: int):
    return json_response(plan_document(db_session(), account(), version_id))
