"""Builders of domain objects with sensible defaults, for tests (`make_need(start="14:00")`).

The defaults fit together: `make_plan(assignments=[make_assignment()])` is a valid plan of
`make_scenario()` (one site S1, facilitator F1 able to do `animation`, room R1, need N1 on
Monday 2026-03-02 09:00-12:00). Times may be given as "HH:MM" or minutes, dates as `date`, ISO
strings or a day offset from `WEEK_START`; windows and periods as tuples `(day, start, end)`;
lists become tuples.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pooling.domain import (WEEKDAYS, Assignment, DayPeriod, Equipment, EquipmentRequest,
                            Facilitator, Need, Network, Pin, Plan, RoomRequest, Room, Scenario,
                            Site, StaffLine, Unmet, WeeklyMinutes, Window)

WEEK_START = date(2026, 3, 2)
"""A Monday."""


def minutes(value: int | str | None) -> int | None:
    """"HH:MM" or minutes since midnight."""
    if value is None or isinstance(value, int):
        return value
    hours, mins = value.split(":")
    return int(hours) * 60 + int(mins)


def day(value: date | str | int | None) -> date | None:
    """A date, an ISO date string, or a day offset from WEEK_START."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, int):
        return WEEK_START + timedelta(days=value)
    return date.fromisoformat(value)


def window(value: Window | tuple) -> Window:
    if isinstance(value, Window):
        return value
    spec, start, end = value
    return Window(_day_spec(spec), minutes(start), minutes(end))


def period(value: DayPeriod | tuple | str) -> DayPeriod:
    """An `unavailable` entry: a DayPeriod, a day spec alone (whole day) or (day, start, end)."""
    if isinstance(value, DayPeriod):
        return value
    if not isinstance(value, tuple):
        return DayPeriod(_day_spec(value))
    spec, start, end = value
    return DayPeriod(_day_spec(spec), minutes(start), minutes(end))


def staff_line(value: StaffLine | tuple | str) -> StaffLine:
    """A StaffLine, a skill name, or (skill, level[, count])."""
    if isinstance(value, StaffLine):
        return value
    if isinstance(value, str):
        return StaffLine(value)
    return StaffLine(*value)


def _day_spec(value: date | str | int) -> str:
    """Weekday names stay; anything else becomes an ISO date."""
    if isinstance(value, str) and value in WEEKDAYS:
        return value
    return day(value).isoformat()


def make_network(**kw: Any) -> Network:
    kw.setdefault("name", "Réseau test")
    kw["week_start"] = day(kw.get("week_start", WEEK_START))
    return Network(**kw)


def make_site(id: str = "S1", **kw: Any) -> Site:
    kw.setdefault("name", f"Tiers-lieu {id}")
    return Site(id=id, **kw)


def make_facilitator(id: str = "F1", **kw: Any) -> Facilitator:
    """Available 08:00-20:00 every weekday name, home at S1, `animation` level 2."""
    kw.setdefault("name", f"Animateur {id}")
    kw.setdefault("home_site", "S1")
    kw.setdefault("skills", {"animation": 2})
    kw["availability"] = tuple(window(w) for w in kw.get(
        "availability", [(name, "08:00", "20:00") for name in WEEKDAYS]))
    kw["unavailable"] = tuple(period(p) for p in kw.get("unavailable", ()))
    kw["avoid"] = tuple(window(w) for w in kw.get("avoid", ()))
    if kw.get("sites") is not None:
        kw["sites"] = tuple(kw["sites"])
    if isinstance(kw.get("weekly_minutes"), dict):
        kw["weekly_minutes"] = WeeklyMinutes(**kw["weekly_minutes"])
    return Facilitator(id=id, **kw)


def make_room(id: str = "R1", **kw: Any) -> Room:
    """Always open (availability None) at S1, for 20 people."""
    kw.setdefault("site", "S1")
    kw.setdefault("name", f"Salle {id}")
    kw.setdefault("capacity", 20)
    kw["features"] = tuple(kw.get("features", ()))
    if kw.get("availability") is not None:
        kw["availability"] = tuple(window(w) for w in kw["availability"])
    return Room(id=id, **kw)


