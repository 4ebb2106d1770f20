"""A scenario document (format v1) to a `Scenario`, checking everything the format promises.

The whole document is read even after a problem, so that the coordinator gets every problem at
once; `InvalidInput` is raised at the end when there is any.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pooling.domain import (
    PRIORITIES, SLOT_SIZES, DayPeriod, Equipment, EquipmentRequest, Facilitator, Need, Network,
    Pin, Room, RoomRequest, Scenario, Site, StaffLine, WeeklyMinutes, Window, format_time,
)
from pooling.i18n import N_
from pooling.interchange.fields import (
    Fields, Problems, key_path, read_date, read_integer, read_text, shown,
)
from pooling.interchange.rostering_reading import ROSTERING_FIELDS, read_rostering
from pooling.interchange.scenario_ids import Ids
from pooling.travel import unresolvable_pairs

SCENARIO_FORMAT = "pooling-scenario/1"
FIXED_TIME = ("date", "start", "end")
FLEXIBLE_TIME = ("days", "window", "duration_minutes")
DAILY_MINUTES_CAP = 24 * 60


@dataclass
class Context:
    """What reading one entity needs to know about the rest of the document."""

    problems: Problems
    ids: Ids
    slot: int | None
    """The network's slot size; None when it is itself wrong (times are then not grid-checked)."""
    horizon: Network | None
    """None when `week_start` or `days` is wrong (dates are then not horizon-checked)."""
    skills: frozenset[str] | None

    def check_skill(self, where: str, skill: str | None) -> None:
        if skill is not None and self.skills is not None and skill not in self.skills:
            self.problems.add(where, N_("skill {skill} is not in the skills list: add it to "
                                        "$.skills or fix its spelling"), skill=shown(skill))

    def check_in_horizon(self, where: str, day: date | None) -> None:
        if day is not None and self.horizon is not None and not self.horizon.contains(day):
            dates = self.horizon.dates
            self.problems.add(where, N_("date {date} is outside the horizon {first} to {last}: "
                                        "change the date, or network.week_start and days"),
                              date=day.isoformat(), first=dates[0].isoformat(),
                              last=dates[-1].isoformat())

    def span(self, fields: Fields, start_key: str = "start",
             end_key: str = "end") -> tuple[int | None, int | None]:
        """Two times on the grid with start before end."""
        start, end = fields.time(start_key, self.slot), fields.time(end_key, self.slot)
        if start is not None and end is not None and start >= end:
            self.problems.add(fields.path, N_("start {start} must be before end {end}"),
                              start=format_time(start), end=format_time(end))
        return start, end


def read_scenario(data: Any, problems: Problems) -> Scenario:
    """The scenario of a parsed JSON document; raises `InvalidInput` with every problem."""
    top = Fields(problems, "$", data, (
        "format", "network", "sites", "travel_minutes", "skills", "facilitators", "rooms",
        "equipment", "needs",
    ), required=("format", "network", "sites", "facilitators", "rooms", "equipment", "needs"))
    if not top.ok:
        problems.raise_if_any()
    top.check_format(SCENARIO_FORMAT)
    network = read_network(top.object("network", (
        "name", "week_start", "days", "slot_minutes", "timezone",
    ), required=("name", "week_start")))
    skills = top.strings("skills")
    ids = Ids(problems, top)
    horizon_known = network is not None and None not in (network.week_start, network.days)
    context = Context(problems, ids,
                      slot=network.slot_minutes if network is not None else None,
                      horizon=network if horizon_known else None,
                      skills=frozenset(skills) if skills is not None else None)
    sites = read_list(context, top, "sites", read_site)
    travel = read_travel(context, top)
    check_travel_complete(context, top, travel)
    scenario = Scenario(
        network=network,
        sites=sites,
        facilitators=read_list(context, top, "facilitators", read_facilitator),
        rooms=read_list(context, top, "rooms", read_room),
        equipment=read_list(context, top, "equipment", read_equipment),
        needs=read_list(context, top, "needs", read_need),
        travel_minutes=travel,
        skills=skills,
        extra=top.extra(),
    )
    problems.raise_if_any()
    return scenario


