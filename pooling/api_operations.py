"""What the JSON API does for a coordinator's token, in format v1: list the weeks, import a
scenario, read a plan version. Solves go through `pooling.runs`.

Every operation checks that the account coordinates the network it touches; another network
raises `NotYourNetwork` (the API answers 403), so a token never reads what its person could not.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pooling.accounts import Account
from pooling.db.errors import StoreError, UnknownPlanVersion
from pooling.db.models import PlanningWeek, PlanRun, PlanVersion
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.interchange import read_scenario_json
from pooling.runs import cancel_run, request_run, run_option_problems, run_status
from pooling.store import import_scenario, list_weeks, network_summary, one_transaction

__all__ = ["MISSING_TOKEN", "NOT_A_COORDINATOR", "NOT_JSON", "PROBLEM_COUNT", "NotYourNetwork",
           "cancel_run_of", "check_coordinates", "import_scenario_document", "network_weeks",
           "plan_document", "plan_version_of", "run_of", "start_run_request", "version_summary"]

MISSING_TOKEN = N_("Send a valid API token: Authorization: Bearer <token>.")
NOT_A_COORDINATOR = N_("The API is for coordinators' tokens.")
PROBLEM_COUNT = N_("The request has {count} problem(s).")
NOT_JSON = N_("the body is not JSON: {error}")

RUN_FIELDS = ("network", "week_start", "time_limit", "keep_pins", "method", "language")


class NotYourNetwork(StoreError):
    def __init__(self, network: str):
        super().__init__(N_("You do not coordinate the network {network}."), network=network)


def check_coordinates(account: Account, network: str) -> None:
    if account.role != "coordinator" or not account.covers_network(network):
        raise NotYourNetwork(network)


def version_summary(version: PlanVersion) -> dict[str, Any]:
    """A plan version without its plan: what lists of versions show."""
    return {"id": version.id, "number": version.number, "status": version.status,
            "created_at": version.created_at.isoformat(),
            "published_at": version.published_at.isoformat() if version.published_at else None,
            "solver_status": version.solver_status, "met_needs": version.met_needs,
            "unmet_needs": version.unmet_needs}


def network_weeks(session: Session, account: Account) -> list[dict[str, Any]]:
    """Every network the account coordinates, with its stored weeks and their plan versions."""
    weeks = [week for week in list_weeks(session) if account.covers_network(week.network)]
    with one_transaction(session):
        versions = session.scalars(select(PlanVersion).options(
            selectinload(PlanVersion.week).selectinload(PlanningWeek.network))
            .order_by(PlanVersion.number)).all()
        by_week: dict[tuple[str, date], list[dict[str, Any]]] = {}
        for version in versions:
            key = (version.week.network.name, version.week.week_start)
            by_week.setdefault(key, []).append(version_summary(version))
    networks: dict[str, list[dict[str, Any]]] = {}
    for week in weeks:
        networks.setdefault(week.network, []).append({
            "week_start": week.week_start.isoformat(), "days": week.days, "needs": week.needs,
            "plan_versions": by_week.get((week.network, week.week_start), [])})
    return [{"name": name, "weeks": items} for name, items in networks.items()]


def import_scenario_document(session: Session, account: Account,
                             body: IO[bytes]) -> dict[str, Any]:
    """Read a format-v1 scenario (JSON bytes) and store it as its network's week.

    Raises `InvalidInput` with every problem at its JSON path (nothing stored), or
    `NotYourNetwork` for a network the account does not coordinate."""
    scenario = read_scenario_json(body)
    check_coordinates(account, scenario.network.name)
    import_scenario(session, scenario)
    return network_summary(session, scenario.network.name, scenario.network.week_start)


def plan_version_of(session: Session, account: Account, version_id: int) -> PlanVersion:
    """A plan version of a network the account coordinates."""
    with one_transaction(session):
        version = session.scalar(select(PlanVersion).where(PlanVersion.id == version_id)
                                 .options(selectinload(PlanVersion.week)
                                          .selectinload(PlanningWeek.network)))
        if version is None:
            raise UnknownPlanVersion(version_id)
        check_coordinates(account, version.week.network.name)
        return version


def plan_document(session: Session, account: Account, version_id: int) -> dict[str, Any]:
    """The stored plan of a version, exactly as saved (format v1)."""
    return plan_version_of(session, account, version_id).plan


# --- solves ----------------------------------------------------------------------------------


def start_run_request(session: Session, account: Account, body: Any) -> PlanRun:
    """Queue a solve from the JSON body `{"network", "week_start", "time_limit"?,
    "keep_pins"?, "method"?, "language"?}`; problems at their JSON path."""
    problems = run_body_problems(body)
    options = {"time_limit": 30.0, "keep_pins": True, "method": "cpsat",
               "language": account.language}
    if isinstance(body, dict):
        options |= {key: body[key] for key in options if key in body}
        problems += [replace(p, where=f"$.{p.where}") for p in run_option_problems(
            options["time_limit"], options["method"], options["language"])]
    if problems:
        raise InvalidInput(problems)
    check_coordinates(account, body["network"])
    return request_run(session, body["network"], date.fromisoformat(body["week_start"]),
                       requested_by=account.id, **options)


def run_body_problems(body: Any) -> list[Problem]:
    if not isinstance(body, dict):
        return [Problem("$", N_("send a JSON object with network and week_start"))]
    problems = [Problem(f"$.{key}", N_("unknown field {field}: the fields are {fields}"),
                        {"field": key, "fields": ", ".join(RUN_FIELDS)})
                for key in body if key not in RUN_FIELDS]
    if not isinstance(body.get("network"), str) or not body["network"]:
        problems.append(Problem("$.network", N_("give the network's name")))
    try:
        date.fromisoformat(body.get("week_start") if isinstance(body.get("week_start"), str)
                           else "")
    except ValueError:
        problems.append(Problem("$.week_start", N_("give the week's first day as YYYY-MM-DD")))
    if "keep_pins" in body and not isinstance(body["keep_pins"], bool):
        problems.append(Problem("$.keep_pins", N_("write true or false")))
    return problems


def run_of(session: Session, account: Account, run_id: int) -> dict[str, Any]:
    """The run's status and progress (`pooling.runs.run_status`), if the account may see it."""
    status = run_status(session, run_id)
    check_coordinates(account, status["network"])
    return status


def cancel_run_of(session: Session, account: Account, run_id: int) -> dict[str, Any]:
    run_of(session, account, run_id)
    cancel_run(session, run_id)
    return run_status(session, run_id)
