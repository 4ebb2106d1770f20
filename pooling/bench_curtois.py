"""Benchmark of the engine on the Curtois & Qu instances 1-24 (not a test: it times).

Each instance is imported into a scenario (`scenarios.curtois`), solved by the product's own
engine in a fresh child process, and its roster judged by the instance's own checker
(`scenarios.curtois_check`), independently of the engine and the referee. The table puts the
penalty found beside the best known solution and IP&VNS's published 10- and 60-minute
figures (`scenarios.curtois_results`).
"""

from __future__ import annotations

import os
import platform
import time
from datetime import date
from importlib.metadata import version
from typing import Any

from pooling.bench import in_child, peak_memory_mb
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.planning import solve_scenario
from scenarios.curtois import scenario_from_instance
from scenarios.curtois_check import check_imported_plan
from scenarios.curtois_instances import INSTANCE_NUMBERS, instance_path, read_instance
from scenarios.curtois_results import PUBLISHED


def parse_numbers(text: str) -> tuple[int, ...]:
    """`1-7,9,12-24` -> the instance numbers, in order; every wrong piece reported at once."""
    numbers: list[int] = []
    problems = []
    for piece in (part.strip() for part in text.split(",")):
        first, dash, last = piece.partition("-")
        try:
            low, high = int(first), int(last if dash else first)
        except ValueError:
            low = high = 0
        if not (low in INSTANCE_NUMBERS and high in INSTANCE_NUMBERS and low <= high):
            problems.append(Problem("--instances", N_(
                "{piece} is not an instance number or range of 1 to 24 (such as 1-7 or 12)"),
                {"piece": piece}))
            continue
        numbers += [n for n in range(low, high + 1) if n not in numbers]
    if problems:
        raise InvalidInput(problems)
    return tuple(numbers)


def solve_instance(number: int, time_limit: float, workers: int | None,
                   seed: int) -> dict[str, Any]:
    """One instance: imported, solved, judged by its own checker; times from the scenario. A
    refusal of the engine is a row of its own, so that the other instances still run."""
    instance = read_instance(instance_path(number))
    scenario = scenario_from_instance(instance)
    history: list[tuple[float, float]] = []
    started = time.monotonic()
    size = {"instance": number, "days": instance.horizon, "staff": len(instance.employees),
            "shifts": len(instance.shifts)}
    try:
        plan = solve_scenario(scenario, time_limit=time_limit, workers=workers, seed=seed,
                              progress=lambda p: history.append((time.monotonic() - started,
                                                                 p.objective)))
    except InvalidInput as refused:
        return size | {"status": "refused", "feasible": False, "penalty": None,
                       "objective": None, "bound": None, "first_s": None, "best_s": None,
                       "wall_s": time.monotonic() - started, "peak_memory_mb": peak_memory_mb(),
                       "error": refused.render()}
    wall = time.monotonic() - started
    verdict = check_imported_plan(instance, plan)
    final = plan.objective
    return size | {
        "status": plan.status,
        "feasible": verdict.feasible, "penalty": verdict.penalty if verdict.feasible else None,
        "objective": final, "bound": plan.bound,
        "first_s": history[0][0] if history else None,
        "best_s": next((t for t, objective in history if objective <= final), None),
        "wall_s": wall, "peak_memory_mb": peak_memory_mb(),
    }


def bench_curtois(numbers=INSTANCE_NUMBERS, time_limit: float = 60.0,
                  workers: int | None = None, seed: int = 1, report=None) -> list[dict]:
    """One row per instance, each solved in a child process; `report(row)` after each."""
    rows = []
    for number in numbers:
        row = in_child(solve_instance, number, time_limit, workers, seed)
        rows.append(row)
        if report is not None:
            report(row)
    return rows


def percent(found: int | None, best: int) -> str:
    return "-" if found is None else f"{100 * (found - best) / best:.1f}"


def figure(value: float | int | None, fmt: str = "{}") -> str:
    return "-" if value is None else fmt.format(value)


HEADER = ("| instance | days x staff x shifts | status | penalty | best known | gap % "
          "| first feasible s | best at s | peak MB | IP&VNS 10 min | IP&VNS 60 min |")


def markdown_row(row: dict[str, Any]) -> str:
    published = PUBLISHED[row["instance"]]
    best = f"{published.best_known}" + ("" if published.proven else
                                        f" (LB {published.lower_bound})")
    status = row["status"] if row["feasible"] or row["status"] == "refused" else "INFEASIBLE"
    return (f"| {row['instance']} | {row['days']} x {row['staff']} x {row['shifts']} "
            f"| {status} | {figure(row['penalty'])} | {best} "
            f"| {percent(row['penalty'], published.best_known)} "
            f"| {figure(row['first_s'], '{:.1f}')} | {figure(row['best_s'], '{:.1f}')} "
            f"| {figure(row['peak_memory_mb'], '{:.0f}')} "
            f"| {figure(published.ipvns_10min)} | {figure(published.ipvns_60min)} |")


def markdown_table(rows: list[dict[str, Any]]) -> str:
    separator = "|" + "---|" * (HEADER.count("|") - 1)
    return "\n".join([HEADER, separator, *(markdown_row(row) for row in rows)])


def machine_line(workers: int | None) -> str:
    """What the figures were measured on."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return (f"{date.today().isoformat()}, {platform.machine()} {os.cpu_count()} cores, "
            f"{memory:.0f} GiB, Python {platform.python_version()}, "
            f"OR-Tools {version('ortools')}, {workers or os.cpu_count()} workers")
