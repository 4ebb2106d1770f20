"""What the coordinator's pages call the columns of the workbook, the kinds of objects, the
priorities and the grids, in words a coordinator uses (translated)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "sites": _l("Sites"),
    "facilitators": _l("Facilitators"),
    "rooms": _l("Rooms"),
    "equipment": _l("Equipment"),
    "needs": _l("Needs"),
}
KIND_ONE = {
    "sites": _l("site"),
    "facilitators": _l("facilitator"),
    "rooms": _l("room"),
    "equipment": _l("equipment unit"),
    "needs": _l("need"),
}
LIST_COLUMNS = {
    "sites": ("id", "name", "commune", "lat", "lon", "pool_share"),
    "facilitators": ("id", "name", "home_site", "skills", "weekly_minutes_target"),
    "rooms": ("id", "name", "site", "capacity", "features"),
    "equipment": ("id", "type", "name", "home_site", "mobile"),
    "needs": ("id", "site", "title", "date", "start", "end", "days", "staff", "priority"),
}
"""The columns the list of each kind shows (the form shows them all)."""
CODE_COLUMNS = frozenset({"id", "site", "home_site"})
"""Columns holding codes (TL-280): kept on one line, never broken at their hyphen."""

COLUMN_LABELS = {
    "id": _l("Id"),
    "name": _l("Name"),
    "commune": _l("Town"),
    "lat": _l("Latitude"),
    "lon": _l("Longitude"),
    "pool_share": _l("Share of pooled time"),
    "home_site": _l("Home site"),
    "skills": _l("Skills and levels"),
    "availability": _l("Availability"),
    "unavailable": _l("Unavailable"),
    "avoid": _l("Rather not work"),
    "sites": _l("Sites allowed"),
    "weekly_minutes_min": _l("Minutes per week, at least"),
    "weekly_minutes_target": _l("Minutes per week, aimed at"),
    "weekly_minutes_max": _l("Minutes per week, at most"),
    "max_daily_minutes": _l("Minutes per day, at most"),
    "max_days_per_week": _l("Days per week, at most"),
    "max_daily_travel_minutes": _l("Travel minutes per day, at most"),
    "rostering_min_consecutive_days": _l("Days worked in a row, at least"),
    "rostering_max_consecutive_days": _l("Days worked in a row, at most"),
    "rostering_min_consecutive_days_off": _l("Days off in a row, at least"),
    "rostering_max_weekends": _l("Weekends worked, at most"),
    "rostering_max_needs_by_kind": _l("Needs of each kind, at most"),
    "rostering_forbidden_next_day": _l("Kinds forbidden the next day"),
    "rostering_min_total_minutes": _l("Minutes over the horizon, at least"),
    "rostering_max_total_minutes": _l("Minutes over the horizon, at most"),
    "rostering_requests": _l("Wishes to work or be off"),
    "site": _l("Site"),
    "capacity": _l("Capacity"),
    "features": _l("Features"),
    "type": _l("Type"),
    "mobile": _l("Mobile"),
    "title": _l("Title"),
    "kind": _l("Kind of activity"),
    "date": _l("Date"),
    "start": _l("Start"),
    "end": _l("End"),
    "days": _l("Possible dates"),
    "window_start": _l("Earliest start"),
    "window_end": _l("Latest end"),
    "duration_minutes": _l("Duration in minutes"),
    "staff": _l("People needed"),
    "attendees": _l("Attendees"),
    "room": _l("Uses a room"),
    "room_features": _l("Room features needed"),
    "room_at": _l("Rooms of these sites"),
    "equipment": _l("Equipment needed"),
    "priority": _l("Priority"),
    "preferred_facilitators": _l("Preferred facilitators"),
    "pinned": _l("Pinned"),
    "pinned_facilitators": _l("Pinned facilitators"),
    "pinned_room": _l("Pinned room"),
    "pinned_equipment": _l("Pinned equipment units"),
    "pinned_date": _l("Pinned date"),
    "pinned_start": _l("Pinned start"),
}
PRIORITY_LABELS = {
    "required": _l("required"),
    "high": _l("high"),
    "normal": _l("normal"),
    "low": _l("low"),
}
GRID_LABELS = {
    "site": _l("By site"),
    "facilitator": _l("By facilitator"),
    "room": _l("By room"),
    "equipment": _l("By equipment unit"),
}
CHANGE_LABELS = {
    "added": _l("added"),
    "removed": _l("removed"),
    "moved": _l("moved"),
}
ASPECT_LABELS = {
    "date": _l("date"),
    "start": _l("start"),
    "end": _l("end"),
    "site": _l("site"),
    "room": _l("room"),
    "facilitators": _l("facilitators"),
    "equipment": _l("equipment"),
}
RUN_STATUS_LABELS = {
    "queued": _l("waiting to start"),
    "running": _l("solving"),
    "done": _l("done"),
    "failed": _l("failed"),
    "cancelled": _l("cancelled"),
}
VERSION_STATUS_LABELS = {
    "draft": _l("draft"),
    "published": _l("published"),
}
