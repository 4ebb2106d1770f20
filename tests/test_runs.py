"""Background solves: queued, running with progress on the row, then done, failed or cancelled;
the coordinator's pins and the published plan are carried into the next draft."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factories import make_plan
from pooling import runs
from pooling.db.models import PlanRun, PlanVersion
from pooling.errors import InvalidInput, Problem
from pooling.interchange import plan_from_dict
from pooling.pins import plan_pins, with_pins
from pooling.runs import (RunCancelled, UnknownRun, cancel_run, execute_run, get_run,
                          request_run, run_status, week_runs)
from pooling.store import UnknownWeek, import_scenario, latest_plan, publish_plan, save_plan
from scenarios.demo import demo_scenario
from solver import Progress

DEMO = demo_scenario()
NETWORK, WEEK = DEMO.network.name, DEMO.network.week_start


@pytest.fixture(params=[
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgresql", marks=pytest.mark.postgres),
])
def both_databases(request) -> str:
    """For the tests whose threads and row updates could behave apart on each database."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def db_url(request, sqlite_url) -> str:
    """SQLite, unless the test asks for `both_databases` (keeps the file fast)."""
    if "both_databases" in request.fixturenames:
        return request.getfixturevalue("both_databases")
    return sqlite_url


@pytest.fixture
def demo(session):
    import_scenario(session, DEMO)
    return session


def found(met: int, elapsed: float = 0.1) -> Progress:
    return Progress(elapsed, "greedy", 12.5, None, (met, 0, 0, 0), (10, 0, 0, 0))


def fake_solver(monkeypatch, behaviour):
    """Replace the solve with `behaviour(scenario, **options) -> Plan`; the calls are kept."""
    calls = []

    def solve(scenario, **options):
        calls.append((scenario, options))
        return behaviour(scenario, **options)
    monkeypatch.setattr(runs, "solve_scenario", solve)
    return calls


def greedy_run(session, engine, **options) -> PlanRun:
    run = request_run(session, NETWORK, WEEK, method="greedy", time_limit=5, **options)
    execute_run(engine, run.id)
    return get_run(session, run.id)


def test_a_run_goes_from_queued_to_done_with_a_draft_and_its_progress(both_databases, demo,
                                                                      engine):
    run = request_run(demo, NETWORK, WEEK, method="greedy", time_limit=5)
    assert (run.status, run.progress, run.plan_version_id) == ("queued", [], None)
    execute_run(engine, run.id)
    done = get_run(demo, run.id)
    assert done.status == "done" and done.error is None
    assert done.started_at <= done.finished_at
    version = demo.get(PlanVersion, done.plan_version_id)
    assert (version.number, version.status) == (1, "draft")
    assert done.progress[0]["phase"] == "greedy"
    assert done.progress[-1]["met"] == version.met_needs
    assert done.progress[-1]["total"] == len(DEMO.needs)
    status = run_status(demo, run.id)
    assert status["finished"] and status["plan_version"] == version.id


def test_bad_options_are_all_reported_and_nothing_is_queued(demo):
    with pytest.raises(InvalidInput) as refused:
        request_run(demo, NETWORK, WEEK, time_limit=0, method="simplex", language="de")
    assert [p.where for p in refused.value.problems] == ["time_limit", "method", "language"]
    assert demo.scalar(select(func.count(PlanRun.id))) == 0


def test_an_unknown_week_or_run_is_refused(demo):
    with pytest.raises(UnknownWeek):
        request_run(demo, NETWORK, date(2030, 1, 7))
    with pytest.raises(UnknownRun):
        get_run(demo, 999)
    with pytest.raises(UnknownRun):
        cancel_run(demo, 999)


def test_a_cancelled_queued_run_never_starts(demo, engine):
    run = request_run(demo, NETWORK, WEEK)
    assert cancel_run(demo, run.id).status == "cancelled"
    execute_run(engine, run.id)
    assert get_run(demo, run.id).status == "cancelled"
    assert demo.scalar(select(func.count(PlanVersion.id))) == 0


