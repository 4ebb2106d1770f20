"""The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json.

Scenario and plan bodies are described by the project's own JSON Schemas of format v1 (OpenAPI
3.1 speaks JSON Schema 2020-12), so the description never drifts from what the reader checks.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

BEARER = [{"bearerAuth": []}]


@cache
def format_schema(name: str) -> dict[str, Any]:
    """`scenario-v1` or `plan-v1`, as shipped in `pooling/schemas`."""
    text = (resources.files("pooling") / "schemas" / f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def errors(*codes: int) -> dict[str, Any]:
    """The error answers an operation may give."""
    described = {
        401: json_body(ref("Error"), "No valid bearer token."),
        403: json_body(ref("Error"), "The token's account does not coordinate this network."),
        404: json_body(ref("Error"), "No such week, run or plan version."),
        422: json_body(ref("Problems"), "Every problem of the body, each at its JSON path."),
    }
    return {str(code): described[code] for code in codes}


def operation(summary: str, description: str, responses: dict[str, Any],
              body: dict[str, Any] | None = None, parameters: list | None = None,
              secured: bool = True) -> dict[str, Any]:
    described: dict[str, Any] = {"summary": summary, "description": description,
                                 "responses": responses}
    if secured:
        described["security"] = BEARER
    if body is not None:
        described["requestBody"] = {"required": True, **body}
    if parameters:
        described["parameters"] = parameters
    return described


def path_id(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "integer", "minimum": 1}}


RUN_ID = path_id("run_id", "The id of the solve, as POST /runs answered.")


def openapi_document(server: str) -> dict[str, Any]:
    """The description, with `server` as the API's base URL."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Pooling API",
            "version": "1",
            "description": (
                "Weekly rotas for networks of tiers-lieux. Import a scenario (format "
                "pooling-scenario/1), start a solve of a network-week, poll it, fetch the plan "
                "(format pooling-plan/1). Tokens belong to coordinators: create one with "
                "`pooling create-token EMAIL` or on the API tokens page. Problems are in French "
                "or English: `?lang=fr|en` or Accept-Language."),
        },
        "servers": [{"url": server}],
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Scenario": format_schema("scenario-v1"),
                "Plan": format_schema("plan-v1"),
                "Error": {"type": "object", "required": ["error"], "properties": {
                    "error": {"type": "string", "description": "What went wrong, translated."},
                    "message_id": {"type": "string"}, "params": {"type": "object"}}},
                "Problems": {"type": "object", "required": ["problems"], "properties": {
                    "error": {"type": "string"},
                    "problems": {"type": "array", "items": {
                        "type": "object", "required": ["where", "message"], "properties": {
                            "where": {"type": "string",
                                      "description": "JSON path, e.g. $.needs[3].start"},
                            "message": {"type": "string", "description": "What to fix."},
                            "message_id": {"type": "string"},
                            "params": {"type": "object"}}}}}},
                "WeekSummary": {"type": "object", "properties": {
                    "network": {"type": "string"}, "week_start": {"type": "string",
                                                                  "format": "date"},
                    "days": {"type": "integer"}, "sites": {"type": "integer"},
                    "facilitators": {"type": "integer"}, "rooms": {"type": "integer"},
                    "equipment": {"type": "integer"}, "needs": {"type": "integer"},
                    "needs_by_priority": {"type": "object"},
                    "need_minutes": {"type": "integer"}}},
                "Networks": {"type": "object", "required": ["networks"], "properties": {
                    "networks": {"type": "array", "items": {"type": "object", "properties": {
                        "name": {"type": "string"},
                        "weeks": {"type": "array", "items": {"type": "object", "properties": {
                            "week_start": {"type": "string", "format": "date"},
                            "days": {"type": "integer"}, "needs": {"type": "integer"},
                            "plan_versions": {"type": "array",
                                              "items": ref("PlanVersion")}}}}}}}}},
                "PlanVersion": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "number": {"type": "integer"},
                    "status": {"enum": ["draft", "published"]},
                    "created_at": {"type": "string", "format": "date-time"},
                    "published_at": {"type": ["string", "null"], "format": "date-time"},
                    "solver_status": {"enum": ["optimal", "feasible", "unknown"]},
                    "met_needs": {"type": "integer"}, "unmet_needs": {"type": "integer"}}},
                "RunRequest": {
                    "type": "object", "required": ["network", "week_start"],
                    "additionalProperties": False, "properties": {
                        "network": {"type": "string"},
                        "week_start": {"type": "string", "format": "date"},
                        "time_limit": {"type": "number", "minimum": 1, "maximum": 600,
                                       "default": 30},
                        "keep_pins": {"type": "boolean", "default": True},
                        "method": {"enum": ["cpsat", "greedy"], "default": "cpsat"},
                        "language": {"enum": ["fr", "en"],
                                     "description": "Of the reasons and errors the run "
                                                    "writes (default: the account's)."}}},
                "Run": {"type": "object", "required": ["id", "status"], "properties": {
                    "id": {"type": "integer"}, "network": {"type": "string"},
                    "week_start": {"type": "string", "format": "date"},
                    "status": {"enum": ["queued", "running", "done", "failed", "cancelled"]},
                    "finished": {"type": "boolean"}, "cancel_requested": {"type": "boolean"},
                    "elapsed": {"type": "number"}, "time_limit": {"type": ["number", "null"]},
                    "progress": {"type": "array", "items": {"type": "object", "properties": {
                        "elapsed": {"type": "number"}, "objective": {"type": ["number", "null"]},
                        "bound": {"type": ["number", "null"]}, "met": {"type": "integer"},
                        "total": {"type": "integer"}, "coverage": {"type": "number"}}}},
                    "plan_version": {"type": ["integer", "null"],
                                     "description": "The draft saved when done: GET "
                                                    "/plans/{plan_version}."},
                    "error": {"type": ["string", "null"]}}},
            },
        },
        "paths": {
            "/openapi.json": {"get": operation(
                "This description", "The OpenAPI 3.1 description of the API (no token needed).",
                {"200": json_body({"type": "object"}, "The description.")}, secured=False)},
            "/networks": {"get": operation(
                "Networks and weeks",
                "The networks the token's coordinator covers, their stored weeks and plan "
                "versions.",
                {"200": json_body(ref("Networks"), "The networks."), **errors(401, 403)})},
            "/scenarios": {"post": operation(
                "Import a scenario",
                "Store a format-v1 scenario as its network's week (the network's resources "
                "and the week's needs are replaced, in one transaction). Nothing is stored when "
                "any problem is found.",
                {"201": json_body(ref("WeekSummary"), "The week as stored."),
                 **errors(401, 403, 422)},
                body=json_body(ref("Scenario"), "A scenario, format pooling-scenario/1."))},
            "/runs": {"post": operation(
                "Start a solve",
                "Queue a solve of a stored network-week; it runs in the background. Poll "
                "GET /runs/{run_id} (the Location header) until `finished`.",
                {"202": json_body(ref("Run"), "The queued run."), **errors(401, 403, 404, 422)},
                body=json_body(ref("RunRequest"), "Which week, and the solve's options."))},
            "/runs/{run_id}": {"get": operation(
                "Poll a solve", "The run's status and the progress events so far.",
                {"200": json_body(ref("Run"), "The run."), **errors(401, 403, 404)},
                parameters=[RUN_ID])},
            "/runs/{run_id}/cancel": {"post": operation(
                "Cancel a solve",
                "A queued run never starts; a running one stops at its next progress report.",
                {"200": json_body(ref("Run"), "The run."), **errors(401, 403, 404)},
                parameters=[RUN_ID])},
            "/plans/{version_id}": {"get": operation(
                "Fetch a plan", "A plan version exactly as stored, format pooling-plan/1.",
                {"200": json_body(ref("Plan"), "The plan."), **errors(401, 403, 404)},
                parameters=[path_id("version_id", "The plan version's id (from /networks or "
                                                  "a finished run).")])},
        },
    }
