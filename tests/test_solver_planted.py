"""Generated networks with a planted plan: every need is met but the declared impossible ones,
and each of those says why in the words of its cause."""

import pytest
from solver_fixtures import reason_ids, solved

from scenarios.generator import generate

REASON_OF = {
    "skill_level": "only {found} facilitator(s) have skill {skill} at level {level} or above; "
                   "{count} needed",
    "room_capacity": "room capacity: {attendees} attendees but the largest room at {sites} "
                     "holds {largest}",
    "equipment_type": "needs {count} {type} but the network has {found}",
    "nobody_available": "no facilitator with skill {skill} >= {level} is available on {when} "
                        "({found} of {count} needed)",
}


def impossible(scenario) -> dict[str, str]:
    return {n.id: n.extra["planted_impossible"] for n in scenario.needs
            if n.extra and "planted_impossible" in n.extra}


@pytest.mark.parametrize("size, seed, seconds", [("small", 1, 2.0), ("small", 7, 2.0),
                                                 ("medium", 1, 10.0)])
def test_every_need_is_met_but_the_impossible_ones_which_say_why(size, seed, seconds):
    scenario, _ = generate(size, seed)
    plan = solved(scenario, time_limit=seconds)
    expected = impossible(scenario)
    assert sorted(u.need for u in plan.unmet) == sorted(expected)
    for need, code in expected.items():
        assert REASON_OF[code] in reason_ids(plan, need)
