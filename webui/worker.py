"""Runs queued solves outside the web request, in the embedded setup.

One background thread per application solves the queued runs one after the other (the machine's
cores go to the solver, not to several solves at once). With `SOLVE_INLINE` set (tests), a run
is solved in the request itself. Everything a page shows of a run is read from its database
row (`pooling.runs`), so the thread keeps no state of its own.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from flask import Flask, current_app

from pooling.runs import execute_run
from webui.database import engine

EXECUTOR_KEY = "pooling_solve_worker"


def start_run(run_id: int, app: Flask | None = None) -> None:
    """Have the run solved: now when `SOLVE_INLINE` is set, else by the worker thread."""
    app = app or current_app._get_current_object()
    if app.config.get("SOLVE_INLINE"):
        execute_run(engine(app), run_id)
        return
    executor = app.extensions.get(EXECUTOR_KEY)
    if executor is None:
        executor = app.extensions[EXECUTOR_KEY] = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="pooling-solve")
    executor.submit(execute_run, engine(app), run_id)
