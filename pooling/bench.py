"""Benchmark of the engine on generated networks with a planted plan (not a test: it times).

Each solve runs in a fresh child process, which reports its own peak resident memory
(`ru_maxrss`, Python and OR-Tools included), so sizes do not share or hide memory. The
first-fit baseline runs the same way and is shown beside the engine.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from pooling.planning import solve_scenario
from pooling.referee import check_plan
from scenarios.generator import generate

SIZES = ("small", "medium", "large")


def solve_planted(size: str | int, seed: int, method: str, time_limit: float,
                  workers: int | None, load: float = 1.0) -> dict[str, Any]:
    """One solve of a generated network, timed from the scenario in memory to the plan."""
    scenario, _ = generate(size, seed, load)
    coverable = sum(1 for n in scenario.needs
                    if not (n.extra and "planted_impossible" in n.extra))
    history: list[tuple[float, int]] = []
    started = time.monotonic()
    plan = solve_scenario(scenario, method=method, time_limit=time_limit, workers=workers,
                          seed=seed,
                          progress=lambda p: history.append((time.monotonic() - started, p.met)))
    wall = time.monotonic() - started
    met = len(plan.assignments)
    gap = None
    if plan.bound is not None and plan.objective:
        gap = (plan.objective - plan.bound) / abs(plan.objective)
    return {
        "size": size, "seed": seed, "method": method, "sites": len(scenario.sites),
        "facilitators": len(scenario.facilitators), "needs": len(scenario.needs),
        "coverable": coverable, "met": met, "status": plan.status,
        "first_plan_s": history[0][0] if history else wall,
        "full_coverage_s": next((t for t, m in history if m >= coverable), None),
        "wall_s": wall, "objective": plan.objective, "bound": plan.bound, "gap": gap,
        "travel_minutes": plan.kpis["travel_minutes"],
        "valid": check_plan(scenario, plan).ok,
        "peak_memory_mb": peak_memory_mb(),
    }


def in_child(function, *args) -> dict[str, Any]:
    """`function(*args)` in a fresh interpreter, so that its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_planted(sizes=SIZES, time_limit: float = 60.0, workers: int | None = None,
                  seed: int = 1) -> list[dict[str, Any]]:
    """One row per size: the engine's figures, with the first-fit baseline's beside them."""
    rows = []
    for size in sizes:
        engine = in_child(solve_planted, size, seed, "cpsat", time_limit, workers)
        greedy = in_child(solve_planted, size, seed, "greedy", time_limit, workers)
        engine["greedy_met"] = greedy["met"]
        engine["greedy_travel_minutes"] = greedy["travel_minutes"]
        engine["greedy_s"] = greedy["wall_s"]
        rows.append(engine)
    return rows


COLUMNS = (
    ("size", "size", "{}"), ("needs", "needs", "{}"), ("coverable", "coverable", "{}"),
    ("met", "met", "{}"), ("first_plan_s", "first plan s", "{:.1f}"),
    ("full_coverage_s", "full cover s", "{:.1f}"), ("objective", "objective", "{:.0f}"),
    ("bound", "bound", "{:.0f}"), ("gap", "gap", "{:.1%}"), ("status", "status", "{}"),
    ("peak_memory_mb", "peak MB", "{:.0f}"), ("valid", "valid", "{}"),
    ("travel_minutes", "travel min", "{}"), ("greedy_met", "greedy met", "{}"),
    ("greedy_travel_minutes", "greedy travel", "{}"),
)


def cell(value: Any, fmt: str) -> str:
    return "-" if value is None else fmt.format(value)


def format_bench_table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table, one line per size ("-" where a figure does not exist)."""
    header = [title for _, title, _ in COLUMNS]
    lines = [[cell(row.get(key), fmt) for key, _, fmt in COLUMNS] for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines)]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(line, widths))
                     for line in [header, *lines])