def read_list(context: Context, fields: Fields, key: str, reader) -> tuple:
    """`reader(context, path, value)` applied to each element of the list at `key`."""
    return tuple(reader(context, *element) for element in fields.items(key) or ())


def read_network(fields: Fields | None) -> Network | None:
    if fields is None:
        return None
    week_start = fields.date("week_start")
    if week_start is not None and week_start.weekday() != 0:
        monday = week_start - timedelta(days=week_start.weekday())
        fields.problems.add(fields.at("week_start"),
                            N_("{date} is not a Monday: use {monday}, the Monday of that week"),
                            date=week_start.isoformat(), monday=monday.isoformat())
    return Network(
        name=fields.text("name"),
        week_start=week_start,
        days=fields.integer("days", 7, low=1, high=366),
        slot_minutes=fields.choice("slot_minutes", SLOT_SIZES, 15),
        timezone=fields.text("timezone", "Europe/Paris"),
        extra=fields.extra(),
    )


def read_site(context: Context, where: str, value: Any) -> Site:
    fields = Fields(context.problems, where, value,
                    ("id", "name", "commune", "lat", "lon", "pool_share"), required=("id", "name"))
    return Site(
        id=fields.id("id"),
        name=fields.text("name"),
        commune=fields.text("commune"),
        lat=fields.number("lat", low=-90, high=90),
        lon=fields.number("lon", low=-180, high=180),
        pool_share=fields.number("pool_share", 1.0, low=0),
        extra=fields.extra(),
    )


def read_travel(context: Context, top: Fields) -> dict[tuple[str, str], int]:
    """Declared travel minutes, each pair as given; both directions must agree."""
    table = top.get("travel_minutes")
    if table is None:
        return {}
    problems, path = context.problems, top.at("travel_minutes")
    if not isinstance(table, dict):
        problems.add(path, N_("must be an object, not {value}"), value=shown(table))
        return {}
    pairs: dict[tuple[str, str], int] = {}
    for a, row in table.items():
        row_path = key_path(path, a)
        context.ids.refer(row_path, "sites", a)
        if not isinstance(row, dict):
            problems.add(row_path, N_("must be an object, not {value}"), value=shown(row))
            continue
        for b, value in row.items():
            where = key_path(row_path, b)
            context.ids.refer(where, "sites", b)
            minutes = read_integer(problems, where, value, low=0)
            if minutes is None:
                continue
            back = pairs.get((b, a))
            if a == b and minutes != 0:
                problems.add(where, N_("travel from {site} to itself must be 0, not {value}"),
                             site=shown(a), value=minutes)
            elif back is not None and back != minutes:
                problems.add(where, N_("travel {a} -> {b} is {there} min but {b} -> {a} is "
                                       "{back} min: give the same time both ways"),
                             a=shown(a), b=shown(b), there=minutes, back=back)
            pairs[(a, b)] = minutes
    return pairs


def check_travel_complete(context: Context, top: Fields,
                          travel: dict[tuple[str, str], int]) -> None:
    """Every pair of sites needs a declared time or coordinates at both ends.

    Coordinates count as given when present, even if wrong (that is reported on its own)."""
    known = context.ids.known["sites"]
    listed = top.get("sites") if isinstance(top.get("sites"), list) else []
    sites = [site for site in listed
             if isinstance(site, dict) and isinstance(site.get("id"), str) and site["id"] in known]
    located = {site["id"] for site in sites
               if site.get("lat") is not None and site.get("lon") is not None}
    ids = [site["id"] for site in sites]
    for a, b in unresolvable_pairs(ids, located, travel):
        context.problems.add(top.at("travel_minutes"),
                             N_("no travel time between {a} and {b}: add it to travel_minutes, "
                                "or give both sites lat and lon"), a=shown(a), b=shown(b))


