"""Rule 6 (daily and weekly caps, days per week, daily travel, breaks) and rule 7 (daily rest)."""

from factories import (make_assignment, make_facilitator, make_need, make_network, make_plan,
                       make_scenario, make_site)

from pooling.referee import check_plan


def found(scenario, plan):
    return [(v.rule, v.ids) for v in check_plan(scenario, plan).violations]


def schedule(slots, network=None, **person):
    """F1 (home S1) serves one room-less need per (site, day, start, end).

    Travel: S1-S2 30 min, S1-S3 60 min, S2-S3 40 min.
    """
    needs = [make_need(f"N{i}", room=None, site=site, date=day, start=start, end=end)
             for i, (site, day, start, end) in enumerate(slots, 1)]
    person.setdefault("availability", [(d, "00:00", "24:00") for d in
                                       ("mon", "tue", "wed", "thu", "fri", "sat", "sun")])
    scenario = make_scenario(
        network=network or make_network(), sites=[make_site(s) for s in ("S1", "S2", "S3")],
        travel_minutes={("S1", "S2"): 30, ("S1", "S3"): 60, ("S2", "S3"): 40},
        facilitators=[make_facilitator(**person)], rooms=[], needs=needs)
    return scenario, make_plan([make_assignment(n) for n in needs])


# --- rule 6: daily worked time ---------------------------------------------------------------

def test_worked_time_counts_travel_between_sites_but_not_the_commute():
    slots = [("S2", 0, "09:00", "12:00"), ("S3", 0, "13:00", "16:00")]  # 360 + 40 travel
    assert found(*schedule(slots, max_daily_minutes=400)) == []
    report = check_plan(*schedule(slots, max_daily_minutes=399))
    assert [(v.rule, v.ids, v.params["worked"]) for v in report.violations] == [
        (6, ("F1",), 400)]


# --- rule 6: weekly worked time --------------------------------------------------------------

def test_weekly_worked_time_is_capped():
    slots = [("S1", d, "09:00", "12:00") for d in range(3)]
    assert found(*schedule(slots, weekly_minutes={"max": 540})) == []
    assert found(*schedule(slots, weekly_minutes={"max": 539})) == [(6, ("F1",))]


def test_weeks_are_seven_day_blocks_and_a_partial_last_week_keeps_the_full_cap():
    slots = [("S1", d, "09:00", "12:00") for d in (5, 6, 7, 8)]  # sat, sun | mon, tue
    scenario, plan = schedule(slots, network=make_network(days=9), weekly_minutes={"max": 360})
    assert found(scenario, plan) == []
    scenario, plan = schedule(slots + [("S1", 8, "13:00", "14:00")],
                              network=make_network(days=9), weekly_minutes={"max": 360})
    report = check_plan(scenario, plan)
    assert [(v.rule, v.ids, v.params["week"], v.params["week_start"])
            for v in report.violations] == [(6, ("F1",), 2, "2026-03-09")]


# --- rule 6: dates worked per week -----------------------------------------------------------

def test_dates_worked_per_week_are_capped():
    slots = [("S1", d, "09:00", "10:00") for d in (0, 2, 4)]
    assert found(*schedule(slots, max_days_per_week=3)) == []
    assert found(*schedule(slots, max_days_per_week=2)) == [(6, ("F1",))]


# --- rule 6: daily travel --------------------------------------------------------------------

def test_daily_travel_counts_the_commute_both_ways():
    slots = [("S2", 0, "09:00", "10:00"), ("S3", 0, "11:00", "12:00")]  # 30 + 40 + 60
    assert found(*schedule(slots, max_daily_travel_minutes=130)) == []
    assert found(*schedule(slots, max_daily_travel_minutes=129)) == [(6, ("F1",))]


def test_the_way_home_leaves_from_the_assignment_ending_latest():
    slots = [("S2", 0, "09:00", "12:00"), ("S1", 0, "09:00", "10:00")]  # overlapping: rule 5
    report = check_plan(*schedule(slots, max_daily_travel_minutes=60))
    # First by start is N2 at S1 (ties go to the earlier end), then S1 -> S2 = 30 min, and the
    # way home leaves S2, where the latest-ending N1 is: 30 min more.
    assert [v.rule for v in report.violations] == [5]
    report = check_plan(*schedule(slots, max_daily_travel_minutes=59))
    assert [(v.rule, v.params.get("travel")) for v in report.violations] == [(5, None), (6, 60)]


# --- rule 6: breaks --------------------------------------------------------------------------

def test_a_chain_without_a_20_minute_break_lasts_at_most_6_hours():
    assert found(*schedule([("S1", 0, "09:00", "12:00"), ("S1", 0, "12:15", "15:00")])) == []
    long_chain = schedule([("S1", 0, "09:00", "12:00"), ("S1", 0, "12:15", "15:15")])
    assert found(*long_chain) == [(6, ("F1", "N1", "N2"))]


def test_a_20_minute_idle_gap_breaks_the_chain():
    assert found(*schedule([("S1", 0, "09:00", "12:00"), ("S1", 0, "12:20", "16:00")])) == []


def test_travel_is_work_not_idle_time_when_chaining():
    # 40 min between S2 and S1 minus 30 min of travel leaves 10 idle minutes: chained, 6 h 10.
    slots = [("S2", 0, "09:00", "12:00"), ("S1", 0, "12:40", "15:10")]
    assert found(*schedule(slots)) == [(6, ("F1", "N1", "N2"))]
    slots = [("S2", 0, "09:00", "12:00"), ("S1", 0, "12:50", "15:10")]
    assert found(*schedule(slots)) == []


def test_a_chain_of_three_names_all_its_assignments():
    slots = [("S1", 0, "08:00", "10:00"), ("S1", 0, "10:10", "12:00"),
             ("S1", 0, "12:10", "14:15"), ("S1", 0, "15:00", "16:00")]
    assert found(*schedule(slots)) == [(6, ("F1", "N1", "N2", "N3"))]


def test_a_single_long_assignment_is_not_a_chain():
    assert found(*schedule([("S1", 0, "08:00", "16:00")])) == []


# --- rule 7 ----------------------------------------------------------------------------------

def test_eleven_hours_of_rest_between_two_worked_dates():
    assert found(*schedule([("S1", 0, "17:00", "20:00"), ("S1", 1, "07:00", "09:00")])) == []
    short = schedule([("S1", 0, "17:00", "20:00"), ("S1", 1, "06:45", "09:00")])
    report = check_plan(*short)
    assert [(v.rule, v.ids, v.params["rest"]) for v in report.violations] == [
        (7, ("F1", "N1", "N2"), 645)]


def test_rest_runs_from_the_latest_end_to_the_earliest_start():
    slots = [("S1", 0, "18:00", "21:00"), ("S1", 0, "14:00", "15:00"),
             ("S1", 1, "10:00", "11:00"), ("S1", 1, "07:30", "08:00")]
    assert found(*schedule(slots)) == [(7, ("F1", "N1", "N4"))]


def test_rest_only_applies_between_consecutive_dates():
    assert found(*schedule([("S1", 0, "17:00", "23:00"), ("S1", 2, "00:00", "02:00")])) == []
