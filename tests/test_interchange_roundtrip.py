"""Property: every valid scenario and plan survives writing and reading back unchanged."""

import io
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pooling.domain import (
    PRIORITIES, SLOT_SIZES, WEEKDAYS, Assignment, DayPeriod, Equipment, EquipmentRequest,
    Facilitator, Need, Network, Pin, Plan, Room, RoomRequest, Scenario, Site, StaffLine, Unmet,
    WeeklyMinutes, Window,
)
from pooling.interchange import (
    plan_from_dict, plan_to_dict, read_plan_json, read_scenario_json, scenario_from_dict,
    scenario_to_dict, write_plan_json, write_scenario_json,
)

names = st.text(max_size=10)
idents = st.text(alphabet="abcxyzé-_ 0123456789", min_size=1, max_size=5).filter(str.strip)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                  max_size=3),
    max_leaves=6)
extras = st.none() | st.dictionaries(st.text(max_size=6), json_values, max_size=3)


def unique_ids(min_size=0, max_size=4):
    return st.lists(idents, min_size=min_size, max_size=max_size, unique=True)


def subset(draw, items, min_size=0):
    return tuple(draw(st.lists(st.sampled_from(items), min_size=min_size, unique=True))) \
        if items else ()


def span(draw, slot: int, low: int = 0, high: int = 24 * 60) -> tuple[int, int]:
    """Two grid times with `low <= start < end <= high`."""
    start = draw(st.integers(low // slot, high // slot - 1)) * slot
    return start, draw(st.integers(start // slot + 1, high // slot)) * slot


def day_spec(draw, horizon: list[date]) -> str:
    """A weekday name or a date, possibly outside the horizon (such windows are ignored)."""
    when = draw(st.sampled_from(horizon) | st.dates(date(2025, 1, 1), date(2028, 12, 31)))
    return draw(st.sampled_from(WEEKDAYS) | st.just(when.isoformat()))


def windows(draw, slot, horizon, max_size=3) -> tuple[Window, ...]:
    return tuple(Window(day_spec(draw, horizon), *span(draw, slot), extra=draw(extras))
                 for _ in range(draw(st.integers(0, max_size))))


def periods(draw, slot, horizon) -> tuple[DayPeriod, ...]:
    found = []
    for _ in range(draw(st.integers(0, 2))):
        start, end = span(draw, slot)
        found.append(DayPeriod(day_spec(draw, horizon), draw(st.none() | st.just(start)),
                               draw(st.none() | st.just(end)), extra=draw(extras)))
    return tuple(found)


def coordinates(draw) -> tuple[float | None, float | None]:
    latitudes, longitudes = st.floats(-90, 90), st.floats(-180, 180)
    return draw(st.sampled_from([
        (draw(latitudes), draw(longitudes)), (None, None), (draw(latitudes), None),
    ]))


def travel(draw, sites: tuple[Site, ...]) -> dict[tuple[str, str], int]:
    """Every pair lacking coordinates declared (either way, sometimes both), plus a few more."""
    declared: dict[tuple[str, str], int] = {}
    for i, a in enumerate(sites):
        for b in sites[i + 1:]:
            located = None not in (a.lat, a.lon, b.lat, b.lon)
            if located and not draw(st.booleans()):
                continue
            minutes = draw(st.integers(0, 300))
            for pair in draw(st.sampled_from([[(a.id, b.id)], [(b.id, a.id)],
                                              [(a.id, b.id), (b.id, a.id)]])):
                declared[pair] = minutes
        if draw(st.booleans()):
            declared[(a.id, a.id)] = 0
    return declared


@st.composite
def scenarios(draw) -> Scenario:
    slot = draw(st.sampled_from(SLOT_SIZES))
    network = Network(draw(names), date(2026, 1, 5) + timedelta(weeks=draw(st.integers(0, 100))),
                      draw(st.integers(1, 21)), slot,
                      draw(st.sampled_from(["Europe/Paris", "UTC"])),
                      extra=draw(extras))
    horizon = network.dates
    sites = tuple(Site(ident, draw(names), draw(st.none() | names), *coordinates(draw),
                       pool_share=draw(st.floats(0, 10)), extra=draw(extras))
                  for ident in draw(unique_ids(min_size=1)))
    site_ids = [site.id for site in sites]
    skill_pool = draw(unique_ids(min_size=1, max_size=3))
    facilitators = tuple(facilitator(draw, ident, slot, horizon, site_ids, skill_pool)
                         for ident in draw(unique_ids()))
    rooms = tuple(Room(ident, draw(st.sampled_from(site_ids)), draw(names),
                       draw(st.integers(0, 50)), subset(draw, ["laser", "pmr", "cuisine"]),
                       draw(st.none() | st.just(windows(draw, slot, horizon))), extra=draw(extras))
                  for ident in draw(unique_ids()))
    equipment = tuple(Equipment(ident, draw(idents), draw(st.sampled_from(site_ids)),
                                draw(st.none() | names), draw(st.booleans()),
                                periods(draw, slot, horizon), extra=draw(extras))
                      for ident in draw(unique_ids(max_size=3)))
    needs = tuple(need(draw, ident, slot, horizon, site_ids, skill_pool,
                       [f.id for f in facilitators], [r.id for r in rooms],
                       [e.id for e in equipment])
                  for ident in draw(unique_ids()))
    return Scenario(network, sites, facilitators, rooms, equipment, needs,
                    travel_minutes=travel(draw, sites),
                    skills=draw(st.none() | st.just(tuple(skill_pool))), extra=draw(extras))


def facilitator(draw, ident, slot, horizon, site_ids, skill_pool) -> Facilitator:
    low, target, high = sorted(draw(st.lists(st.integers(0, 5000), min_size=3, max_size=3)))
    return Facilitator(
        ident, draw(names), draw(st.sampled_from(site_ids)),
        {skill: draw(st.integers(1, 3)) for skill in subset(draw, skill_pool)},
        windows(draw, slot, horizon), periods(draw, slot, horizon), windows(draw, slot, horizon),
        draw(st.none() | st.just(subset(draw, site_ids))),
        WeeklyMinutes(low, draw(st.none() | st.just(target)), high, extra=draw(extras)),
        draw(st.integers(0, 1440)), draw(st.integers(0, 7)),
        draw(st.none() | st.integers(0, 600)), extra=draw(extras))


def need(draw, ident, slot, horizon, site_ids, skill_pool, facilitator_ids, room_ids,
         equipment_ids) -> Need:
    start, end = span(draw, slot)
    flexible = draw(st.booleans())
    if flexible:
        days = subset(draw, horizon, min_size=1)
        duration = draw(st.integers(1, (end - start) // slot)) * slot
        timing = {"days": days, "window_start": start, "window_end": end,
                  "duration_minutes": duration, "window_extra": draw(extras)}
        pin_start = draw(st.integers(start // slot, (end - duration) // slot)) * slot
    else:
        days = (draw(st.sampled_from(horizon)),)
        timing = {"date": days[0], "start": start, "end": end}
        pin_start = start
    room = draw(st.none() | st.builds(
        RoomRequest, st.just(subset(draw, ["laser", "pmr"])),
        st.none() | st.just(subset(draw, site_ids, min_size=1)), extras))
    pinned = draw(st.none() | st.builds(
        Pin, st.just(subset(draw, facilitator_ids)),
        st.none() if room is None or not room_ids else st.none() | st.sampled_from(room_ids),
        st.just(subset(draw, equipment_ids)), st.none() | st.sampled_from(days),
        st.none() | st.just(pin_start), extras))
    return Need(
        ident, draw(st.sampled_from(site_ids)), draw(names), draw(st.none() | names), **timing,
        staff=tuple(StaffLine(draw(st.sampled_from(skill_pool)), draw(st.integers(1, 3)),
                              draw(st.integers(1, 3)), extra=draw(extras))
                    for _ in range(draw(st.integers(0, 2)))),
        attendees=draw(st.integers(0, 40)), room=room,
        equipment=tuple(EquipmentRequest(draw(idents), draw(st.integers(1, 2)), draw(extras))
                        for _ in range(draw(st.integers(0, 2)))),
        priority=draw(st.sampled_from(PRIORITIES)),
        preferred_facilitators=subset(draw, facilitator_ids),
        pinned=pinned, extra=draw(extras))


@st.composite
def plans(draw) -> Plan:
    def assignment():
        start = draw(st.integers(0, 1439))
        return Assignment(draw(idents), draw(st.dates(date(2025, 1, 1), date(2028, 12, 31))),
                          start, draw(st.integers(start + 1, 1440)), draw(idents),
                          draw(st.none() | idents), tuple(draw(st.lists(idents, max_size=3))),
                          tuple(draw(st.lists(idents, max_size=2))), extra=draw(extras))

    finite = st.none() | st.floats(allow_nan=False, allow_infinity=False)
    return Plan(
        draw(st.sampled_from(["optimal", "feasible", "unknown"])),
        tuple(assignment() for _ in range(draw(st.integers(0, 3)))),
        tuple(Unmet(draw(idents), tuple(draw(st.lists(st.text(max_size=20), max_size=2))),
                    extra=draw(extras)) for _ in range(draw(st.integers(0, 2)))),
        draw(finite), draw(finite),
        draw(st.none() | st.dictionaries(st.text(max_size=8), json_values, max_size=3)),
        extra=draw(extras))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_scenario_survives_dict_and_json_round_trips(scenario):
    written = scenario_to_dict(scenario)
    assert scenario_from_dict(written) == scenario
    # Extras of value objects are not part of `==`: compare the documents too.
    assert scenario_to_dict(scenario_from_dict(written)) == written
    text = io.StringIO()
    write_scenario_json(scenario, text)
    assert read_scenario_json(io.StringIO(text.getvalue())) == scenario


@settings(max_examples=60, deadline=None)
@given(plans())
def test_plan_survives_dict_and_json_round_trips(plan):
    written = plan_to_dict(plan)
    assert plan_from_dict(written) == plan
    text = io.StringIO()
    write_plan_json(plan, text)
    assert read_plan_json(io.StringIO(text.getvalue())) == plan
