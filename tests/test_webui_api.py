"""The JSON API: bearer tokens of coordinators, scenario import with every problem at its JSON
path (422, nothing stored), the life of a solve, plans exactly as stored, and an OpenAPI 3.1
description that covers every route. Also the tokens page and `pooling create-token`."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta

import jsonschema
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pooling.accounts import create_user, issue_api_token
from pooling.cli import main
from pooling.db.models import PlanVersion, User
from pooling.interchange import scenario_to_dict
from pooling.runs import request_run
from pooling.store import export_scenario, import_scenario, list_weeks
from scenarios.demo import demo_scenario
from webui_fixtures import (app, app_database, app_session, client, csrf_app,  # noqa: F401
                            demo_accounts, demo_database)

SCENARIO = demo_scenario()
NETWORK = SCENARIO.network.name
WEEK = SCENARIO.network.week_start

# Rows for the authorisation matrix: endpoint, method, path, then the answer to a request
# with no token (anonymous) and with the token of a coordinator, site manager and facilitator
# (the matrix sends `Authorization: Bearer` for signed-in roles). POSTs carry no body: 422.
API_ROUTES = [
    ("api.openapi", "GET", "/api/v1/openapi.json", 200, 200, 200, 200),
    ("api.networks", "GET", "/api/v1/networks", 401, 200, 403, 403),
    ("api.import_scenario", "POST", "/api/v1/scenarios", 401, 422, 403, 403),
    ("api.start_solve", "POST", "/api/v1/runs", 401, 422, 403, 403),
    ("api.run", "GET", "/api/v1/runs/999", 401, 404, 403, 403),
    ("api.cancel_run", "POST", "/api/v1/runs/999/cancel", 401, 404, 403, 403),
    ("api.plan", "GET", "/api/v1/plans/{published}", 401, 200, 403, 403),
    ("api_tokens.index", "GET", "/account/api-tokens", "login", 200, 403, 403),
    ("api_tokens.index", "POST", "/account/api-tokens", "login", 400, 403, 403),
    ("api_tokens.revoke", "POST", "/account/api-tokens/999/revoke", "login", 404, 403, 403),
]


@pytest.fixture
def tokens(app_session, demo_accounts) -> dict[str, str]:
    """An API token for each demo role."""
    users = {user.email: user.id for user in app_session.scalars(select(User))}
    return {role: issue_api_token(app_session, users[account.email], "tests")
            for role, account in demo_accounts.items()}


@pytest.fixture
def api(app, tokens):
    """Send a request with the coordinator's token (or `role`'s); solves run in the request."""
    app.config["SOLVE_INLINE"] = True
    client = app.test_client()

    def send(method: str, path: str, role: str = "coordinator", **kwargs):
        headers = {"Authorization": f"Bearer {tokens[role]}", "Accept-Language": "fr"}
        return client.open(path, method=method, headers=headers, **kwargs)
    return send


def stored(session) -> dict:
    return scenario_to_dict(export_scenario(session, NETWORK, WEEK))


# --- tokens -----------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer not-a-token", "Basic abc"])
def test_every_route_but_the_description_needs_a_token(client, header):
    headers = {"Authorization": header} if header else {}
    for method, path in (("GET", "/api/v1/networks"), ("POST", "/api/v1/scenarios"),
                         ("POST", "/api/v1/runs"), ("GET", "/api/v1/runs/1"),
                         ("GET", "/api/v1/plans/1")):
        response = client.open(path, method=method, headers=headers)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "Authorization: Bearer" in response.json["error"]


def test_tokens_of_other_roles_are_refused(api):
    for role in ("site_manager", "facilitator"):
        response = api("GET", "/api/v1/networks", role)
        assert response.status_code == 403
        assert "networks" not in response.json


def test_the_api_needs_no_csrf_token(csrf_app, tokens):
    response = csrf_app.test_client().post(
        "/api/v1/scenarios", data=json.dumps(scenario_to_dict(SCENARIO)),
        headers={"Authorization": f"Bearer {tokens['coordinator']}"})
    assert response.status_code == 201


# --- networks and scenarios -------------------------------------------------------------------


def test_networks_lists_the_weeks_and_their_versions(api, app_session):
    response = api("GET", "/api/v1/networks")
    assert response.status_code == 200
    assert response.json == {"networks": [{"name": NETWORK, "weeks": [{
        "week_start": WEEK.isoformat(), "days": 7, "needs": len(SCENARIO.needs),
        "plan_versions": []}]}]}


def test_import_a_scenario(api, app_session):
    following = SCENARIO.network.week_start + timedelta(days=7)
    document = scenario_to_dict(SCENARIO)
    document["network"]["week_start"] = following.isoformat()
    document["needs"] = document["needs"][:3]
    for need in document["needs"]:
        need["date"] = (SCENARIO.network.week_start + timedelta(days=8)).isoformat()
    response = api("POST", "/api/v1/scenarios", data=json.dumps(document))
    assert response.status_code == 201
    assert response.json["week_start"] == following.isoformat()
    assert response.json["needs"] == 3
    assert scenario_to_dict(export_scenario(app_session, NETWORK, following)) == document


def test_a_bad_scenario_gets_422_with_every_problem_at_its_path(api, app_session):
    before = stored(app_session)
    document = scenario_to_dict(SCENARIO)
    document["needs"][2]["start"] = "9h"
    document["needs"][5]["staff"][0]["level"] = 4
    document["sites"][0]["lat"] = "north"
    document["surprise"] = True
    response = api("POST", "/api/v1/scenarios", data=json.dumps(document))
    assert response.status_code == 422
    places = {problem["where"]: problem for problem in response.json["problems"]}
    assert set(places) == {"$.needs[2].start", "$.needs[5].staff[0].level", "$.sites[0].lat",
                           "$.surprise"}
    assert places["$.needs[5].staff[0].level"]["message"] == \
        "doit être compris entre 1 et 3, pas 4"
    assert places["$.needs[5].staff[0].level"]["message_id"] == \
        "must be between {low} and {high}, not {value}"
    assert response.json["error"] == "La requête a 4 problème(s)."
    assert stored(app_session) == before


def test_problems_come_in_the_language_asked(api):
    response = api("POST", "/api/v1/scenarios?lang=en", data='{"format": "pooling-scenario/1",'
                                                             ' "format": "x"}')
    assert response.status_code == 422
    assert response.json["problems"][0] == {
        "where": "$.format", "message": 'key "format" appears more than once in this object: '
                                        "keep one",
        "message_id": "key {key} appears more than once in this object: keep one",
        "params": {"key": '"format"'}}


def test_a_body_that_is_not_json_gets_422(api):
    response = api("POST", "/api/v1/scenarios", data=b"{not json")
    assert response.status_code == 422
    assert response.json["problems"][0]["where"] == "line 1, column 2"


def test_a_coordinator_of_one_network_cannot_import_another(api, app_session):
    document = scenario_to_dict(SCENARIO)
    document["network"]["name"] = "Un autre réseau"
    response = api("POST", "/api/v1/scenarios", data=json.dumps(document))
    assert response.status_code == 403
    assert response.json["error"] == "Vous ne coordonnez pas le réseau Un autre réseau."
    assert {week.network for week in list_weeks(app_session)} == {NETWORK}


# --- solves and plans -------------------------------------------------------------------------


def test_the_life_of_a_solve(api, app_session):
    response = api("POST", "/api/v1/runs", json={"network": NETWORK,
                                                 "week_start": WEEK.isoformat(),
                                                 "method": "greedy", "time_limit": 2})
    assert response.status_code == 202
    assert response.headers["Location"] == f"/api/v1/runs/{response.json['id']}"
    run = api("GET", response.headers["Location"]).json
    assert run["status"] == "done" and run["finished"] is True and run["error"] is None
    assert run["options"]["method"] == "greedy" and run["progress"]
    plan = api("GET", f"/api/v1/plans/{run['plan_version']}")
    assert plan.status_code == 200
    version = app_session.get(PlanVersion, run["plan_version"])
    assert plan.json == version.plan
    assert plan.json["format"] == "pooling-plan/1"
    versions = api("GET", "/api/v1/networks").json["networks"][0]["weeks"][0]["plan_versions"]
    assert [(v["id"], v["status"]) for v in versions] == [(version.id, "draft")]
    assert api("POST", f"/api/v1/runs/{run['id']}/cancel").json["status"] == "done"


def test_a_queued_solve_can_be_cancelled(api, app_session):
    run = request_run(app_session, NETWORK, WEEK, time_limit=5)
    response = api("POST", f"/api/v1/runs/{run.id}/cancel")
    assert response.status_code == 200
    assert response.json["status"] == "cancelled"


def test_a_bad_solve_request_gets_every_problem(api):
    response = api("POST", "/api/v1/runs", json={"network": 3, "week_start": "2026-13-01",
                                                 "time_limit": 9000, "method": "magic",
                                                 "keep_pins": "yes", "colour": "blue"})
    assert response.status_code == 422
    assert sorted(p["where"] for p in response.json["problems"]) == [
        "$.colour", "$.keep_pins", "$.method", "$.network", "$.time_limit", "$.week_start"]
    assert api("POST", "/api/v1/runs", data=b"[").status_code == 422
    assert api("POST", "/api/v1/runs", json=[1]).json["problems"][0]["where"] == "$"


def test_a_solve_of_an_unknown_week_is_not_found(api):
    response = api("POST", "/api/v1/runs", json={"network": NETWORK,
                                                 "week_start": "2030-01-07"})
    assert response.status_code == 404
    assert "Aucune semaine commençant le 2030-01-07" in response.json["error"]


def test_unknown_runs_and_plans_are_not_found(api):
    assert api("GET", "/api/v1/runs/12345").status_code == 404
    assert api("GET", "/api/v1/plans/12345").json["error"] == \
        "Aucune version de planning n'a l'identifiant 12345."


def test_a_coordinator_of_another_network_sees_neither_its_runs_nor_its_plans(
        api, app, app_session):
    run = api("POST", "/api/v1/runs", json={"network": NETWORK, "week_start": WEEK.isoformat(),
                                            "method": "greedy", "time_limit": 1}).json
    other = replace(SCENARIO, network=replace(SCENARIO.network, name="Réseau voisin"))
    import_scenario(app_session, other)
    account = create_user(app_session, "voisin@test.pooling.example", "Voisin", "password-1",
                          "coordinator", network="Réseau voisin")
    headers = {"Authorization": f"Bearer {issue_api_token(app_session, account.id, 't')}"}
    neighbour = app.test_client()
    assert neighbour.get(f"/api/v1/plans/{run['plan_version']}", headers=headers
                         ).status_code == 403
    assert neighbour.get(f"/api/v1/runs/{run['id']}", headers=headers).status_code == 403
    assert neighbour.post("/api/v1/runs", headers=headers, json={
        "network": NETWORK, "week_start": WEEK.isoformat()}).status_code == 403
    networks = neighbour.get("/api/v1/networks", headers=headers).json["networks"]
    assert [network["name"] for network in networks] == ["Réseau voisin"]


# --- the OpenAPI description ------------------------------------------------------------------


def described_path(rule: str) -> str:
    """`/api/v1/runs/<int:run_id>` -> `/runs/{run_id}`."""
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.removeprefix("/api/v1"))


def test_every_api_route_is_described(app, client):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"] == "3.1.0"
    routes = {(described_path(rule.rule), method.lower())
              for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1/")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    described = {(path, method) for path, item in document["paths"].items()
                 for method in item}
    assert routes == described
    assert document["servers"] == [{"url": "http://localhost/api/v1"}]


def test_the_description_refers_only_to_what_it_defines(client):
    document = client.get("/api/v1/openapi.json").json
    text = json.dumps(document["paths"]) + json.dumps(document["components"])
    for name in re.findall(r'"#/components/schemas/(\w+)"', text):
        assert name in document["components"]["schemas"]
    for operation in (op for item in document["paths"].values() for op in item.values()):
        assert operation["responses"] and operation["summary"]


def test_the_described_scenario_schema_accepts_the_demo_and_its_plan(client, api):
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    jsonschema.Draft202012Validator(schemas["Scenario"]).validate(scenario_to_dict(SCENARIO))
    run = api("POST", "/api/v1/runs", json={"network": NETWORK, "week_start": WEEK.isoformat(),
                                            "method": "greedy", "time_limit": 1}).json
    plan = api("GET", f"/api/v1/plans/{run['plan_version']}").json
    jsonschema.Draft202012Validator(schemas["Plan"]).validate(plan)


# --- making tokens ----------------------------------------------------------------------------


def sign_in(client, account) -> None:
    assert client.post("/login", data={"email": account.email,
                                       "password": account.password}).status_code == 302


def test_a_coordinator_makes_a_token_on_the_page_then_revokes_it(client, demo_accounts, app):
    sign_in(client, demo_accounts["coordinator"])
    assert client.get("/account/api-tokens").status_code == 200
    page = client.post("/account/api-tokens", data={"label": "site du réseau"}).get_data(
        as_text=True)
    token = re.search(r'id="new-token" type="text" readonly value="([^"]+)"', page).group(1)
    headers = {"Authorization": f"Bearer {token}"}
    assert app.test_client().get("/api/v1/networks", headers=headers).status_code == 200
    token_id = re.search(r'/account/api-tokens/(\d+)/revoke', page).group(1)
    assert client.post(f"/account/api-tokens/{token_id}/revoke").status_code == 302
    assert app.test_client().get("/api/v1/networks", headers=headers).status_code == 401


def test_a_token_needs_a_label(client, demo_accounts):
    sign_in(client, demo_accounts["coordinator"])
    response = client.post("/account/api-tokens", data={"label": " "})
    assert response.status_code == 400
    assert "Nommez le jeton (ce qui l&#39;utilise), en 100 caractères au plus." in \
        response.get_data(as_text=True)


def test_create_token_command_prints_a_working_token(app, app_database, demo_accounts):
    result = CliRunner().invoke(main, ["--lang", "en", "create-token",
                                       demo_accounts["coordinator"].email, "--label", "cron",
                                       "--database", app_database])
    assert result.exit_code == 0, result.output
    token = result.output.strip().rsplit(" ", 1)[1]
    response = app.test_client().get("/api/v1/networks",
                                     headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_create_token_command_refuses_other_roles(app_database, demo_accounts):
    result = CliRunner().invoke(main, ["--lang", "en", "create-token",
                                       demo_accounts["facilitator"].email,
                                       "--database", app_database])
    assert result.exit_code == 2
    assert "email: Only coordinators get API tokens." in result.output
