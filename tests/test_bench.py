"""The bench commands (not timed here: their figures are measured by hand, `docs/benchmarks.md`):
the instance list they read, the tables they write, the curves they draw."""

import pytest
from click.testing import CliRunner
from test_curtois import needs_files

from pooling.bench_curtois import markdown_row, markdown_table, parse_numbers
from pooling.bench_scale import markdown_table as scale_table
from pooling.bench_scale import plot_scale
from pooling.cli import main
from pooling.errors import InvalidInput


def run(*args: str):
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)


def test_instance_lists_read_ranges_and_numbers_in_order_without_repeats():
    assert parse_numbers("1-3, 7,2, 22-24") == (1, 2, 3, 7, 22, 23, 24)


def test_every_wrong_piece_of_an_instance_list_is_reported_at_once():
    with pytest.raises(InvalidInput) as error:
        parse_numbers("0, 3-1, 5, x, 25")
    assert [p.params["piece"] for p in error.value.problems] == ["0", "3-1", "x", "25"]
    assert {p.where for p in error.value.problems} == {"--instances"}


def row(**changes):
    base = {"instance": 9, "days": 28, "staff": 36, "shifts": 4, "status": "FEASIBLE",
            "feasible": True, "penalty": 450, "objective": 450.0, "bound": 300.0,
            "first_s": 1.25, "best_s": 40.0, "wall_s": 60.0, "peak_memory_mb": 210.4}
    return base | changes


def test_a_curtois_row_puts_the_penalty_beside_the_best_known_and_published_figures():
    assert markdown_row(row()) == (
        "| 9 | 28 x 36 x 4 | FEASIBLE | 450 | 439 | 2.5 | 1.2 | 40.0 | 210 | 439 | 439 |")


def test_an_infeasible_roster_has_no_penalty_and_no_gap():
    line = markdown_row(row(feasible=False, penalty=None))
    assert "| INFEASIBLE | - | 439 | - |" in line


def test_the_curtois_table_has_a_header_and_one_row_per_instance():
    lines = markdown_table([row(), row(instance=1, penalty=607)]).splitlines()
    assert len(lines) == 4
    assert lines[0].count("|") == lines[1].count("|") == lines[2].count("|")


@needs_files
def test_bench_curtois_writes_the_table_with_its_machine_and_command(tmp_path):
    out = tmp_path / "table.md"
    result = run("bench", "curtois", "--instances", "1", "--time-limit", "20", "--workers", "1",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "command `pooling bench curtois --instances 1 --time-limit 20 --seed 1 --workers 1`" \
        in text
    assert "| 1 | 14 x 8 x 1 | optimal | 607 | 607 | 0.0 |" in text


def test_bench_curtois_refuses_a_wrong_instance_list_naming_it():
    result = CliRunner().invoke(main, ["--lang", "en", "bench", "curtois", "--instances", "30"])
    assert result.exit_code != 0
    assert "30 is not an instance number" in result.output


def scale_row(sites, needs, met, gap):
    return {"sites": sites, "load": 1.0, "needs": needs, "coverable": needs, "met": met,
            "first_plan_s": 0.5, "full_coverage_s": 2.0 if met == needs else None,
            "gap": gap, "peak_memory_mb": 120.0, "greedy_met": met - 1, "greedy_s": 0.1}


def test_the_scale_curves_are_drawn_as_a_png(tmp_path):
    path = tmp_path / "scale.png"
    rows = [scale_row(6, 20, 20, 0.0), scale_row(30, 120, 118, None)]
    plot_scale(rows, path, 60.0)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = scale_table(rows).splitlines()
    assert table[2].startswith("| 6 sites | 20 | 20 | 20 | 0.5 | 2.0 | 0.0 | 120 | 19 |")
    assert "| 30 sites | 120 | 120 | 118 | 0.5 | - | - |" in table[3]
