"""Solves of a network-week that run outside the web request, tracked as `PlanRun` rows.

`request_run` queues a run; a worker calls `execute_run` with an engine (it opens its own
session): the row says when it started, lists each better plan found as a progress event,
and ends `done` (linked to the new draft version), `failed` (with the error in the requester's
language) or `cancelled`. Cancelling is a flag on the row that the solve reads each time it
reports progress, so state lives in the database, not in the worker.

A run solves the week as stored now. When the week has a published plan it is passed as
`previous`, so that the draft changes as few published assignments as possible; with
`keep_pins` the pins the coordinator set on the week's latest version are kept (`pooling.pins`).
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from pooling.db.errors import StoreError
from pooling.db.models import PlanningWeek, PlanRun
from pooling.domain import Plan
from pooling.errors import InvalidInput, Problem
from pooling.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, translate
from pooling.pins import pinned_scenario, plan_pins, with_pins
from pooling.planning import solve_scenario
from pooling.interchange import plan_from_dict
from pooling.store import export_scenario, latest_plan, one_transaction, save_plan, stored_week
from solver import Progress

__all__ = ["METHODS", "MAX_TIME_LIMIT", "RunCancelled", "UnknownRun", "cancel_run",
           "execute_run", "get_run", "request_run", "run_status", "week_runs"]

log = logging.getLogger(__name__)

METHODS = ("cpsat", "greedy")
MAX_TIME_LIMIT = 600.0
"""Ten minutes: a longer solve is a batch job for the command line, not a web request."""
PROGRESS_INTERVAL = 0.5
"""Seconds between two writes of progress to the row (and two looks at the cancel flag)."""
FINISHED = ("done", "failed", "cancelled")


class UnknownRun(StoreError):
    def __init__(self, run_id: int):
        super().__init__(N_("No solve has the id {run_id}."), run_id=run_id)


class RunCancelled(Exception):
    """Raised from the progress callback to stop a solve whose run was cancelled."""


def now() -> datetime:
    return datetime.now(timezone.utc)


# --- asking for a run ------------------------------------------------------------------------


def run_option_problems(time_limit: Any, method: str, language: str) -> list[Problem]:
    problems = []
    if not isinstance(time_limit, (int, float)) or not 1 <= time_limit <= MAX_TIME_LIMIT:
        problems.append(Problem("time_limit", N_("Give a time limit between 1 and {max} "
                                                 "seconds."), {"max": int(MAX_TIME_LIMIT)}))
    if method not in METHODS:
        problems.append(Problem("method", N_("Unknown method {method}: use cpsat or greedy."),
                                {"method": method}))
    if language not in LANGUAGES:
        problems.append(Problem("language", N_("Unknown language {code}: use fr or en."),
                                {"code": language}))
    return problems


def request_run(session: Session, network_name: str, week_start: date, *,
                requested_by: int | None = None, time_limit: float = 30.0,
                keep_pins: bool = True, method: str = "cpsat",
                language: str = DEFAULT_LANGUAGE) -> PlanRun:
    """Queue a solve of the stored week; a worker then runs it with `execute_run`.

    `requested_by` is the user id of the person asking; `language` the language of the
    reasons and error the run will write. Raises `InvalidInput` for bad options and
    `UnknownWeek` for a week that is not stored.
    """
    problems = run_option_problems(time_limit, method, language)
    if problems:
        raise InvalidInput(problems)
    with one_transaction(session):
        week = stored_week(session, network_name, week_start)
        run = PlanRun(week=week, requested_by=requested_by, status="queued",
                      options={"time_limit": float(time_limit), "keep_pins": bool(keep_pins),
                               "method": method, "language": language},
                      progress=[], cancel_requested=False, created_at=now())
        session.add(run)
    return run


def get_run(session: Session, run_id: int) -> PlanRun:
    """The run with its week and network loaded; `UnknownRun` when there is none."""
    with one_transaction(session):
        run = session.scalar(select(PlanRun).where(PlanRun.id == run_id).options(
            selectinload(PlanRun.week).selectinload(PlanningWeek.network)))
        if run is None:
            raise UnknownRun(run_id)
        return run


def run_status(session: Session, run_id: int) -> dict[str, Any]:
    """What a progress page or the API shows of a run, JSON-ready."""
    run = get_run(session, run_id)
    return {
        "id": run.id,
        "network": run.week.network.name,
        "week_start": run.week.week_start.isoformat(),
        "status": run.status,
        "finished": run.status in FINISHED,
        "cancel_requested": run.cancel_requested,
        "options": run.options,
        "created_at": run.created_at.isoformat(),
        "started_at": run.started_at.isoformat() if run.started_at else None,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "elapsed": run_seconds(run),
        "time_limit": (run.options or {}).get("time_limit"),
        "progress": run.progress,
        "plan_version": run.plan_version_id,
        "error": run.error,
    }


def run_seconds(run: PlanRun) -> float:
    """Seconds the run has been solving (until it finished); 0 before it starts."""
    if run.started_at is None:
        return 0.0
    return round(((run.finished_at or now()) - run.started_at).total_seconds(), 1)


def week_runs(session: Session, network_name: str, week_start: date,
              limit: int = 10) -> list[PlanRun]:
    """The week's latest runs, newest first."""
    with one_transaction(session):
        week = stored_week(session, network_name, week_start)
        return list(session.scalars(select(PlanRun).where(PlanRun.week_id == week.id)
                                    .order_by(PlanRun.id.desc()).limit(limit)))


