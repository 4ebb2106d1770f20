"""The demo network: eight real tiers-lieux, a plausible team and week, shipped as format v1."""

from collections import Counter

import pytest

from pooling.interchange import (
    read_scenario_json, scenario_from_dict, scenario_to_dict, write_scenario_json,
)
from pooling.travel import TravelTable
from scenarios.demo import demo_json, demo_scenario
from scenarios.sites import tiers_lieux, tiers_lieux_by_id

POOLED_KINDS = {"fablab_mobile", "decoupeuse_laser", "imprimante_3d", "malle_tablettes",
                "videoprojecteur", "remorque"}


@pytest.fixture(scope="module")
def demo():
    return demo_scenario()


def test_site_list_is_the_packaged_source():
    places = tiers_lieux()
    assert len(places) == 225
    assert len({p.id for p in places}) == 225
    assert sum(p.is_fablab for p in places) == 45
    assert all(42.5 < p.lat < 47.5 and -2.0 < p.lon < 2.7 for p in places)
    assert all("  " not in p.name and p.name == p.name.strip() for p in places)


def test_demo_has_eight_real_sites_in_creuse_and_correze(demo):
    places = tiers_lieux_by_id()
    assert len(demo.sites) == 8
    for site in demo.sites:
        place = places[int(site.id.removeprefix("TL-"))]
        assert (site.name, site.commune, site.lat, site.lon) == (
            place.name, place.commune, place.lat, place.lon)
        assert place.department in {"23", "19"}


def test_demo_sites_are_a_rural_cluster_reached_from_coordinates(demo):
    travel = TravelTable(demo)
    ids = [s.id for s in demo.sites]
    times = [travel.minutes(a, b) for a in ids for b in ids if a != b]
    assert demo.travel_minutes == {}
    assert 5 < min(times) and max(times) <= 110


def test_demo_team_and_week_have_the_expected_size(demo):
    assert len(demo.facilitators) == 14
    assert 75 <= len(demo.needs) <= 85
    assert demo.network.week_start.isoformat() == "2026-11-30"
    assert (demo.network.days, demo.network.slot_minutes) == (7, 15)


def test_demo_uses_every_pooled_equipment_kind(demo):
    assert {u.type for u in demo.equipment} == POOLED_KINDS
    assert {r.type for n in demo.needs for r in n.equipment} == POOLED_KINDS
    assert [u.id for u in demo.equipment if not u.mobile] == ["EQ-laser"]


def test_demo_declares_the_variety_a_network_writes(demo):
    priorities = Counter(n.priority for n in demo.needs)
    assert set(priorities) == {"required", "high", "normal", "low"}
    assert sum(n.is_flexible for n in demo.needs) >= 5
    assert sum(n.pinned is not None for n in demo.needs) == 2
    assert any(n.preferred_facilitators for n in demo.needs)
    assert any(n.room is not None and n.room.at is not None and len(n.room.at) > 1
               for n in demo.needs)
    assert any(n.staff_count >= 3 for n in demo.needs)
    assert any(r.availability is not None for r in demo.rooms)


def test_demo_contracts_include_the_shared_digital_advisor(demo):
    shared = [f for f in demo.facilitators if f.sites is not None]
    assert [len(f.sites) for f in shared] == [3]
    assert {f.max_days_per_week for f in demo.facilitators} == {4, 5}
    assert any(f.weekly_minutes.max == 2400 and f.weekly_minutes.target == 2100
               for f in demo.facilitators)
    assert any(f.max_daily_travel_minutes for f in demo.facilitators)
    assert any(f.unavailable for f in demo.facilitators)
    assert any(f.avoid for f in demo.facilitators)
    assert set(demo.skills) == {skill for f in demo.facilitators for skill in f.skills}


def test_demo_round_trips_through_format_v1(demo):
    assert scenario_from_dict(scenario_to_dict(demo)) == demo


def test_shipped_demo_file_is_the_demo(demo, tmp_path):
    assert read_scenario_json(str(demo_json())) == demo
    fresh = tmp_path / "demo.json"
    write_scenario_json(demo, str(fresh))
    assert demo_json().read_bytes() == fresh.read_bytes(), "run: python -m scenarios.demo"
