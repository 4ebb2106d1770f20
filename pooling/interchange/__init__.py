"""Format v1 (`shared/spec/scenario-v1.md`) as JSON: documents to domain values and back.

Reading checks everything the format promises and raises `InvalidInput` once with every
problem, each at its JSON path (`$.needs[3].start`). Writing gives the canonical document.
"""

from __future__ import annotations

from typing import Any

from pooling.domain import Plan, Scenario
from pooling.interchange.fields import Problems
from pooling.interchange.jsontext import Source, read_json, write_json
from pooling.interchange.plans import PLAN_FORMAT, plan_to_dict, read_plan
from pooling.interchange.scenario_reading import SCENARIO_FORMAT, read_scenario
from pooling.interchange.scenario_writing import scenario_to_dict

__all__ = [
    "PLAN_FORMAT", "SCENARIO_FORMAT",
    "scenario_from_dict", "scenario_to_dict", "read_scenario_json", "write_scenario_json",
    "plan_from_dict", "plan_to_dict", "read_plan_json", "write_plan_json",
]


def scenario_from_dict(data: Any) -> Scenario:
    return read_scenario(data, Problems())


def read_scenario_json(source: Source) -> Scenario:
    """A scenario from a JSON file (path or open file); duplicate keys are reported along with
    every other problem."""
    data, problems = read_json(source)
    return read_scenario(data, Problems(problems))


def write_scenario_json(scenario: Scenario, target: Source) -> None:
    write_json(scenario_to_dict(scenario), target)


def plan_from_dict(data: Any) -> Plan:
    return read_plan(data, Problems())


def read_plan_json(source: Source) -> Plan:
    data, problems = read_json(source)
    return read_plan(data, Problems(problems))


def write_plan_json(plan: Plan, target: Source) -> None:
    write_json(plan_to_dict(plan), target)