def cancel_run(session: Session, run_id: int) -> PlanRun:
    """Stop a run: a queued one never starts, a running one stops at its next progress report.

    A finished run stays as it is.
    """
    with one_transaction(session):
        run = session.get(PlanRun, run_id)
        if run is None:
            raise UnknownRun(run_id)
        if run.status == "queued":
            run.status, run.finished_at = "cancelled", now()
        elif run.status == "running":
            run.cancel_requested = True
    return run


# --- running it ------------------------------------------------------------------------------


class ProgressLog:
    """Appends each better plan to the run's row, at most every `PROGRESS_INTERVAL` seconds,
    and stops the solve when the row says it was cancelled."""

    def __init__(self, session: Session, run: PlanRun):
        self.session = session
        self.run = run
        self.pending: list[dict[str, Any]] = []
        self.written_at = 0.0

    def __call__(self, progress: Progress) -> None:
        self.pending.append(progress_event(progress))
        if time.monotonic() - self.written_at >= PROGRESS_INTERVAL:
            self.flush()
            if self.run.cancel_requested:
                raise RunCancelled()

    def flush(self) -> None:
        """Write the pending events (the row is read again after the commit, flag included)."""
        if self.pending:
            self.run.progress = [*self.run.progress, *self.pending]
            self.pending = []
        self.session.commit()
        self.written_at = time.monotonic()


def progress_event(progress: Progress) -> dict[str, Any]:
    return {"elapsed": round(progress.elapsed, 3), "phase": progress.phase,
            "objective": progress.objective, "bound": progress.bound,
            "met": progress.met, "total": progress.total,
            "coverage": progress.met / progress.total if progress.total else 1.0}


def execute_run(engine: Engine, run_id: int) -> None:
    """Run a queued solve to its end in the calling thread (see the module's description).

    Never raises for what the run itself meets: a bad scenario, a conflict of pins or an
    unexpected error marks the run failed with the reason, so no run stays `running`.
    """
    with Session(engine) as session:
        run = session.get(PlanRun, run_id)
        if run is None or run.status != "queued":
            return
        run.status, run.started_at = "running", now()
        session.commit()
        options = dict(run.options or {})
        language = options.get("language", DEFAULT_LANGUAGE)
        progress = ProgressLog(session, run)
        try:
            version_id = solve_run(session, run.week.network.name, run.week.week_start,
                                   options, progress)
        except RunCancelled:
            session.rollback()
            finish(session, run, "cancelled")
        except InvalidInput as invalid:
            session.rollback()
            finish(session, run, "failed", error=invalid.render(language))
        except StoreError as refusal:
            session.rollback()
            finish(session, run, "failed", error=refusal.text(language))
        except Exception as error:  # a worker must record every failure, whatever it is
            log.exception("solve %s failed", run_id)
            session.rollback()
            finish(session, run, "failed", error=translate(
                N_("The solve stopped on an unexpected error: {error}"), language,
                error=f"{type(error).__name__}: {error}"))
        else:
            progress.flush()
            finish(session, run, "done", version_id=version_id)


def solve_run(session: Session, network_name: str, week_start: date, options: dict[str, Any],
              progress: ProgressLog) -> int:
    """Solve the week (previous published plan, recorded pins) and save the draft; its id."""
    scenario = export_scenario(session, network_name, week_start)
    latest = latest_plan(session, network_name, week_start)
    published = latest_plan(session, network_name, week_start, published_only=True)
    keep = latest is not None and options.get("keep_pins", True)
    pins = plan_pins(plan_from_dict(latest.plan)) if keep else {}
    to_solve, dropped = pinned_scenario(scenario, pins) if pins else (scenario, [])
    plan: Plan = solve_scenario(
        to_solve, method=options.get("method", "cpsat"),
        time_limit=options.get("time_limit", 30.0),
        previous=plan_from_dict(published.plan) if published is not None else None,
        progress=progress, language=options.get("language", DEFAULT_LANGUAGE))
    kept = {need: pin for need, pin in pins.items() if need not in dropped}
    version = save_plan(session, network_name, week_start, scenario, with_pins(plan, kept))
    return version.id


def finish(session: Session, run: PlanRun, status: str, *, error: str | None = None,
           version_id: int | None = None) -> None:
    with one_transaction(session):
        run.status, run.finished_at, run.error = status, now(), error
        run.plan_version_id = version_id
