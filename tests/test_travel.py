"""The spec's travel reading: declared pairs both ways, else ceil(1.3 * haversine km)."""

import math
from datetime import date

import pytest

import pooling.travel as travel
from pooling.domain import Network, Scenario, Site
from pooling.travel import TravelTable, estimated_minutes, haversine_km, unresolvable_pairs

COGNAC = Site("cognac", "La Fabrique", lat=45.6958, lon=-0.3287)
ANGOULEME = Site("angouleme", "Le Lab", lat=45.6484, lon=0.1562)
JARNAC = Site("jarnac", "Sans coordonnées")


def scenario(*sites: Site, travel_minutes=None) -> Scenario:
    return Scenario(network=Network("test", date(2026, 11, 30)), sites=sites, facilitators=(),
                    rooms=(), equipment=(), needs=(), travel_minutes=travel_minutes or {})


def test_haversine_matches_a_known_distance_and_is_symmetric():
    # Paris Notre-Dame to Lyon Bellecour: about 392 km as the crow flies.
    paris_lyon = haversine_km(48.8530, 2.3499, 45.7578, 4.8320)
    assert paris_lyon == pytest.approx(391.9, abs=1.0)
    assert haversine_km(45.7578, 4.8320, 48.8530, 2.3499) == pytest.approx(paris_lyon)
    assert haversine_km(45.0, 0.0, 45.0, 0.0) == 0.0


def test_one_degree_of_latitude_uses_the_earth_radius_6371_km():
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(6371.0 * math.pi / 180)


def test_estimate_is_the_ceiling_of_1_3_times_the_distance():
    km = haversine_km(COGNAC.lat, COGNAC.lon, ANGOULEME.lat, ANGOULEME.lon)
    assert estimated_minutes(COGNAC, ANGOULEME) == math.ceil(1.3 * km) == 50


def test_no_estimate_without_both_coordinates():
    assert estimated_minutes(COGNAC, JARNAC) is None
    assert estimated_minutes(Site("half", "Moitié", lat=45.0), COGNAC) is None


def test_declared_pair_counts_in_both_directions_and_wins_over_the_estimate():
    table = TravelTable(scenario(COGNAC, ANGOULEME, travel_minutes={("cognac", "angouleme"): 42}))
    assert table.minutes("cognac", "angouleme") == 42
    assert table.minutes("angouleme", "cognac") == 42


def test_missing_pair_is_estimated_and_same_site_is_zero():
    table = TravelTable(scenario(COGNAC, ANGOULEME, JARNAC))
    assert table.minutes("angouleme", "cognac") == 50
    assert table.minutes("jarnac", "jarnac") == 0


def test_unresolvable_pair_and_unknown_site_raise_key_error():
    table = TravelTable(scenario(COGNAC, JARNAC))
    with pytest.raises(KeyError):
        table.minutes("cognac", "jarnac")
    with pytest.raises(KeyError):
        table.minutes("cognac", "nowhere")


def test_each_estimate_is_computed_once_for_225_sites(monkeypatch):
    sites = [Site(f"S{i}", f"Site {i}", lat=44.0 + i / 100, lon=-1.0 + i / 90) for i in range(225)]
    calls = []
    real = travel.estimated_minutes
    monkeypatch.setattr(travel, "estimated_minutes", lambda a, b: calls.append(1) or real(a, b))
    table = TravelTable(scenario(*sites))
    first = [table.minutes(a.id, b.id) for a in sites for b in sites]
    second = [table.minutes(b.id, a.id) for a in sites for b in sites]
    assert first == second
    assert len(calls) == 225 * 224 // 2


def test_unresolvable_pairs_lists_each_pair_once_in_site_order():
    ids = ["a", "b", "c", "d"]
    located = {"a", "b"}
    assert unresolvable_pairs(ids, located, [("c", "a")]) == [("a", "d"), ("b", "c"), ("b", "d"),
                                                             ("c", "d")]
    assert unresolvable_pairs(ids, set(ids), []) == []
