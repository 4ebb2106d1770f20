"""Scale curves of the engine on generated networks of growing size (not a test: it times).

Networks of 6, 30, 100 and 225 sites, and the 225-site one with twice the needs (and the
facilitators to serve them), each solved by the engine and by the first-fit baseline in a
child process (`pooling.bench`); the figures are drawn against the number of needs:
time to full coverage, gap at the time limit, peak memory, and coverage beside the baseline's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pooling.bench import in_child, solve_planted

NETWORKS = ((6, 1.0), (30, 1.0), (100, 1.0), (225, 1.0), (225, 2.0))
"""(sites, load) of each network on the curves."""


def bench_scale(networks=NETWORKS, time_limit: float = 60.0, workers: int | None = None,
                seed: int = 1, report=None) -> list[dict[str, Any]]:
    """One row per network: the engine's figures and the baseline's coverage beside them."""
    rows = []
    for sites, load in networks:
        engine = in_child(solve_planted, sites, seed, "cpsat", time_limit, workers, load)
        greedy = in_child(solve_planted, sites, seed, "greedy", time_limit, workers, load)
        engine |= {"load": load, "greedy_met": greedy["met"],
                   "greedy_travel_minutes": greedy["travel_minutes"],
                   "greedy_s": greedy["wall_s"]}
        rows.append(engine)
        if report is not None:
            report(engine)
    return rows


def label(row: dict[str, Any]) -> str:
    return f"{row['sites']} sites" + (f" x{row['load']:g}" if row["load"] != 1.0 else "")


def plot_scale(rows: list[dict[str, Any]], path: Path, time_limit: float) -> None:
    """Four panels against the number of needs, written as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    needs = [row["needs"] for row in rows]
    figure, axes = pyplot.subplots(2, 2, figsize=(11, 8))
    panels = (
        (axes[0][0], "time to full coverage (s)",
         [row["full_coverage_s"] if row["full_coverage_s"] is not None else float("nan")
          for row in rows], None),
        (axes[0][1], "gap at the time limit (%)",
         [100 * row["gap"] if row["gap"] is not None else float("nan") for row in rows], None),
        (axes[1][0], "peak memory (MB)", [row["peak_memory_mb"] for row in rows], None),
        (axes[1][1], "needs met (% of coverable)",
         [100 * row["met"] / row["coverable"] for row in rows],
         [100 * row["greedy_met"] / row["coverable"] for row in rows]),
    )
    for axis, title, engine, greedy in panels:
        axis.plot(needs, engine, "o-", label="CP-SAT engine")
        if greedy is not None:
            axis.plot(needs, greedy, "s--", label="first-fit baseline")
            axis.legend()
        axis.set_title(title)
        axis.set_xlabel("needs in the week")
        axis.set_xscale("log")
        axis.grid(True, alpha=0.3)
        for x, y, row in zip(needs, engine, rows):
            axis.annotate(label(row), (x, y), textcoords="offset points", xytext=(4, 4),
                          fontsize=7)
    figure.suptitle(f"Pooling engine on generated networks ({time_limit:g} s per network)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


COLUMNS = ("| network | needs | coverable | met | first plan s | full coverage s | gap % "
           "| peak MB | first-fit met | first-fit s |")


def cell(value, fmt: str = "{}") -> str:
    return "-" if value is None else fmt.format(value)


def markdown_table(rows: list[dict[str, Any]]) -> str:
    lines = [COLUMNS, "|" + "---|" * (COLUMNS.count("|") - 1)]
    for row in rows:
        gap = None if row["gap"] is None else 100 * row["gap"]
        lines.append(
            f"| {label(row)} | {row['needs']} | {row['coverable']} | {row['met']} "
            f"| {cell(row['first_plan_s'], '{:.1f}')} | {cell(row['full_coverage_s'], '{:.1f}')} "
            f"| {cell(gap, '{:.1f}')} | {row['peak_memory_mb']:.0f} | {row['greedy_met']} "
            f"| {row['greedy_s']:.1f} |")
    return "\n".join(lines)
