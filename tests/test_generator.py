"""Generated networks: real sites, deterministic, and a planted plan the referee accepts."""

from collections import Counter

import pytest

from pooling.errors import InvalidInput
from pooling.i18n import translate
from pooling.interchange import scenario_from_dict, scenario_to_dict
from pooling.referee import check_plan
from pooling.travel import TravelTable
from scenarios.generator import COMMUTE_RADIUS_MINUTES, IMPOSSIBLE_CODES, generate
from scenarios.sites import tiers_lieux_by_id


@pytest.fixture(scope="module")
def small():
    return generate("small", seed=0)


@pytest.fixture(scope="module")
def medium():
    return generate("medium", seed=0)


@pytest.fixture(scope="module")
def large():
    return generate("large", seed=0)


@pytest.mark.parametrize("name", ["small", "medium", "large"])
def test_planted_plan_passes_the_referee(name, request):
    scenario, plan = request.getfixturevalue(name)
    report = check_plan(scenario, plan)
    assert report.ok, report.lines("en")[:10]


@pytest.mark.parametrize("name", ["small", "medium", "large"])
def test_generated_scenario_is_valid_format_v1(name, request):
    scenario, _ = request.getfixturevalue(name)
    assert scenario_from_dict(scenario_to_dict(scenario)) == scenario


@pytest.mark.parametrize("name, sites, people, needs", [
    ("small", 6, 9, 67), ("medium", 30, 47, 333), ("large", 225, 350, 2500)])
def test_sizes_follow_the_network_proportions(name, sites, people, needs, request):
    scenario, _ = request.getfixturevalue(name)
    assert len(scenario.sites) == sites
    assert len(scenario.facilitators) == people
    assert 0.9 * needs <= len(scenario.needs) <= needs


def test_a_number_of_sites_scales_the_network():
    scenario, plan = generate(12, seed=4)
    assert len(scenario.sites) == 12
    assert len(scenario.facilitators) == 19
    assert 120 <= len(scenario.needs) <= 133
    assert check_plan(scenario, plan).ok


def test_same_seed_same_network_other_seed_another():
    assert generate("small", seed=7) == generate("small", seed=7)
    assert generate("small", seed=8)[0] != generate("small", seed=7)[0]


def test_sites_are_real_and_people_work_near_home(medium):
    scenario, _ = medium
    places = tiers_lieux_by_id()
    travel = TravelTable(scenario)
    for site in scenario.sites:
        place = places[int(site.id.removeprefix("TL-"))]
        assert (site.name, site.lat, site.lon) == (place.name, place.lat, place.lon)
    restricted = [f for f in scenario.facilitators if f.sites is not None]
    assert restricted
    for person in restricted:
        assert person.home_site in person.sites
        assert all(travel.minutes(person.home_site, s) <= COMMUTE_RADIUS_MINUTES
                   for s in person.sites)


def test_spare_people_carry_no_planted_work(medium):
    scenario, plan = medium
    working = {fid for a in plan.assignments for fid in a.facilitators}
    idle = [f for f in scenario.facilitators if f.id not in working]
    assert len(idle) >= 0.1 * len(scenario.facilitators)


def test_only_declared_impossible_needs_are_unmet(large):
    scenario, plan = large
    impossible = {n.id: n.extra["planted_impossible"] for n in scenario.needs
                  if n.extra and "planted_impossible" in n.extra}
    assert {u.need for u in plan.unmet} == set(impossible)
    assert set(Counter(impossible.values())) == set(IMPOSSIBLE_CODES)
    assert all(u.reasons and all(u.reasons) for u in plan.unmet)
    assert len(plan.assignments) + len(plan.unmet) == len(scenario.needs)


def test_impossible_needs_are_impossible_for_the_reason_given(large):
    scenario, plan = large
    reasons = {u.need: u.reasons[0] for u in plan.unmet}
    rooms_at = Counter()
    for room in scenario.rooms:
        rooms_at[room.site] = max(rooms_at[room.site], room.capacity)
    types = {u.type for u in scenario.equipment}
    for need in scenario.needs:
        code = (need.extra or {}).get("planted_impossible")
        if code == "skill_level":
            line = need.staff[0]
            assert all(f.skills.get(line.skill, 0) < line.level for f in scenario.facilitators)
            assert line.skill in reasons[need.id]
        elif code == "room_capacity":
            assert need.attendees > rooms_at[need.site]
            assert str(need.attendees) in reasons[need.id]
        elif code == "equipment_type":
            assert need.equipment[0].type not in types
        elif code == "nobody_available":
            weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[need.date.weekday()]
            assert not any(w.day == weekday and w.start <= need.start and need.end <= w.end
                           for f in scenario.facilitators for w in f.availability)
            assert need.date.isoformat() in reasons[need.id]


def test_needs_mix_priorities_flexible_times_pins_and_teams(large):
    scenario, _ = large
    needs = scenario.needs
    assert set(Counter(n.priority for n in needs)) == {"required", "high", "normal", "low"}
    assert 0.1 < sum(n.is_flexible for n in needs) / len(needs) < 0.4
    assert any(n.pinned is not None for n in needs)
    assert any(n.preferred_facilitators for n in needs)
    assert any(n.staff_count >= 2 for n in needs)
    assert any(n.room is None for n in needs)
    assert any(n.room is not None and n.room.at for n in needs)


def test_bad_size_and_seed_are_reported_together():
    with pytest.raises(InvalidInput) as caught:
        generate("huge", seed="x")
    assert [p.where for p in caught.value.problems] == ["size", "seed"]
    for problem in caught.value.problems:
        assert problem.text("fr") != problem.text("en")
    for size in (0, 226, True, 2.5):
        with pytest.raises(InvalidInput):
            generate(size)
    assert translate("the seed must be an integer, not {seed}", "fr", seed="1") \
        == "la graine doit être un nombre entier, pas 1"
