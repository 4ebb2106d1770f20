"""Rule 8: the room booked fits the need, is open, and hosts one thing at a time."""

from __future__ import annotations

from collections.abc import Iterator

from pooling.domain import Room
from pooling.i18n import N_
from pooling.referee.context import Context, Placed, overlapping_pairs, pair_params
from pooling.referee.days import inside, window_spans
from pooling.referee.report import Violation

RULE = 8


def _booked(ctx: Context) -> Iterator[tuple[Room, Placed]]:
    """Assignments of needs that ask for a room, with the known room they book."""
    for p in ctx.placed:
        if p.need.room is not None and p.assignment.room in ctx.rooms:
            yield ctx.rooms[p.assignment.room], p


def room_booked_when_needed(ctx: Context) -> Iterator[Violation]:
    for p in ctx.placed:
        if p.need.room is not None and p.assignment.room is None:
            yield Violation(RULE, (p.need.id,), N_("the need asks for a room but none is booked"))


def no_room_for_roomless_need(ctx: Context) -> Iterator[Violation]:
    """`"room": null` means the need uses no room."""
    for p in ctx.placed:
        if p.need.room is None and p.assignment.room is not None:
            yield Violation(RULE, (p.need.id, p.assignment.room), N_(
                "room {room} is booked but the need uses no room"), {"room": p.assignment.room})


def assignment_site_is_activity_site(ctx: Context) -> Iterator[Violation]:
    """The booked room's site, else the need's site (unknown ids are left to rule 1)."""
    for p in ctx.placed:
        room = p.assignment.room
        if p.assignment.site not in ctx.sites or (room is not None and room not in ctx.rooms):
            continue
        if p.assignment.site != p.site:
            yield Violation(RULE, (p.need.id,), N_(
                "the assignment's site is {site} but the activity takes place at {expected}"),
                {"site": p.assignment.site, "expected": p.site})


def room_at_allowed_site(ctx: Context) -> Iterator[Violation]:
    for room, p in _booked(ctx):
        if room.site not in p.need.host_sites:
            yield Violation(RULE, (room.id, p.need.id), N_(
                "room {room} is at site {site}, not one of {allowed}"),
                {"room": room.id, "site": room.site, "allowed": ", ".join(p.need.host_sites)})


def room_holds_attendees(ctx: Context) -> Iterator[Violation]:
    for room, p in _booked(ctx):
        if room.capacity < p.need.attendees:
            yield Violation(RULE, (room.id, p.need.id), N_(
                "room {room} holds {capacity} but the need has {attendees} attendees"),
                {"room": room.id, "capacity": room.capacity, "attendees": p.need.attendees})


def room_has_features(ctx: Context) -> Iterator[Violation]:
    for room, p in _booked(ctx):
        missing = [f for f in p.need.room.features if f not in room.features]
        if missing:
            yield Violation(RULE, (room.id, p.need.id), N_(
                "room {room} lacks the features {missing}"),
                {"room": room.id, "missing": ", ".join(missing)})


def room_is_open(ctx: Context) -> Iterator[Violation]:
    """No availability: always open; an empty list: never open."""
    for room, p in _booked(ctx):
        if room.availability is None:
            continue
        if not inside(window_spans(room.availability, p.date, ctx.network), p.start, p.end):
            yield Violation(RULE, (room.id, p.need.id), N_(
                "room {room} is not open for the whole of {date} {start}-{end}"),
                p.when() | {"room": room.id})


def room_hosts_one_assignment_at_a_time(ctx: Context) -> Iterator[Violation]:
    for rid, uses in ctx.room_uses.items():
        for first, second in overlapping_pairs(uses):
            yield Violation(RULE, (rid, first.need.id, second.need.id), N_(
                "room {room} is booked twice on {date}: {first_start}-{first_end} and "
                "{second_start}-{second_end}"),
                pair_params(first, second) | {"room": rid})


CHECKS = (room_booked_when_needed, no_room_for_roomless_need, assignment_site_is_activity_site,
          room_at_allowed_site, room_holds_attendees, room_has_features, room_is_open,
          room_hosts_one_assignment_at_a_time)
