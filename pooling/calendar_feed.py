"""A facilitator's published assignments as an iCalendar feed that calendar apps subscribe to.

One event per assignment of the latest published version of each week. Its UID names the
network, week, need and person, so that a calendar app updates the event when a new version
moves it (SEQUENCE is the version number) instead of adding a second one. Times are wall-clock
times of the network's time zone, which the feed describes (VTIMEZONE).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from pooling.accounts import Account, user_for_calendar_token
from pooling.domain import DAY_MINUTES
from pooling.i18n import N_, translate
from pooling.rota import PublishedRota, RotaEntry, published_rotas

__all__ = ["calendar_for", "calendar_for_token", "feed"]

PRODUCT = "-//Pooling//Rota des tiers-lieux//FR"


def calendar_for(session: Session, account: Account) -> bytes:
    """The feed of a facilitator account: every published assignment of theirs."""
    rotas = published_rotas(session, account.network) if account.network else []
    return feed(account.facilitator or "", account.name, rotas, account.language)


def calendar_for_token(session: Session, token: str) -> bytes | None:
    """The feed a secret calendar token opens; None for an unknown token or an account that is
    not a facilitator's."""
    account = user_for_calendar_token(session, token)
    if account is None or account.role != "facilitator":
        return None
    return calendar_for(session, account)


def feed(facilitator: str, name: str, rotas: list[PublishedRota], language: str) -> bytes:
    """The iCalendar text of `facilitator`'s assignments in `rotas`."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", translate(N_("Rota of {name}"), language, name=name))
    if rotas:
        calendar.add("x-wr-timezone", rotas[0].timezone)
    for rota in rotas:
        for entry in rota.for_facilitator(facilitator).entries:
            calendar.add_component(event(rota, entry, facilitator, language))
    if rotas:
        calendar.add_missing_timezones(
            first_date=rotas[0].week_start - timedelta(days=366),
            last_date=rotas[-1].week_start + timedelta(days=rotas[-1].days + 366))
    return calendar.to_ical()


def event(rota: PublishedRota, entry: RotaEntry, facilitator: str, language: str) -> Event:
    zone = ZoneInfo(rota.timezone)
    item = Event()
    item.add("uid", event_uid(rota, entry, facilitator))
    item.add("dtstamp", rota.published_at)
    item.add("sequence", rota.version)
    item.add("dtstart", wall_clock(entry.date, entry.start, zone))
    item.add("dtend", wall_clock(entry.date, entry.end, zone))
    item.add("summary", entry.title)
    item.add("location", entry.place)
    item.add("description", description(entry, facilitator, language))
    return item


def event_uid(rota: PublishedRota, entry: RotaEntry, facilitator: str) -> str:
    """Stable across versions of the week: network, week, need and person, never the time."""
    network = hashlib.sha256(rota.network.encode("utf-8")).hexdigest()[:12]
    return f"{rota.week_start.isoformat()}.{entry.need}.{facilitator}.{network}@pooling"


def wall_clock(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """`minutes` since midnight of `day` in `zone`; 24:00 is the next midnight."""
    if minutes == DAY_MINUTES:
        return datetime.combine(day + timedelta(days=1), time(0, 0), zone)
    return datetime.combine(day, time(minutes // 60, minutes % 60), zone)


def description(entry: RotaEntry, facilitator: str, language: str) -> str:
    """Room, equipment to bring and colleagues, one per line, in the person's language."""
    nobody = translate(N_("none"), language)
    lines = [
        translate(N_("Room: {room}"), language, room=entry.room_name or nobody),
        translate(N_("Equipment to bring: {equipment}"), language,
                  equipment=", ".join(entry.equipment) or nobody),
        translate(N_("Colleagues: {colleagues}"), language,
                  colleagues=", ".join(entry.colleagues(facilitator)) or nobody),
        translate(N_("Need: {need}"), language, need=entry.need),
    ]
    return "\n".join(lines)