def read_facilitator(context: Context, where: str, value: Any) -> Facilitator:
    fields = Fields(context.problems, where, value, (
        "id", "name", "home_site", "skills", "availability", "unavailable", "avoid", "sites",
        "weekly_minutes", "max_daily_minutes", "max_days_per_week", "max_daily_travel_minutes",
        "rostering",
    ), required=("id", "name", "home_site", "skills", "availability"))
    home_site = fields.id("home_site")
    context.ids.refer(fields.at("home_site"), "sites", home_site)
    return Facilitator(
        id=fields.id("id"),
        name=fields.text("name"),
        home_site=home_site,
        skills=read_skill_levels(context, fields),
        availability=read_windows(context, fields, "availability") or (),
        unavailable=read_list(context, fields, "unavailable", read_period),
        avoid=read_windows(context, fields, "avoid") or (),
        sites=context.ids.references(fields, "sites", "sites"),
        weekly_minutes=read_weekly_minutes(fields.object("weekly_minutes",
                                                         ("min", "target", "max"))),
        max_daily_minutes=fields.integer("max_daily_minutes", 600, low=0,
                                         high=DAILY_MINUTES_CAP),
        max_days_per_week=fields.integer("max_days_per_week", 6, low=0, high=7),
        max_daily_travel_minutes=fields.integer("max_daily_travel_minutes", low=0),
        extra=fields.extra(),
        rostering=read_rostering(context, fields.object("rostering", ROSTERING_FIELDS)),
    )


def read_skill_levels(context: Context, fields: Fields) -> dict[str, int]:
    """`{skill: level}` with levels 1..3 and, when the scenario lists skills, listed skills."""
    table = fields.get("skills")
    if table is None:
        return {}
    if not isinstance(table, dict):
        context.problems.add(fields.at("skills"), N_("must be an object, not {value}"),
                             value=shown(table))
        return {}
    levels: dict[str, int] = {}
    for skill, level in table.items():
        where = key_path(fields.at("skills"), skill)
        if read_text(context.problems, where, skill, non_empty=True) is not None:
            context.check_skill(where, skill)
        levels[skill] = read_integer(context.problems, where, level, low=1, high=3)
    return levels


def read_weekly_minutes(fields: Fields | None) -> WeeklyMinutes:
    if fields is None:
        return WeeklyMinutes()
    low = fields.integer("min", 0, low=0)
    target = fields.integer("target", low=0)
    high = fields.integer("max", 2880, low=0)
    if low is not None and high is not None and low > high:
        fields.problems.add(fields.path, N_("min {min} is above max {max}: lower min or raise max"),
                            min=low, max=high)
    elif None not in (low, target, high) and not low <= target <= high:
        fields.problems.add(fields.at("target"),
                            N_("target {target} must lie between min {min} and max {max}"),
                            target=target, min=low, max=high)
    return WeeklyMinutes(min=low, target=target, max=high, extra=fields.extra())


def read_windows(context: Context, fields: Fields, key: str) -> tuple[Window, ...] | None:
    """A list of windows; None when absent. Dates outside the horizon are allowed (such
    windows are simply never used)."""
    return None if fields.get(key) is None else read_list(context, fields, key, read_window)


def read_window(context: Context, where: str, value: Any) -> Window:
    window = Fields(context.problems, where, value, ("day", "start", "end"),
                    required=("day", "start", "end"))
    start, end = context.span(window)
    return Window(window.day("day"), start, end, extra=window.extra())


def read_period(context: Context, where: str, value: Any) -> DayPeriod:
    """An `unavailable` entry: `{day, start?, end?}`."""
    period = Fields(context.problems, where, value, ("day", "start", "end"), required=("day",))
    start, end = context.span(period)
    return DayPeriod(period.day("day"), start, end, extra=period.extra())


def read_room(context: Context, where: str, value: Any) -> Room:
    fields = Fields(context.problems, where, value,
                    ("id", "site", "name", "capacity", "features", "availability"),
                    required=("id", "site", "name", "capacity"))
    site = fields.id("site")
    context.ids.refer(fields.at("site"), "sites", site)
    return Room(
        id=fields.id("id"),
        site=site,
        name=fields.text("name"),
        capacity=fields.integer("capacity", low=0),
        features=fields.strings("features") or (),
        availability=read_windows(context, fields, "availability"),
        extra=fields.extra(),
    )