def make_equipment(id: str = "E1", **kw: Any) -> Equipment:
    """A mobile projector kept at S1."""
    kw.setdefault("type", "projector")
    kw.setdefault("home_site", "S1")
    kw["unavailable"] = tuple(period(p) for p in kw.get("unavailable", ()))
    return Equipment(id=id, **kw)


def make_need(id: str = "N1", **kw: Any) -> Need:
    """Fixed on WEEK_START 09:00-12:00 at S1, one `animation` facilitator, a room at S1.

    Give `days` (with `window_start`, `window_end`, `duration_minutes`) for a flexible need.
    """
    kw.setdefault("site", "S1")
    kw.setdefault("title", f"Atelier {id}")
    if "days" in kw:
        kw["days"] = tuple(day(d) for d in kw["days"])
        kw.setdefault("window_start", "08:00")
        kw.setdefault("window_end", "20:00")
        kw.setdefault("duration_minutes", 180)
        for name in ("window_start", "window_end"):
            kw[name] = minutes(kw[name])
    else:
        kw["date"] = day(kw.get("date", WEEK_START))
        kw["start"] = minutes(kw.get("start", "09:00"))
        kw["end"] = minutes(kw.get("end", "12:00"))
    kw["staff"] = tuple(staff_line(s) for s in kw.get("staff", ["animation"]))
    kw["equipment"] = tuple(r if isinstance(r, EquipmentRequest) else EquipmentRequest(*r)
                            for r in kw.get("equipment", ()))
    kw["preferred_facilitators"] = tuple(kw.get("preferred_facilitators", ()))
    if isinstance(kw.get("room"), dict):
        request = kw["room"]
        kw["room"] = RoomRequest(tuple(request.get("features", ())),
                                 tuple(request["at"]) if request.get("at") is not None else None)
    if isinstance(kw.get("pinned"), dict):
        kw["pinned"] = make_pin(**kw["pinned"])
    return Need(id=id, **kw)


def make_pin(**kw: Any) -> Pin:
    kw["facilitators"] = tuple(kw.get("facilitators", ()))
    kw["equipment"] = tuple(kw.get("equipment", ()))
    kw["date"] = day(kw.get("date"))
    kw["start"] = minutes(kw.get("start"))
    return Pin(**kw)


def make_scenario(**kw: Any) -> Scenario:
    """Network, sites, people, rooms, equipment and needs; `travel_minutes` as {(a, b): min}."""
    network = kw.pop("network", None) or make_network()
    return Scenario(
        network=network,
        sites=tuple(kw.pop("sites", [make_site()])),
        facilitators=tuple(kw.pop("facilitators", [make_facilitator()])),
        rooms=tuple(kw.pop("rooms", [make_room()])),
        equipment=tuple(kw.pop("equipment", ())),
        needs=tuple(kw.pop("needs", [make_need()])),
        travel_minutes=dict(kw.pop("travel_minutes", {})),
        **kw)


def make_assignment(need: str | Need = "N1", **kw: Any) -> Assignment:
    """Defaults fit `make_need()`; given a Need, its fixed time, site and room-lessness apply."""
    if isinstance(need, Need):
        if not need.is_flexible:
            kw.setdefault("date", need.date)
            kw.setdefault("start", need.start)
            kw.setdefault("end", need.end)
        kw.setdefault("site", need.site)
        if need.room is None:
            kw.setdefault("room", None)
        need = need.id
    kw["date"] = day(kw.get("date", WEEK_START))
    kw["start"] = minutes(kw.get("start", "09:00"))
    kw["end"] = minutes(kw.get("end", "12:00"))
    kw.setdefault("site", "S1")
    kw.setdefault("room", "R1")
    kw["facilitators"] = tuple(kw.get("facilitators", ["F1"]))
    kw["equipment"] = tuple(kw.get("equipment", ()))
    return Assignment(need=need, **kw)


def make_unmet(need: str = "N1", reasons: tuple[str, ...] | list[str] = (
        "no facilitator with skill animation >= 1 is available",), **kw: Any) -> Unmet:
    return Unmet(need=need, reasons=tuple(reasons), **kw)


def make_plan(assignments: Any = (), unmet: Any = (), **kw: Any) -> Plan:
    kw.setdefault("status", "feasible")
    return Plan(assignments=tuple(assignments), unmet=tuple(unmet), **kw)
