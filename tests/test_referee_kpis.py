"""The plan KPIs, computed by hand on a small network."""

import json

from factories import (make_assignment, make_facilitator, make_need, make_network, make_plan,
                       make_scenario, make_site, make_unmet)

from pooling.referee import check_plan


def network_of_three(days=7):
    """F1 (home S1) works S1 then S2 on Monday; F2 (home S2) works S2 on Tuesday; 2 needs unmet."""
    needs = [make_need("N1", room=None, priority="required"),
             make_need("N2", room=None, site="S2", priority="high", start="13:00", end="15:00",
                       preferred_facilitators=["F2"]),
             make_need("N3", room=None, site="S2", date=1, start="10:00", end="11:00",
                       preferred_facilitators=["F2"]),
             make_need("N4", room=None, site="S3", date=2, start="09:00", end="10:30",
                       priority="low"),
             make_need("N5", room=None, priority="high", date=1, start="14:00", end="16:00")]
    people = [make_facilitator("F1", weekly_minutes={"min": 600, "target": 400},
                               avoid=[("mon", "11:00", "13:00"), (0, "11:30", "12:30")]),
              make_facilitator("F2", home_site="S2")]
    scenario = make_scenario(
        network=make_network(days=days), sites=[make_site(s) for s in ("S1", "S2", "S3")],
        travel_minutes={("S1", "S2"): 30, ("S1", "S3"): 60, ("S2", "S3"): 40},
        facilitators=people, rooms=[], needs=needs)
    plan = make_plan([make_assignment(needs[0]), make_assignment(needs[1]),
                      make_assignment(needs[2], facilitators=["F2"])],
                     [make_unmet("N4"), make_unmet("N5")])
    return scenario, plan


def test_kpis_follow_the_spec_definitions():
    report = check_plan(*network_of_three())
    assert report.ok
    assert report.kpis == {
        "coverage_by_priority": {"required": {"met": 1, "total": 1},
                                 "high": {"met": 1, "total": 2},
                                 "normal": {"met": 1, "total": 1},
                                 "low": {"met": 0, "total": 1}},
        "travel_minutes": 60,                           # F1: S1 -> S2 -> home S1
        "worked_minutes_by_facilitator": {"F1": 330, "F2": 60},   # 180 + 120 + 30 travel
        "avoid_minutes": 60,                            # overlapping avoid windows count once
        "avoid_minutes_by_facilitator": {"F1": 60, "F2": 0},
        "unmet_minutes_by_site": {"S1": 120, "S2": 0, "S3": 90},
        "declared_minutes_by_site": {"S1": 300, "S2": 180, "S3": 90},
        "pooled_minutes_by_site": {"S1": 0, "S2": 120, "S3": 0},
        "preferred_missed": 1,                          # N2 is served by F1, not F2
        "weekly_shortfall_minutes": 270,                # F1: 600 - 330
        "target_distance_minutes": 70,                  # F1: |330 - 400|
    }
    assert json.loads(json.dumps(report.kpis)) == report.kpis


def test_weekly_kpis_count_every_week_of_the_horizon_with_full_caps():
    report = check_plan(*network_of_three(days=10))
    assert report.kpis["weekly_shortfall_minutes"] == 270 + 600
    assert report.kpis["target_distance_minutes"] == 70 + 400


def test_kpis_of_an_empty_plan():
    scenario, _ = network_of_three()
    kpis = check_plan(scenario, make_plan()).kpis
    assert kpis["coverage_by_priority"]["high"] == {"met": 0, "total": 2}
    assert kpis["unmet_minutes_by_site"] == kpis["declared_minutes_by_site"]
    assert kpis["travel_minutes"] == 0 and kpis["preferred_missed"] == 0