def read_equipment(context: Context, where: str, value: Any) -> Equipment:
    fields = Fields(context.problems, where, value,
                    ("id", "type", "name", "home_site", "mobile", "unavailable"),
                    required=("id", "type", "home_site"))
    home_site = fields.id("home_site")
    context.ids.refer(fields.at("home_site"), "sites", home_site)
    return Equipment(
        id=fields.id("id"),
        type=fields.id("type"),
        home_site=home_site,
        name=fields.text("name"),
        mobile=fields.boolean("mobile", True),
        unavailable=read_list(context, fields, "unavailable", read_period),
        extra=fields.extra(),
    )


def read_need(context: Context, where: str, value: Any) -> Need:
    fields = Fields(context.problems, where, value, (
        "id", "site", "title", "kind", *FIXED_TIME, *FLEXIBLE_TIME, "staff", "attendees", "room",
        "equipment", "priority", "preferred_facilitators", "pinned",
    ), required=("id", "site", "title"))
    site = fields.id("site")
    context.ids.refer(fields.at("site"), "sites", site)
    need = Need(
        id=fields.id("id"),
        site=site,
        title=fields.text("title"),
        kind=fields.text("kind"),
        **read_need_time(context, fields),
        staff=read_list(context, fields, "staff", read_staff_line),
        attendees=fields.integer("attendees", 0, low=0),
        room=read_room_request(context, fields),
        equipment=read_list(context, fields, "equipment", read_equipment_request),
        priority=fields.choice("priority", PRIORITIES, "normal"),
        preferred_facilitators=context.ids.references(fields, "preferred_facilitators",
                                                      "facilitators") or (),
        pinned=read_pin(context, fields.object("pinned", (
            "facilitators", "room", "equipment", "date", "start",
        ))),
        extra=fields.extra(),
    )
    if need.pinned is not None:
        check_pin_fits(context, fields.at("pinned"), need, need.pinned)
    return need


def read_need_time(context: Context, fields: Fields) -> dict[str, Any]:
    """The `Need` fields of its time: fixed (date, start, end) or flexible, never both."""
    fixed, flexible = fields.given(*FIXED_TIME), fields.given(*FLEXIBLE_TIME)
    if fixed and flexible:
        fields.problems.add(fields.path, N_(
            "a need has either a fixed time (date, start, end) or a flexible one (days, window, "
            "duration_minutes), not both: remove {fields}"),
            fields=", ".join(flexible if len(fixed) >= len(flexible) else fixed))
        return {}
    if not fixed and not flexible:
        fields.problems.add(fields.path, N_(
            "missing time: give date, start and end (fixed time) or days, window and "
            "duration_minutes (flexible time)"))
        return {}
    for key in FLEXIBLE_TIME if flexible else FIXED_TIME:
        if fields.get(key) is None:
            fields.problems.add(fields.path, N_("missing required field {field}"), field=key)
    return read_flexible_time(context, fields) if flexible else read_fixed_time(context, fields)


def read_fixed_time(context: Context, fields: Fields) -> dict[str, Any]:
    day = fields.date("date")
    context.check_in_horizon(fields.at("date"), day)
    start, end = context.span(fields)
    return {"date": day, "start": start, "end": end}


def read_flexible_time(context: Context, fields: Fields) -> dict[str, Any]:
    days: list[date] = []
    for where, value in fields.items("days") or ():
        day = read_date(context.problems, where, value)
        if day in days:
            context.problems.add(where, N_("{value} is listed twice: keep it once"),
                                 value=shown(value))
        elif day is not None:
            context.check_in_horizon(where, day)
            days.append(day)
    if fields.get("days") == []:
        context.problems.add(fields.at("days"), N_("must list at least one date"))
    window = fields.object("window", ("start", "end"), required=("start", "end"))
    start, end = context.span(window) if window is not None else (None, None)
    duration = fields.integer("duration_minutes", low=1)
    check_duration(context, fields.at("duration_minutes"), duration, start, end)
    return {"days": tuple(days), "window_start": start, "window_end": end,
            "duration_minutes": duration,
            "window_extra": window.extra() if window is not None else None}


