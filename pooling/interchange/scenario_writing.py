"""A `Scenario` to its canonical format v1 document.

Canonical: `format` first, then the spec's field order; defaults written out so that a reader
sees every value in force; optional fields without a value left out; `extra` copied untouched.
"""

from __future__ import annotations

import copy
from typing import Any

from pooling.domain import (
    DayPeriod, Equipment, Extra, Facilitator, Need, Pin, Room, RoomRequest, Rostering, Scenario,
    Site, StaffLine, Window, format_time,
)
from pooling.interchange.scenario_reading import SCENARIO_FORMAT


def present(extra: Extra | None = None, **fields: Any) -> dict[str, Any]:
    """An object of the fields that have a value, in the given order, then its `extra`."""
    written = {key: value for key, value in fields.items() if value is not None}
    if extra is not None:
        written["extra"] = copy.deepcopy(extra)
    return written


def time_or_none(minutes: int | None) -> str | None:
    return None if minutes is None else format_time(minutes)


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    network = scenario.network
    return present(
        format=SCENARIO_FORMAT,
        network=present(name=network.name, week_start=network.week_start.isoformat(),
                        days=network.days, slot_minutes=network.slot_minutes,
                        timezone=network.timezone, extra=network.extra),
        sites=[site_to_dict(site) for site in scenario.sites],
        travel_minutes=travel_to_dict(scenario.travel_minutes),
        skills=list(scenario.skills) if scenario.skills is not None else None,
        facilitators=[facilitator_to_dict(f) for f in scenario.facilitators],
        rooms=[room_to_dict(room) for room in scenario.rooms],
        equipment=[equipment_to_dict(unit) for unit in scenario.equipment],
        needs=[need_to_dict(need) for need in scenario.needs],
        extra=scenario.extra,
    )


def site_to_dict(site: Site) -> dict[str, Any]:
    return present(id=site.id, name=site.name, commune=site.commune, lat=site.lat, lon=site.lon,
                   pool_share=site.pool_share, extra=site.extra)


def travel_to_dict(travel: dict[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for (a, b), minutes in travel.items():
        table.setdefault(a, {})[b] = minutes
    return table


def window_to_dict(window: Window) -> dict[str, Any]:
    return present(day=window.day, start=format_time(window.start),
                   end=format_time(window.end), extra=window.extra)


def period_to_dict(period: DayPeriod) -> dict[str, Any]:
    return present(day=period.day, start=time_or_none(period.start),
                   end=time_or_none(period.end), extra=period.extra)


def facilitator_to_dict(facilitator: Facilitator) -> dict[str, Any]:
    weekly = facilitator.weekly_minutes
    return present(
        id=facilitator.id,
        name=facilitator.name,
        home_site=facilitator.home_site,
        skills=dict(facilitator.skills),
        availability=[window_to_dict(w) for w in facilitator.availability],
        unavailable=[period_to_dict(p) for p in facilitator.unavailable],
        avoid=[window_to_dict(w) for w in facilitator.avoid],
        sites=list(facilitator.sites) if facilitator.sites is not None else None,
        weekly_minutes=present(min=weekly.min, target=weekly.target, max=weekly.max,
                               extra=weekly.extra),
        max_daily_minutes=facilitator.max_daily_minutes,
        max_days_per_week=facilitator.max_days_per_week,
        max_daily_travel_minutes=facilitator.max_daily_travel_minutes,
        rostering=rostering_to_dict(facilitator.rostering),
        extra=facilitator.extra,
    )


def rostering_to_dict(rostering: Rostering) -> dict[str, Any] | None:
    """Only the rules in force; None (left out) when there is none and no `extra`."""
    if rostering == Rostering() and rostering.extra is None:
        return None
    return present(
        min_consecutive_days=rostering.min_consecutive_days,
        max_consecutive_days=rostering.max_consecutive_days,
        min_consecutive_days_off=rostering.min_consecutive_days_off,
        max_weekends=rostering.max_weekends,
        max_needs_by_kind=dict(rostering.max_needs_by_kind) or None,
        forbidden_next_day={kind: list(following) for kind, following
                            in rostering.forbidden_next_day.items()} or None,
        min_total_minutes=rostering.min_total_minutes,
        max_total_minutes=rostering.max_total_minutes,
        requests=[present(date=request.date.isoformat(), kind=request.kind, work=request.work,
                          weight=request.weight, extra=request.extra)
                  for request in rostering.requests] or None,
        extra=rostering.extra,
    )


def room_to_dict(room: Room) -> dict[str, Any]:
    availability = room.availability
    return present(
        id=room.id, site=room.site, name=room.name, capacity=room.capacity,
        features=list(room.features),
        availability=[window_to_dict(w) for w in availability] if availability is not None
        else None,
        extra=room.extra,
    )


def equipment_to_dict(unit: Equipment) -> dict[str, Any]:
    return present(id=unit.id, type=unit.type, name=unit.name, home_site=unit.home_site,
                   mobile=unit.mobile, unavailable=[period_to_dict(p) for p in unit.unavailable],
                   extra=unit.extra)


def need_to_dict(need: Need) -> dict[str, Any]:
    written = present(id=need.id, site=need.site, title=need.title, kind=need.kind)
    if need.is_flexible:
        written.update(
            days=[day.isoformat() for day in need.days],
            window=present(start=format_time(need.window_start),
                           end=format_time(need.window_end), extra=need.window_extra),
            duration_minutes=need.duration_minutes,
        )
    else:
        written.update(date=need.date.isoformat(), start=format_time(need.start),
                       end=format_time(need.end))
    written.update(
        staff=[staff_line_to_dict(line) for line in need.staff],
        attendees=need.attendees,
        room=room_request_to_dict(need.room),
        equipment=[present(type=request.type, count=request.count, extra=request.extra)
                   for request in need.equipment],
        priority=need.priority,
        preferred_facilitators=list(need.preferred_facilitators),
    )
    pinned = need.pinned
    written.update(present(pinned=pin_to_dict(pinned) if pinned is not None else None,
                           extra=need.extra))
    return written


def staff_line_to_dict(line: StaffLine) -> dict[str, Any]:
    return present(skill=line.skill, level=line.level, count=line.count,
                   under_weight=line.under_weight, over_weight=line.over_weight, extra=line.extra)


def room_request_to_dict(request: RoomRequest | None) -> dict[str, Any] | None:
    """`None` stays: a need's `"room": null` means it uses no room."""
    if request is None:
        return None
    return present(features=list(request.features),
                   at=list(request.at) if request.at is not None else None, extra=request.extra)


def pin_to_dict(pin: Pin) -> dict[str, Any]:
    return present(facilitators=list(pin.facilitators), room=pin.room,
                   equipment=list(pin.equipment),
                   date=pin.date.isoformat() if pin.date is not None else None,
                   start=time_or_none(pin.start), extra=pin.extra)
