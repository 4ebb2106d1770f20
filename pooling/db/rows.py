"""The one translation between a scenario's domain values and database rows, both ways.

Each `*_row` builds the rows of one domain value; each `*_value` gives the value back exactly,
free-form `extra` objects included (value objects ignore them in `==`, the database keeps them).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from pooling import domain
from pooling.db import models

# --- nested values kept in JSON columns ------------------------------------------------------


def value_json(value: domain.Window | domain.DayPeriod) -> dict[str, Any]:
    """A window or period as a JSON object; an absent `extra` is left out."""
    fields = asdict(value)
    if fields["extra"] is None:
        del fields["extra"]
    return fields


def windows_json(windows: tuple[domain.Window, ...] | tuple[domain.DayPeriod, ...],
                 ) -> list[dict[str, Any]]:
    """Windows or unavailable periods as a JSON list."""
    return [value_json(window) for window in windows]


def windows_value(rows: list[dict[str, Any]]) -> tuple[domain.Window, ...]:
    return tuple(domain.Window(**row) for row in rows)


def periods_value(rows: list[dict[str, Any]]) -> tuple[domain.DayPeriod, ...]:
    return tuple(domain.DayPeriod(**row) for row in rows)


def optional_list(values: tuple[Any, ...] | None) -> list[Any] | None:
    return None if values is None else list(values)


def optional_tuple(values: list[Any] | None) -> tuple[Any, ...] | None:
    return None if values is None else tuple(values)


def room_request_json(request: domain.RoomRequest | None) -> dict[str, Any] | None:
    if request is None:
        return None
    return {"features": list(request.features), "at": optional_list(request.at),
            "extra": request.extra}


def room_request_value(row: dict[str, Any] | None) -> domain.RoomRequest | None:
    if row is None:
        return None
    return domain.RoomRequest(features=tuple(row["features"]), at=optional_tuple(row["at"]),
                              extra=row["extra"])


def pin_json(pin: domain.Pin | None) -> dict[str, Any] | None:
    if pin is None:
        return None
    return {"facilitators": list(pin.facilitators), "room": pin.room,
            "equipment": list(pin.equipment),
            "date": pin.date.isoformat() if pin.date else None,
            "start": pin.start, "extra": pin.extra}


def pin_value(row: dict[str, Any] | None) -> domain.Pin | None:
    if row is None:
        return None
    return domain.Pin(facilitators=tuple(row["facilitators"]), room=row["room"],
                      equipment=tuple(row["equipment"]),
                      date=date.fromisoformat(row["date"]) if row["date"] else None,
                      start=row["start"], extra=row["extra"])


def rostering_json(rostering: domain.Rostering) -> dict[str, Any] | None:
    """The rules as a JSON object; None when there is no rule and no `extra`."""
    if rostering == domain.Rostering() and rostering.extra is None:
        return None
    fields = asdict(rostering)
    fields["forbidden_next_day"] = {kind: list(following) for kind, following
                                    in rostering.forbidden_next_day.items()}
    fields["requests"] = [{"date": request.date.isoformat(), "kind": request.kind,
                           "work": request.work, "weight": request.weight,
                           "extra": request.extra} for request in rostering.requests]
    return fields


def rostering_value(row: dict[str, Any] | None) -> domain.Rostering:
    if row is None:
        return domain.Rostering()
    return domain.Rostering(**{
        **row,
        "forbidden_next_day": {kind: tuple(following) for kind, following
                               in row["forbidden_next_day"].items()},
        "requests": tuple(domain.RosteringRequest(**{**request,
                                                     "date": date.fromisoformat(request["date"])})
                          for request in row["requests"]),
    })


# --- network-level rows ----------------------------------------------------------------------


def site_row(site: domain.Site, position: int) -> models.Site:
    return models.Site(position=position, code=site.id, name=site.name, commune=site.commune,
                       lat=site.lat, lon=site.lon, pool_share=site.pool_share, extra=site.extra)


def site_value(row: models.Site) -> domain.Site:
    return domain.Site(id=row.code, name=row.name, commune=row.commune, lat=row.lat,
                       lon=row.lon, pool_share=row.pool_share, extra=row.extra)


def travel_rows(travel: dict[tuple[str, str], int]) -> list[models.TravelPair]:
    return [models.TravelPair(position=position, from_site=a, to_site=b, minutes=minutes)
            for position, ((a, b), minutes) in enumerate(travel.items())]


def travel_value(rows: list[models.TravelPair]) -> dict[tuple[str, str], int]:
    return {(row.from_site, row.to_site): row.minutes for row in rows}


def facilitator_row(person: domain.Facilitator, position: int) -> models.Facilitator:
    return models.Facilitator(
        position=position, code=person.id, name=person.name, home_site=person.home_site,
        skills=[models.FacilitatorSkill(position=rank, skill=skill, level=level)
                for rank, (skill, level) in enumerate(person.skills.items())],
        availability=windows_json(person.availability),
        unavailable=windows_json(person.unavailable),
        avoid=windows_json(person.avoid),
        sites=optional_list(person.sites),
        weekly_min=person.weekly_minutes.min, weekly_target=person.weekly_minutes.target,
        weekly_max=person.weekly_minutes.max, weekly_extra=person.weekly_minutes.extra,
        max_daily_minutes=person.max_daily_minutes,
        max_days_per_week=person.max_days_per_week,
        max_daily_travel_minutes=person.max_daily_travel_minutes,
        extra=person.extra,
        rostering=rostering_json(person.rostering))


def facilitator_value(row: models.Facilitator) -> domain.Facilitator:
    return domain.Facilitator(
        id=row.code, name=row.name, home_site=row.home_site,
        skills={line.skill: line.level for line in row.skills},
        availability=windows_value(row.availability),
        unavailable=periods_value(row.unavailable),
        avoid=windows_value(row.avoid),
        sites=optional_tuple(row.sites),
        weekly_minutes=domain.WeeklyMinutes(min=row.weekly_min, target=row.weekly_target,
                                            max=row.weekly_max, extra=row.weekly_extra),
        max_daily_minutes=row.max_daily_minutes,
        max_days_per_week=row.max_days_per_week,
        max_daily_travel_minutes=row.max_daily_travel_minutes,
        extra=row.extra,
        rostering=rostering_value(row.rostering))


def room_row(room: domain.Room, position: int) -> models.Room:
    availability = None if room.availability is None else windows_json(room.availability)
    return models.Room(position=position, code=room.id, site=room.site, name=room.name,
                       capacity=room.capacity, features=list(room.features),
                       availability=availability, extra=room.extra)


def room_value(row: models.Room) -> domain.Room:
    availability = None if row.availability is None else windows_value(row.availability)
    return domain.Room(id=row.code, site=row.site, name=row.name, capacity=row.capacity,
                       features=tuple(row.features), availability=availability,
                       extra=row.extra)


def equipment_row(unit: domain.Equipment, position: int) -> models.Equipment:
    return models.Equipment(position=position, code=unit.id, type=unit.type, name=unit.name,
                            home_site=unit.home_site, mobile=unit.mobile,
                            unavailable=windows_json(unit.unavailable), extra=unit.extra)


def equipment_value(row: models.Equipment) -> domain.Equipment:
    return domain.Equipment(id=row.code, type=row.type, name=row.name,
                            home_site=row.home_site, mobile=row.mobile,
                            unavailable=periods_value(row.unavailable), extra=row.extra)


# --- needs -----------------------------------------------------------------------------------


def need_row(need: domain.Need, position: int) -> models.Need:
    return models.Need(
        position=position, code=need.id, site=need.site, title=need.title, kind=need.kind,
        date=need.date, start_minute=need.start, end_minute=need.end,
        days=None if need.days is None else [day.isoformat() for day in need.days],
        window_start=need.window_start, window_end=need.window_end,
        window_extra=need.window_extra, duration_minutes=need.duration_minutes,
        staff=[models.NeedStaffLine(position=rank, skill=line.skill, level=line.level,
                                    count=line.count, extra=line.extra,
                                    under_weight=line.under_weight,
                                    over_weight=line.over_weight)
               for rank, line in enumerate(need.staff)],
        attendees=need.attendees,
        room=room_request_json(need.room),
        equipment=[models.NeedEquipment(position=rank, type=request.type,
                                        count=request.count, extra=request.extra)
                   for rank, request in enumerate(need.equipment)],
        priority=need.priority,
        preferred_facilitators=list(need.preferred_facilitators),
        pinned=pin_json(need.pinned),
        extra=need.extra)


def need_value(row: models.Need) -> domain.Need:
    return domain.Need(
        id=row.code, site=row.site, title=row.title, kind=row.kind,
        date=row.date, start=row.start_minute, end=row.end_minute,
        days=None if row.days is None else tuple(date.fromisoformat(day) for day in row.days),
        window_start=row.window_start, window_end=row.window_end,
        window_extra=row.window_extra, duration_minutes=row.duration_minutes,
        staff=tuple(domain.StaffLine(skill=line.skill, level=line.level, count=line.count,
                                     extra=line.extra, under_weight=line.under_weight,
                                     over_weight=line.over_weight) for line in row.staff),
        attendees=row.attendees,
        room=room_request_value(row.room),
        equipment=tuple(domain.EquipmentRequest(type=line.type, count=line.count,
                                                extra=line.extra) for line in row.equipment),
        priority=row.priority,  # type: ignore[arg-type]  # checked by the database
        preferred_facilitators=tuple(row.preferred_facilitators),
        pinned=pin_value(row.pinned),
        extra=row.extra)


# --- the whole scenario ----------------------------------------------------------------------


def scenario_value(week: models.PlanningWeek) -> domain.Scenario:
    """The scenario of a stored week: its network's shared resources and the week's needs."""
    network = week.network
    return domain.Scenario(
        network=domain.Network(name=network.name, week_start=week.week_start, days=week.days,
                               slot_minutes=network.slot_minutes, timezone=network.timezone,
                               extra=network.extra),
        sites=tuple(site_value(row) for row in network.sites),
        facilitators=tuple(facilitator_value(row) for row in network.facilitators),
        rooms=tuple(room_value(row) for row in network.rooms),
        equipment=tuple(equipment_value(row) for row in network.equipment),
        needs=tuple(need_value(row) for row in week.needs),
        travel_minutes=travel_value(network.travel_pairs),
        skills=optional_tuple(network.skills),
        extra=week.extra)
