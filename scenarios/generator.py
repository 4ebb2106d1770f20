"""Seeded networks of real tiers-lieux with a planted plan, to test planners at any size.

The generator plants the answer before the question: it books each facilitator's week first,
through ledgers that keep every hard rule of format v1 (see `scenarios.ledgers`), then
declares the needs those bookings serve. The planted plan therefore meets every need except a
few declared impossible ones (a skill nobody holds at that level, more attendees than any room
holds, an equipment type the network lacks, a time when nobody works), which it lists as unmet
with their reason; their `extra.planted_impossible` names the reason's code. Spare people who
carry no planted work make the week realistic without making it trivial.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from pooling.domain import (
    WEEKDAYS, Assignment, DayPeriod, Equipment, EquipmentRequest, Facilitator, Need, Network,
    Pin, Plan, Room, RoomRequest, Scenario, Site, StaffLine, Unmet, WeeklyMinutes, Window,
    format_time,
)
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.travel import estimated_minutes
from scenarios.catalogue import (
    ACTIVITIES, CONTRACTS, FIRST_NAMES, LAST_NAMES, MISSING_EQUIPMENT, RARE_SKILL, ROLES, SKILLS,
    Activity, Contract,
)
from scenarios.ledgers import PersonLedger, RoomLedger, Spans, Travel, UnitLedger
from scenarios.sites import TiersLieu, tiers_lieux

SIZES = {"small": 6, "medium": 30, "large": 225}
PEOPLE_PER_SITE = 350 / 225
NEEDS_PER_SITE = 2500 / 225
WEEK_START = date(2026, 11, 30)
COMMUTE_RADIUS_MINUTES = 45
SHARED_ROOM_RADIUS_MINUTES = 40
SPARE_SHARE = 0.12
"""Share of facilitators who get no planted work: the network's slack."""
IMPOSSIBLE_SHARE = 0.006
LATEST_END = 21 * 60
"""Nobody is available after 21:00, so 11 h of rest always remain before 08:00."""
IMPOSSIBLE_CODES = ("skill_level", "room_capacity", "equipment_type", "nobody_available")


def generate(size: str | int, seed: int = 0, load: float = 1.0) -> tuple[Scenario, Plan]:
    """A network of `size` ("small", "medium", "large" or a number of sites) and its plan;
    `load` multiplies its needs and the facilitators who serve them (2.0: twice as many)."""
    count = site_count(size, seed)
    return NetworkBuilder(size, seed, count, load).build()


def site_count(size: object, seed: object) -> int:
    """The number of sites `size` stands for; every problem with the arguments at once."""
    problems = []
    maximum = len(tiers_lieux())
    count = SIZES.get(size) if isinstance(size, str) else size
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= maximum:
        problems.append(Problem("size", N_(
            "unknown size {size}: use small, medium, large or a number of sites from 1 to "
            "{maximum}"), {"size": repr(size), "maximum": maximum}))
    if isinstance(seed, bool) or not isinstance(seed, int):
        problems.append(Problem("seed", N_("the seed must be an integer, not {seed}"),
                                {"seed": repr(seed)}))
    if problems:
        raise InvalidInput(problems)
    return count


def nearest_places(count: int, rng: random.Random) -> list[TiersLieu]:
    """A geographic cluster: the `count` places nearest to one drawn at random."""
    places = tiers_lieux()
    centre = rng.choice(places)
    return sorted(places, key=lambda p: (distance_minutes(centre.as_site(), p.as_site()),
                                         p.id))[:count]


def distance_minutes(a: Site, b: Site) -> int:
    """The spec's estimate (every place of the site list has coordinates)."""
    return 0 if a.id == b.id else estimated_minutes(a, b) or 0


@dataclass
class Person:
    """A facilitator being drafted: profile, contract, and the ledger of planted work."""

    id: str
    name: str
    home: str
    role: str
    skills: dict[str, int]
    contract: Contract
    ledger: PersonLedger
    restricted: bool
    spare: bool
    unavailable: list[DayPeriod] = field(default_factory=list)
    avoid: list[Window] = field(default_factory=list)


