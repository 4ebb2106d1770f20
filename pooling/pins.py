"""Pins set by the coordinator when adjusting a plan, and how a re-solve keeps them.

A plan version records the assignments the coordinator fixed by hand in its plan's
`extra.pins` (need id -> a format v1 `pinned` object), apart from the pins the scenario itself
declares: the version's scenario stays the one that was declared, so a later adjustment is
still checked against the declared pins only. Before a re-solve the recorded pins are merged
into the declared scenario; the declared pin wins where both name a room, date or start.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pooling.domain import Plan, Scenario
from pooling.errors import InvalidInput
from pooling.interchange import scenario_from_dict, scenario_to_dict

PinDict = dict[str, Any]
NEED_PIN_PATH = re.compile(r"^\$\.needs\[(\d+)\]\.pinned\b")


def plan_pins(plan: Plan) -> dict[str, PinDict]:
    """The coordinator's pins recorded in a plan, by need id."""
    return dict((plan.extra or {}).get("pins", {}))


def with_pins(plan: Plan, pins: dict[str, PinDict]) -> Plan:
    """The plan recording `pins` (none: the `pins` entry is left out)."""
    extra = {key: value for key, value in (plan.extra or {}).items() if key != "pins"}
    if pins:
        extra["pins"] = pins
    return replace(plan, extra=extra or None)


def merged_pin(declared: PinDict | None, adjusted: PinDict) -> PinDict:
    """Both pins at once: people and units of either, the declared room, date and start first."""
    declared = declared or {}
    merged = {key: value for key, value in adjusted.items() if key != "extra"}
    merged.update({key: value for key, value in declared.items()
                   if key not in ("facilitators", "equipment")})
    for key in ("facilitators", "equipment"):
        ids = list(dict.fromkeys([*declared.get(key, []), *adjusted.get(key, [])]))
        if ids:
            merged[key] = ids
    return merged


def pinned_scenario(scenario: Scenario, pins: dict[str, PinDict]) -> tuple[Scenario, list[str]]:
    """The scenario with the recorded pins merged in, and the needs whose pin was dropped.

    A recorded pin that no longer fits the declared scenario (its need, person, room or date
    changed since) is dropped rather than failing the solve.
    """
    document = scenario_to_dict(scenario)
    index = {need["id"]: i for i, need in enumerate(document["needs"])}
    applied = {need: pin for need, pin in pins.items() if need in index}
    dropped = [need for need in pins if need not in index]
    for need, pin in applied.items():
        entry = document["needs"][index[need]]
        entry["pinned"] = merged_pin(entry.get("pinned"), pin)
    try:
        return scenario_from_dict(document), dropped
    except InvalidInput as invalid:
        misfits = {document["needs"][int(match[1])]["id"] for problem in invalid.problems
                   if (match := NEED_PIN_PATH.match(problem.where))} & applied.keys()
        if not misfits:
            raise
    kept = {need: pin for need, pin in applied.items() if need not in misfits}
    pinned, also_dropped = pinned_scenario(scenario, kept)
    return pinned, dropped + sorted(misfits) + also_dropped