def check_duration(context: Context, where: str, duration: int | None,
                   start: int | None, end: int | None) -> None:
    """A flexible need's duration is a whole number of slots and fits in its window."""
    if duration is None:
        return
    if context.slot and duration % context.slot:
        context.problems.add(where, N_("{value} is not a multiple of slot_minutes ({slot}): use "
                                       "{nearest}"), value=duration, slot=context.slot,
                             nearest=max(1, round(duration / context.slot)) * context.slot)
    elif start is not None and end is not None and duration > end - start:
        context.problems.add(where, N_("{value} minutes do not fit in the window {start}-{end}: "
                                       "shorten the need or widen the window"),
                             value=duration, start=format_time(start), end=format_time(end))


def read_staff_line(context: Context, where: str, value: Any) -> StaffLine:
    """A line with `under_weight` or `over_weight` is a target and may ask for 0 people."""
    fields = Fields(context.problems, where, value,
                    ("skill", "level", "count", "under_weight", "over_weight"),
                    required=("skill",))
    skill = fields.id("skill")
    context.check_skill(fields.at("skill"), skill)
    weighted = bool(fields.given("under_weight", "over_weight"))
    return StaffLine(skill=skill, level=fields.integer("level", 1, low=1, high=3),
                     count=fields.integer("count", 1, low=0 if weighted else 1),
                     extra=fields.extra(),
                     under_weight=fields.integer("under_weight", low=0),
                     over_weight=fields.integer("over_weight", low=0))


def read_room_request(context: Context, fields: Fields) -> RoomRequest | None:
    """`room`: absent means any suitable room at the need's site; `null` means no room."""
    if "room" in fields.values and fields.values["room"] is None:
        return None
    request = fields.object("room", ("features", "at"))
    if request is None:
        return RoomRequest()
    at = context.ids.references(request, "at", "sites")
    if request.get("at") == []:
        context.problems.add(request.at("at"), N_(
            "must list at least one site, or be left out to mean the need's own site"))
    return RoomRequest(features=request.strings("features") or (), at=at,
                       extra=request.extra())


def read_equipment_request(context: Context, where: str, value: Any) -> EquipmentRequest:
    fields = Fields(context.problems, where, value, ("type", "count"), required=("type",))
    return EquipmentRequest(type=fields.id("type"), count=fields.integer("count", 1, low=1),
                            extra=fields.extra())


def read_pin(context: Context, fields: Fields | None) -> Pin | None:
    if fields is None:
        return None
    room = fields.id("room")
    context.ids.refer(fields.at("room"), "rooms", room)
    day = fields.date("date")
    context.check_in_horizon(fields.at("date"), day)
    return Pin(
        facilitators=context.ids.references(fields, "facilitators", "facilitators") or (),
        room=room,
        equipment=context.ids.references(fields, "equipment", "equipment") or (),
        date=day,
        start=fields.time("start", context.slot),
        extra=fields.extra(),
    )


def check_pin_fits(context: Context, where: str, need: Need, pin: Pin) -> None:
    """A pinned need must be met as pinned: the pins must agree with the need itself."""
    problems = context.problems
    if pin.room is not None and need.room is None:
        problems.add(key_path(where, "room"), N_(
            "a room is pinned but the need uses no room (room is null): remove the pin or ask "
            "for a room"))
    dates = need.days if need.is_flexible else (need.date,)
    if pin.date is not None and None not in dates and dates and pin.date not in dates:
        problems.add(key_path(where, "date"), N_("{date} is not a date of this need: use {dates}"),
                     date=pin.date.isoformat(), dates=", ".join(d.isoformat() for d in dates))
    if pin.start is None:
        return
    if not need.is_flexible and need.start is not None and pin.start != need.start:
        problems.add(key_path(where, "start"), N_("{start} differs from the need's start: use "
                                                  "{expected}"),
                     start=format_time(pin.start), expected=format_time(need.start))
    window = (need.window_start, need.window_end, need.duration_minutes)
    if need.is_flexible and None not in window and not (
            need.window_start <= pin.start <= need.window_end - need.duration_minutes):
        problems.add(key_path(where, "start"), N_(
            "{start} leaves no room for {duration} minutes inside the window {window_start}-"
            "{window_end}"), start=format_time(pin.start), duration=need.duration_minutes,
            window_start=format_time(need.window_start), window_end=format_time(need.window_end))