@dataclass
class Declared:
    """A need and, when planted, the assignment that serves it, or the reason it cannot be."""

    need: Need
    assignment: Assignment | None = None
    reason: str | None = None


class NetworkBuilder:
    """One generation run: draws the network, plants the week, assembles scenario and plan."""

    def __init__(self, size: str | int, seed: int, count: int, load: float = 1.0):
        self.size, self.seed, self.load = size, seed, load
        self.rng = random.Random(seed)
        self.places = nearest_places(count, self.rng)
        self.sites = tuple(p.as_site(pool_share=1.5 if p.is_fablab else 1.0)
                           for p in self.places)
        self.site_by_id = {s.id: s for s in self.sites}
        self.dates = [WEEK_START + timedelta(days=i) for i in range(7)]
        self.travel: Travel = cache(self._travel)
        self.rooms = self.draw_rooms()
        self.rooms_at = {s.id: [r for _, r in self.rooms if r.site == s.id] for s in self.sites}
        self.units = self.draw_units()
        self.units_of: dict[str, list[UnitLedger]] = {}
        for _, unit in self.units:
            self.units_of.setdefault(unit.type, []).append(unit)
        self.people = self.draw_people(round(count * PEOPLE_PER_SITE * load))
        self.workers_at = {s.id: [p for p in self.people
                                  if not p.spare and s.id in p.ledger.allowed]
                           for s in self.sites}
        self.declared: list[Declared] = []

    def _travel(self, a: str, b: str) -> int:
        return distance_minutes(self.site_by_id[a], self.site_by_id[b])

    def near(self, site: str, radius: int) -> list[str]:
        """Sites within `radius` minutes of `site`, nearest first (the site itself first)."""
        return sorted((s.id for s in self.sites if self.travel(site, s.id) <= radius),
                      key=lambda other: (other != site, self.travel(site, other), other))

    # --- resources -------------------------------------------------------------------------

    def draw_rooms(self) -> list[tuple[str, RoomLedger]]:
        """Two to four rooms a site, some with opening hours; an atelier where there is a lab."""
        rooms = []
        for place in self.places:
            plans = [("Salle principale", self.rng.randint(15, 40),
                      self.some(("accessible_pmr", 0.8), ("ecran", 0.6), ("cuisine", 0.3)))]
            if place.is_fablab or self.rng.random() < 0.25:
                plans.append(("Atelier", self.rng.randint(8, 14),
                              ("atelier",) + self.some(("ecran", 0.5), ("accessible_pmr", 0.5))))
            if self.rng.random() < 0.5:
                plans.append(("Salle informatique", self.rng.randint(8, 12),
                              ("salle_informatique", "ecran")
                              + self.some(("accessible_pmr", 0.6))))
            if self.rng.random() < 0.4:
                plans.append(("Bureau", self.rng.randint(4, 6), ()))
            for index, (name, capacity, features) in enumerate(plans, 1):
                opening = self.opening_hours() if self.rng.random() < 0.4 else None
                rooms.append((name, RoomLedger(f"R-{place.id}-{index}", place.site_id, capacity,
                                               features, opening)))
        return rooms

    def some(self, *chances: tuple[str, float]) -> tuple[str, ...]:
        return tuple(feature for feature, chance in chances if self.rng.random() < chance)

    def opening_hours(self) -> Spans:
        opens = self.rng.choice((8 * 60, 8 * 60 + 30, 9 * 60))
        closes = self.rng.choice((19 * 60, 20 * 60, 21 * 60))
        days = WEEKDAYS[:6] if self.rng.random() < 0.6 else WEEKDAYS[:5]
        return {day: ((opens, closes),) for day in days}

    def draw_units(self) -> list[tuple[str, UnitLedger]]:
        """A fixed laser cutter and two 3D printers per lab; pooled kits spread over the area."""
        labs = [p.site_id for p in self.places if p.is_fablab]
        everywhere = [p.site_id for p in self.places]
        n = len(self.places)
        plans = [("decoupeuse_laser", "Découpeuse laser", site, False) for site in labs]
        plans += [("imprimante_3d", "Imprimante 3D", site, True) for site in labs for _ in (1, 2)]
        for kind, name, per_sites, homes in (
                ("imprimante_3d", "Imprimante 3D", 5, everywhere),
                ("malle_tablettes", "Malle de tablettes", 3, everywhere),
                ("videoprojecteur", "Vidéoprojecteur", 3, everywhere),
                ("fablab_mobile", "FabLab mobile", 15, labs or everywhere),
                ("remorque", "Remorque", 20, everywhere)):
            plans += [(kind, name, self.rng.choice(homes), True)
                      for _ in range(math.ceil(n / per_sites))]
        units = []
        numbers: dict[str, int] = {}
        for index, (kind, name, home, mobile) in enumerate(plans, 1):
            numbers[kind] = numbers.get(kind, 0) + 1
            units.append((f"{name} n°{numbers[kind]}",
                          UnitLedger(f"EQ-{index:03d}", kind, home, mobile, self.travel)))
        return units

    # --- people ----------------------------------------------------------------------------

    def draw_people(self, count: int) -> list[Person]:
        """Facilitators living at the sites (every site has one) and working nearby."""
        homes = list(self.places)[:count] + [self.rng.choice(self.places)
                                             for _ in range(count - len(self.places))]
        spare = set(self.rng.sample(range(count), round(count * SPARE_SHARE)))
        return [self.draw_person(index, place, index in spare)
                for index, place in enumerate(homes)]

    def draw_person(self, index: int, place: TiersLieu, spare: bool) -> Person:
        rng = self.rng
        role = "fabmanager" if place.is_fablab and rng.random() < 0.6 else rng.choices(
            list(ROLES), weights=[r.weight for r in ROLES.values()])[0]
        skills = {skill: rng.randint(low, high)
                  for skill, (low, high) in ROLES[role].levels.items()}
        if rng.random() < 0.5:
            skills.setdefault(rng.choice(SKILLS), 1)
        if rng.random() < 0.05:
            skills[RARE_SKILL] = 1
        contract = rng.choices(CONTRACTS, weights=[c.weight for c in CONTRACTS])[0]
        restricted = rng.random() < 0.7
        travel_cap = rng.choice((60, 90, 120, 150)) if rng.random() < 0.3 else None
        ledger = PersonLedger(
            home=place.site_id, allowed=tuple(self.near(place.site_id, COMMUTE_RADIUS_MINUTES)),
            availability=self.availability(contract), max_daily=contract.max_daily,
            max_weekly=contract.weekly[2], max_days=contract.max_days,
            max_daily_travel=travel_cap, travel=self.travel)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return Person(f"P-{index + 1:03d}", name, place.site_id, role,
                      {s: skills[s] for s in (*SKILLS, RARE_SKILL) if s in skills},
                      contract, ledger, restricted, spare)

    def availability(self, contract: Contract) -> Spans:
        """Working weekdays with one window each; a late day now and then, never past 21:00."""
        rng = self.rng
        days = list(WEEKDAYS[:5])
        if rng.random() < 0.3:
            days[rng.randrange(5)] = "sat"
        if contract.max_days < 5:
            days = sorted(rng.sample(days, min(5, contract.max_days + rng.randint(0, 1))),
                          key=WEEKDAYS.index)
        spans = {}
        for day in days:
            if rng.random() < 0.15:
                spans[day] = ((rng.choice((12 * 60, 12 * 60 + 30, 13 * 60)), LATEST_END),)
            else:
                spans[day] = ((rng.choice((8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60 + 30)),
                               rng.choice((17 * 60 + 30, 18 * 60, 18 * 60 + 30, 19 * 60))),)
        return spans

    # --- planting --------------------------------------------------------------------------

    def build(self) -> tuple[Scenario, Plan]:
        target = round(len(self.places) * NEEDS_PER_SITE * self.load)
        impossible = max(len(IMPOSSIBLE_CODES), round(target * IMPOSSIBLE_SHARE))
        self.plant(target - impossible)
        for index in range(impossible):
            self.declared.append(
                self.impossible_need(IMPOSSIBLE_CODES[index % len(IMPOSSIBLE_CODES)]))
        self.add_absences_and_wishes()
        self.declared = numbered(self.declared, self.sites)
        return self.scenario(), self.plan()

    def plant(self, wanted: int) -> None:
        """Plant activities site after site until `wanted` needs are served (or space runs out)."""
        labs = {u.home for u in self.units_of.get("decoupeuse_laser", [])}
        order = [s.id for s in self.sites]
        for _ in range(30 * wanted // len(order) + 1):
            self.rng.shuffle(order)
            for site in order:
                if len(self.declared) >= wanted:
                    return
                choices = [a for a in ACTIVITIES if not a.fablab_only or site in labs]
                activity = self.rng.choices(choices, weights=[a.weight for a in choices])[0]
                self.plant_activity(site, activity)

    def plant_activity(self, site: str, activity: Activity) -> None:
        """Book one occurrence of `activity` for `site` if people, room and kit are free."""
        rng = self.rng
        day = self.dates[rng.choice(activity.days)]
        start = rng.choice(activity.starts)
        end = start + rng.choice(activity.durations)
        if end > LATEST_END:
            return
        attendees = rng.randint(*activity.attendees)
        hosts = self.near(site, SHARED_ROOM_RADIUS_MINUTES)[:3] if activity.shared_room \
            else [site]
        room = None
        if activity.room is not None:
            free = [r for host in hosts for r in self.rooms_at[host]
                    if r.can_host(day, start, end, attendees, activity.room)]
            if not free:
                return
            room = rng.choice(free)
        place = room.site if room is not None else site
        units = self.free_units(activity, day, start, end, place)
        team = None if units is None else self.free_team(activity, day, start, end, place)
        if units is None or team is None:
            return
        if room is not None:
            room.take(day, start, end)
        for unit in units:
            unit.take(day, start, end, place)
        for _, person in team:
            person.ledger.take(day, start, end, place)
        need = self.declare(site, activity, day, start, end, attendees, hosts, room, team, units)
        self.declared.append(Declared(need, Assignment(
            need.id, day, start, end, place, room.id if room is not None else None,
            tuple(p.id for _, p in team), tuple(u.id for u in units))))

    def free_units(self, activity: Activity, day: date, start: int, end: int,
                   place: str) -> list[UnitLedger] | None:
        """The nearest free units of each requested type, or None when one type runs short."""
        chosen = []
        for kind, count in activity.equipment:
            free = sorted((u for u in self.units_of.get(kind, [])
                           if u.can_serve(day, start, end, place)),
                          key=lambda u: (self.travel(u.home, place), u.id))
            if len(free) < count:
                return None
            chosen += free[:count]
        return chosen

    def free_team(self, activity: Activity, day: date, start: int, end: int,
                  place: str) -> list[tuple[int, Person]] | None:
        """Distinct people filling each staff line (with the line's index), or None."""
        team: list[tuple[int, Person]] = []
        for line, (skill, level, count) in enumerate(activity.staff):
            taken = {p.id for _, p in team}
            candidates = [p for p in self.workers_at[place]
                          if p.skills.get(skill, 0) >= level and p.id not in taken]
            self.rng.shuffle(candidates)
            found = [p for p in candidates if p.ledger.can_take(day, start, end, place)][:count]
            if len(found) < count:
                return None
            team += [(line, p) for p in found]
        return team

    def declare(self, site: str, activity: Activity, day: date, start: int, end: int,
                attendees: int, hosts: list[str], room: RoomLedger | None,
                team: list[tuple[int, Person]], units: list[UnitLedger]) -> Need:
        """The need as the site writes it, served by the planted booking."""
        rng = self.rng
        staff = []
        for line, (skill, level, count) in enumerate(activity.staff):
            held = min(p.skills[skill] for index, p in team if index == line)
            staff.append(StaffLine(skill, held if rng.random() < 0.3 else level, count))
        timing: dict = {"date": day, "start": start, "end": end}
        if rng.random() < max(activity.flexible_share, 0.08):
            timing = self.flexible_timing(activity, day, start, end)
        preferred = ()
        if team and rng.random() < 0.15:
            preferred = (rng.choice(team)[1].id,)
        pin = None
        if rng.random() < 0.03:
            pin = self.pin(team, room, units, day, start, "days" in timing)
        return Need(
            f"N-{len(self.declared):05d}", site, rng.choice(activity.titles), kind=activity.kind,
            staff=tuple(staff), attendees=attendees,
            room=None if activity.room is None else RoomRequest(
                activity.room, tuple(hosts) if activity.shared_room else None),
            equipment=tuple(EquipmentRequest(k, c) for k, c in activity.equipment),
            priority=rng.choice(activity.priorities), preferred_facilitators=preferred,
            pinned=pin, **timing)

    def flexible_timing(self, activity: Activity, day: date, start: int, end: int) -> dict:
        """Declared days and window that contain the planted date and time."""
        rng = self.rng
        others = [self.dates[i] for i in activity.days if self.dates[i] != day]
        days = sorted({day, *rng.sample(others, min(len(others), rng.randint(1, 2)))})
        return {"days": tuple(days),
                "window_start": max(8 * 60, start - 15 * rng.randint(0, 8)),
                "window_end": min(LATEST_END, end + 15 * rng.randint(0, 8)),
                "duration_minutes": end - start}

    def pin(self, team: list[tuple[int, Person]], room: RoomLedger | None,
            units: list[UnitLedger], day: date, start: int, flexible: bool) -> Pin:
        """What a coordinator would fix by hand: a person, a room, a unit, or the time."""
        if flexible:
            return Pin(date=day, start=start)
        if team:
            return Pin(facilitators=(team[0][1].id,))
        if room is not None:
            return Pin(room=room.id)
        return Pin(equipment=tuple(u.id for u in units[:1]))

    # --- impossible needs ------------------------------------------------------------------

    def impossible_need(self, code: str) -> Declared:
        """A need no plan can meet, with the reason a coordinator would be given."""
        rng = self.rng
        site = rng.choice(self.sites).id
        day = rng.choice(self.dates[:6])
        need_id = f"N-{len(self.declared):05d}"
        common = {"date": day, "start": 14 * 60, "end": 16 * 60,
                  "extra": {"planted_impossible": code}, "priority": rng.choice(
                      ("required", "high", "normal", "low"))}
        if code == "skill_level":
            need = Need(need_id, site, "Permanence d'accueil en langue des signes (LSF)",
                        kind="permanence", staff=(StaffLine(RARE_SKILL, 3),), attendees=4,
                        **common)
            reason = f"no facilitator holds skill {RARE_SKILL} at level 3 or more"
        elif code == "room_capacity":
            largest = max(r.capacity for r in self.rooms_at[site])
            attendees = largest + rng.randint(10, 40)
            need = Need(need_id, site, "Conférence-débat : le numérique en milieu rural",
                        kind="conference", staff=(StaffLine("animation"),),
                        attendees=attendees, **common)
            reason = (f"room capacity: {attendees} attendees but the largest room at site "
                      f"{site} holds {largest}")
        elif code == "equipment_type":
            need = Need(need_id, site, "Découverte de la réalité virtuelle", kind="animation",
                        staff=(StaffLine("animation"),), attendees=6,
                        equipment=(EquipmentRequest(MISSING_EQUIPMENT),), **common)
            reason = f"no equipment of type {MISSING_EQUIPMENT} exists in the network"
        else:
            common |= {"start": LATEST_END + 30, "end": LATEST_END + 150}
            need = Need(need_id, site, "Accueil des artistes en résidence après le spectacle",
                        kind="accueil", staff=(StaffLine("accueil"),), room=None, **common)
            reason = (f"no facilitator is available on {day.isoformat()} "
                      f"{format_time(need.start)}-{format_time(need.end)}")
        return Declared(need, reason=reason)

    # --- finishing touches -----------------------------------------------------------------

    def add_absences_and_wishes(self) -> None:
        """Dated absences and avoid wishes around the planted work; maintenance days of units."""
        rng = self.rng
        for person in self.people:
            booked = person.ledger.days
            free_days = [d for d in self.dates if d not in booked
                         and WEEKDAYS[d.weekday()] in person.ledger.availability]
            if free_days and rng.random() < 0.25:
                person.unavailable.append(DayPeriod(rng.choice(free_days).isoformat()))
            worked = sorted(booked)
            if worked and rng.random() < 0.1:
                day = rng.choice(worked)
                leave = (max(e for _, e, _ in booked[day]) + 60 + 14) // 15 * 15
                if leave < 20 * 60:
                    person.unavailable.append(DayPeriod(day.isoformat(), start=leave))
            if rng.random() < 0.25:
                start = rng.choice((8 * 60, 12 * 60, 16 * 60))
                person.avoid.append(Window(rng.choice(WEEKDAYS[:6]), start, start + 120))
        self.maintenance: dict[str, DayPeriod] = {}
        for _, unit in self.units:
            idle = [d for d in self.dates if not unit.used_on(d)]
            if idle and rng.random() < 0.15:
                self.maintenance[unit.id] = DayPeriod(rng.choice(idle).isoformat())

    # --- assembly --------------------------------------------------------------------------

    def scenario(self) -> Scenario:
        return Scenario(
            network=Network(f"Réseau généré {self.size} (graine {self.seed})", WEEK_START,
                            extra={"generator": {"size": self.size, "seed": self.seed}
                                   | ({"load": self.load} if self.load != 1.0 else {})}),
            sites=self.sites,
            facilitators=tuple(self.facilitator(p) for p in self.people),
            rooms=tuple(Room(r.id, r.site, name, r.capacity, r.features,
                             None if r.opening is None else windows(r.opening))
                        for name, r in self.rooms),
            equipment=tuple(Equipment(u.id, u.type, u.home, name, u.mobile,
                                      tuple(filter(None, [self.maintenance.get(u.id)])))
                            for name, u in self.units),
            needs=tuple(d.need for d in self.declared),
            skills=(*SKILLS, RARE_SKILL),
        )

    def facilitator(self, person: Person) -> Facilitator:
        minimum, target, maximum = person.contract.weekly
        return Facilitator(
            person.id, person.name, person.home, person.skills,
            windows(person.ledger.availability), tuple(person.unavailable), tuple(person.avoid),
            person.ledger.allowed if person.restricted else None,
            WeeklyMinutes(minimum, target, maximum), person.contract.max_daily,
            person.contract.max_days, person.ledger.max_daily_travel,
            extra={"role": person.role, "contract": person.contract.name})

    def plan(self) -> Plan:
        return Plan(
            status="feasible",
            assignments=tuple(d.assignment for d in self.declared if d.assignment is not None),
            unmet=tuple(Unmet(d.need.id, (d.reason,)) for d in self.declared
                        if d.reason is not None),
            extra={"planted": True})


def windows(spans: Spans) -> tuple[Window, ...]:
    return tuple(Window(day, start, end) for day in WEEKDAYS if day in spans
                 for start, end in spans[day])


def numbered(declared: Sequence[Declared], sites: Sequence[Site]) -> list[Declared]:
    """Site after site, then by day and time, as a network's sheet lists its needs: N-0001..."""
    rank = {s.id: i for i, s in enumerate(sites)}

    def key(d: Declared):
        need = d.need
        first_day = need.date if need.date is not None else need.days[0]
        start = need.start if need.start is not None else need.window_start
        return rank[need.site], first_day, start, need.id

    renamed = []
    for index, d in enumerate(sorted(declared, key=key), 1):
        need_id = f"N-{index:04d}"
        renamed.append(Declared(
            replace(d.need, id=need_id),
            None if d.assignment is None else replace(d.assignment, need=need_id), d.reason))
    return renamed
