"""The `pooling` command as a coordinator uses it: import, export, validate, on a real database."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, text

from pooling.cli import main
from pooling.db import make_engine
from pooling.interchange import plan_to_dict, read_scenario_json, write_plan_json
from pooling.loading import load_scenario
from scenarios.demo import demo_scenario
from scenarios.generator import generate

DEMO_JSON = resources.files("scenarios") / "data" / "demo-network.json"


def run(*args: str):
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)


def row_counts(url: str) -> dict[str, int]:
    """Rows per table: the database's visible state."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
                    for table in inspect(connection).get_table_names()}
    finally:
        engine.dispose()


@pytest.mark.parametrize("suffix", ["json", "xlsx", "csv"])
def test_demo_network_comes_back_equal_after_import_and_export(db_url, tmp_path, suffix):
    imported = run("import", str(DEMO_JSON), "--database", db_url)
    assert imported.exit_code == 0, imported.output
    assert "80 needs" in imported.output

    target = tmp_path / ("export" if suffix == "csv" else f"export.{suffix}")
    exported = run("export", demo_scenario().network.name, "2026-11-30", "--out", str(target),
                   "--format", suffix, "--database", db_url)
    assert exported.exit_code == 0, exported.output
    assert load_scenario(target) == demo_scenario()


def test_malformed_scenario_reports_every_problem_and_changes_nothing(sqlite_url, tmp_path):
    assert run("import", str(DEMO_JSON), "--database", sqlite_url).exit_code == 0
    before = row_counts(sqlite_url)

    document = json.loads(DEMO_JSON.read_text(encoding="utf-8"))
    document["network"]["week_start"] = "2026-12-01"          # a Tuesday
    document["needs"][0]["start"] = "09:10"                    # off the 15-minute grid
    document["needs"][1]["site"] = "nowhere"                   # dangling reference
    document["facilitators"][1]["id"] = document["facilitators"][0]["id"]  # duplicate id
    document["rooms"][0]["capacity"] = "12"                    # wrong type
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")

    result = CliRunner().invoke(main, ["--lang", "en", "import", str(broken),
                                       "--database", sqlite_url])
    assert result.exit_code == 2
    for path in ("$.network.week_start", "$.needs[0].start", "$.needs[1].site",
                 "$.facilitators[1].id", "$.rooms[0].capacity"):
        assert path in result.output, f"{path} missing from:\n{result.output}"
    assert row_counts(sqlite_url) == before


def test_problems_are_printed_in_french_on_request(tmp_path):
    document = json.loads(DEMO_JSON.read_text(encoding="utf-8"))
    document["network"]["week_start"] = "2026-12-01"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "fr", "import", str(broken),
                                       "--database", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert "rien n'a été modifié" in result.output


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A small generated network and its planted plan, written as files."""
    scenario, plan = generate("small", seed=3)
    folder = tmp_path_factory.mktemp("planted")
    from pooling.interchange import write_scenario_json

    write_scenario_json(scenario, folder / "scenario.json")
    write_plan_json(plan, folder / "plan.json")
    return folder, scenario, plan


def test_validate_accepts_the_planted_plan_and_prints_kpis(planted):
    folder, _, _ = planted
    result = run("validate", str(folder / "scenario.json"), str(folder / "plan.json"))
    assert result.exit_code == 0, result.output
    assert "Valid plan" in result.output
    assert "coverage required:" in result.output
    assert "travel:" in result.output


def test_validate_rejects_a_broken_plan_naming_the_rule(planted, tmp_path):
    folder, _, plan = planted
    first = plan.assignments[0]
    # The same need twice breaks rule 1.
    broken = replace(plan, assignments=plan.assignments + (first,))
    path = tmp_path / "broken-plan.json"
    write_plan_json(broken, path)
    result = run("validate", str(folder / "scenario.json"), str(path))
    assert result.exit_code == 1
    assert "rule 1" in result.output
    assert first.need in result.output


def test_validate_reports_a_malformed_plan_file(planted, tmp_path):
    folder, _, plan = planted
    document = plan_to_dict(plan)
    document["status"] = "done"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "validate",
                                       str(folder / "scenario.json"), str(path)])
    assert result.exit_code == 2
    assert "$.status" in result.output


def test_export_of_an_unknown_week_fails_cleanly(sqlite_url, tmp_path):
    result = run("export", "Nobody", "2026-11-30", "--out", str(tmp_path / "x.json"),
                 "--database", sqlite_url)
    assert result.exit_code == 1
    assert not (tmp_path / "x.json").exists()


def test_demo_command_loads_the_demo_week(sqlite_url):
    result = run("demo", "--no-solve", "--database", sqlite_url)
    assert result.exit_code == 0, result.output
    assert "8 sites, 14 facilitators" in result.output
    assert read_scenario_json(DEMO_JSON) == demo_scenario()


@pytest.mark.parametrize("method", ["greedy", "cpsat"])
def test_solve_writes_a_plan_the_referee_accepts(planted, tmp_path, method):
    folder, scenario, _ = planted
    out = tmp_path / "plan.json"
    result = run("solve", str(folder / "scenario.json"), "--out", str(out), "--method", method,
                 "--time-limit", "5", "--workers", "1", "--seed", "1")
    assert result.exit_code == 0, result.output
    assert "Plan written to" in result.output
    checked = run("validate", str(folder / "scenario.json"), str(out))
    assert checked.exit_code == 0, checked.output


def test_solve_week_stores_a_draft_and_prints_the_rota(sqlite_url):
    assert run("demo", "--no-solve", "--database", sqlite_url).exit_code == 0
    result = run("solve-week", demo_scenario().network.name, "2026-11-30", "--method",
                 "greedy", "--database", sqlite_url)
    assert result.exit_code == 0, result.output
    assert "Stored as draft version 1." in result.output
    assert "Mon 2026-11-30" in result.output


@pytest.mark.parametrize("command", [[], ["init-db"], ["import"], ["export"], ["validate"],
                                     ["demo"], ["solve"], ["solve-week"], ["bench"],
                                     ["bench", "planted"], ["bench", "curtois"],
                                     ["bench", "scale"]])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
