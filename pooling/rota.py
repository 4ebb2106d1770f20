"""The rota as people read it: who goes where, when, with what, for a site or for a person.

Site managers, facilitators, the iCal feed and the exports all read the same entries, made from
the latest published plan version of a week and the exact scenario it answers (so names and
places are those the plan was made with). Drafts are never shown outside the coordination.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pooling.accounts import Account, managed_sites
from pooling.db.models import Network, PlanningWeek, PlanVersion
from pooling.domain import Need, Plan, Scenario, format_time
from pooling.store import StoredWeek, latest_plan, one_transaction, plan_snapshot

__all__ = [
    "PublishedRota", "RotaEntry", "SitesRota", "UnmetNeed", "default_week", "need_when",
    "network_weeks", "published_rota", "published_rotas", "rota_entries", "sites_rota",
    "unmet_needs",
]


@dataclass(frozen=True)
class RotaEntry:
    """One assignment with everything a person needs to turn up: names, place, kit, team."""

    need: str
    title: str
    kind: str | None
    date: date
    start: int
    end: int
    site: str
    """Where it takes place (the booked room's site)."""
    site_name: str
    commune: str | None
    declared_by: str
    """The site that declared the need (it may be hosted elsewhere)."""
    room: str | None
    room_name: str | None
    equipment: tuple[str, ...]
    """Names of the equipment units to bring."""
    facilitators: tuple[str, ...]
    people: tuple[str, ...]
    """Names of `facilitators`, in the same order."""

    @property
    def place(self) -> str:
        """The site and its commune, as a calendar's location."""
        return f"{self.site_name}, {self.commune}" if self.commune else self.site_name

    def colleagues(self, facilitator: str) -> tuple[str, ...]:
        """Names of the other people on the same assignment."""
        return tuple(name for person, name in zip(self.facilitators, self.people)
                     if person != facilitator)


@dataclass(frozen=True)
class UnmetNeed:
    """A need the plan leaves unmet, and the reasons the planner gave."""

    need: Need
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PublishedRota:
    """The entries of one published plan version, possibly narrowed to a site or a person."""

    network: str
    week_start: date
    days: int
    timezone: str
    version_id: int
    version: int
    published_at: datetime
    entries: tuple[RotaEntry, ...]
    unmet: tuple[UnmetNeed, ...]

    def for_site(self, site: str) -> PublishedRota:
        """What happens at the site or was declared by it, and its unmet needs."""
        return replace(self,
                       entries=tuple(e for e in self.entries if site in (e.site, e.declared_by)),
                       unmet=tuple(u for u in self.unmet if u.need.site == site))

    def name_of(self, facilitator: str) -> str:
        """The person's name as the plan's scenario gives it (their id if they have no
        assignment in it)."""
        for entry in self.entries:
            if facilitator in entry.facilitators:
                return entry.people[entry.facilitators.index(facilitator)]
        return facilitator

    def for_facilitator(self, facilitator: str) -> PublishedRota:
        """The person's own assignments (unmet needs are not theirs to see)."""
        return replace(self, entries=tuple(e for e in self.entries
                                           if facilitator in e.facilitators), unmet=())


def need_when(need: Need) -> str:
    """When a need may take place, in the format's words: `2026-12-01 14:00-16:00`, or for a
    flexible need its dates, window and duration."""
    if need.is_flexible:
        days = ", ".join(day.isoformat() for day in need.days)
        return (f"{days} {format_time(need.window_start)}-{format_time(need.window_end)} "
                f"({need.duration_minutes} min)")
    return f"{need.date.isoformat()} {format_time(need.start)}-{format_time(need.end)}"


def rota_entries(scenario: Scenario, plan: Plan) -> tuple[RotaEntry, ...]:
    """The plan's assignments in time order, with the scenario's names."""
    needs = {need.id: need for need in scenario.needs}
    sites = {site.id: site for site in scenario.sites}
    rooms = {room.id: room for room in scenario.rooms}
    units = {unit.id: unit for unit in scenario.equipment}
    people = {person.id: person.name for person in scenario.facilitators}
    entries = []
    for a in sorted(plan.assignments, key=lambda a: (a.date, a.start, a.end, a.site, a.need)):
        need, site, room = needs[a.need], sites[a.site], rooms.get(a.room or "")
        entries.append(RotaEntry(
            need=a.need, title=need.title, kind=need.kind, date=a.date, start=a.start,
            end=a.end, site=a.site, site_name=site.name, commune=site.commune,
            declared_by=need.site, room=a.room, room_name=room.name if room else None,
            equipment=tuple(units[u].name or u for u in a.equipment),
            facilitators=a.facilitators, people=tuple(people[f] for f in a.facilitators)))
    return tuple(entries)


def unmet_needs(scenario: Scenario, plan: Plan) -> tuple[UnmetNeed, ...]:
    needs = {need.id: need for need in scenario.needs}
    return tuple(UnmetNeed(needs[u.need], u.reasons) for u in plan.unmet)


def rota_of_version(network: str, version: PlanVersion) -> PublishedRota:
    scenario, plan = plan_snapshot(version)
    return PublishedRota(
        network=network, week_start=scenario.network.week_start, days=scenario.network.days,
        timezone=scenario.network.timezone, version_id=version.id, version=version.number,
        published_at=version.published_at, entries=rota_entries(scenario, plan),
        unmet=unmet_needs(scenario, plan))


def published_rota(session: Session, network: str, week_start: date) -> PublishedRota | None:
    """The week's latest published rota; None while nothing is published.

    Raises `UnknownWeek` when the network has no such week."""
    version = latest_plan(session, network, week_start, published_only=True)
    return rota_of_version(network, version) if version is not None else None


def published_rotas(session: Session, network: str) -> list[PublishedRota]:
    """The latest published rota of every week of the network, in date order."""
    with one_transaction(session):
        versions = session.scalars(
            select(PlanVersion).join(PlanVersion.week).join(PlanningWeek.network)
            .where(Network.name == network, PlanVersion.status == "published")
            .order_by(PlanningWeek.week_start, PlanVersion.number.desc())).all()
        newest: dict[int, PlanVersion] = {}
        for version in versions:
            newest.setdefault(version.week_id, version)
        return [rota_of_version(network, version) for version in newest.values()]


@dataclass(frozen=True)
class SitesRota:
    """The sites a person manages in a network (id, name) and the week's published rota."""

    sites: tuple[tuple[str, str], ...]
    rota: PublishedRota | None


def sites_rota(session: Session, account: Account, network: str,
               week_start: date) -> SitesRota:
    """What a site manager's rota page shows: their sites (every site for a coordinator)."""
    sites = tuple((code, name) for name_of_network, code, name in managed_sites(session, account)
                  if name_of_network == network)
    return SitesRota(sites, published_rota(session, network, week_start))


# --- which week to show -------------------------------------------------------------------


def network_weeks(weeks: list[StoredWeek], network: str) -> list[StoredWeek]:
    return [week for week in weeks if week.network == network]


def default_week(weeks: list[StoredWeek], today: date) -> StoredWeek | None:
    """The week under way today, else the next one to come, else the most recent one."""
    if not weeks:
        return None
    ordered = sorted(weeks, key=lambda week: week.week_start)
    for week in ordered:
        if (today - week.week_start).days < week.days:
            return week
    return ordered[-1]