def test_a_running_solve_stops_at_its_next_progress_report(both_databases, demo, engine,
                                                           monkeypatch):
    monkeypatch.setattr(runs, "PROGRESS_INTERVAL", 0.0)
    run_id = request_run(demo, NETWORK, WEEK).id

    def cancelled_midway(scenario, progress, **options):
        progress(found(3))
        with Session(engine) as other:
            cancel_run(other, run_id)
        progress(found(5))
        raise AssertionError("the solve should have stopped")
    fake_solver(monkeypatch, cancelled_midway)
    execute_run(engine, run_id)
    run = get_run(demo, run_id)
    assert run.status == "cancelled" and run.plan_version_id is None
    assert [event["met"] for event in run.progress] == [3, 5]
    assert demo.scalar(select(func.count(PlanVersion.id))) == 0


def test_progress_log_raises_when_the_row_asks_to_cancel(demo, engine):
    run = request_run(demo, NETWORK, WEEK)
    with Session(engine) as worker:
        row = worker.get(PlanRun, run.id)
        row.status, row.cancel_requested = "running", True
        worker.commit()
        with pytest.raises(RunCancelled):
            runs.ProgressLog(worker, row)(found(4, elapsed=1.25))
    assert get_run(demo, run.id).progress == [
        {"elapsed": 1.25, "phase": "greedy", "objective": 12.5, "bound": None, "met": 4,
         "total": 10, "coverage": 0.4}]


def test_a_failing_solve_is_marked_failed_with_the_reason_in_french(demo, engine, monkeypatch):
    def conflict(scenario, **options):
        raise InvalidInput([Problem("$.needs[0].pinned",
                                    "Unknown method {method}: use cpsat or greedy.",
                                    {"method": "N1, N2"})])
    fake_solver(monkeypatch, conflict)
    run = request_run(demo, NETWORK, WEEK, language="fr")
    execute_run(engine, run.id)
    failed = get_run(demo, run.id)
    assert failed.status == "failed"
    assert failed.error.startswith("$.needs[0].pinned: ")
    assert failed.error.endswith("Méthode inconnue N1, N2 : utilisez cpsat ou greedy.")


def test_an_unexpected_error_still_ends_the_run(demo, engine, monkeypatch):
    def crash(scenario, **options):
        raise ZeroDivisionError("boom")
    fake_solver(monkeypatch, crash)
    run = request_run(demo, NETWORK, WEEK, language="en")
    execute_run(engine, run.id)
    failed = get_run(demo, run.id)
    assert failed.status == "failed" and "ZeroDivisionError: boom" in failed.error


def test_replanning_after_publication_passes_the_published_plan(demo, engine, monkeypatch):
    published = make_plan(assignments=[], unmet=[], extra={"mark": "published"})
    version = save_plan(demo, NETWORK, WEEK, DEMO, published)
    publish_plan(demo, version.id)
    calls = fake_solver(monkeypatch, lambda scenario, **options: make_plan())
    greedy_run(demo, engine)
    assert calls[0][1]["previous"].extra == {"mark": "published"}


def test_the_coordinators_pins_are_kept_by_a_resolve(demo, engine, monkeypatch):
    need = DEMO.needs[0]
    pin = {"facilitators": ["F-camille"], "date": need.date.isoformat()}
    save_plan(demo, NETWORK, WEEK, DEMO, with_pins(make_plan(), {need.id: pin}))
    calls = fake_solver(monkeypatch, lambda scenario, **options: make_plan())
    kept = greedy_run(demo, engine)
    solved = calls[0][0]
    assert solved.needs[0].pinned.facilitators == ("F-camille",)
    saved = demo.get(PlanVersion, kept.plan_version_id)
    assert saved.scenario["needs"][0].get("pinned") is None, "the declared scenario is saved"
    assert plan_pins(plan_from_dict(saved.plan)) == {need.id: pin}
    dropped = greedy_run(demo, engine, keep_pins=False)
    assert calls[1][0].needs[0].pinned is None
    assert plan_pins(plan_from_dict(demo.get(PlanVersion, dropped.plan_version_id).plan)) == {}


def test_week_runs_lists_the_newest_first(demo, engine):
    first = request_run(demo, NETWORK, WEEK).id
    second = request_run(demo, NETWORK, WEEK).id
    assert [run.id for run in week_runs(demo, NETWORK, WEEK)] == [second, first]
    assert latest_plan(demo, NETWORK, WEEK) is None
