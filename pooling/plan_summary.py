"""What a plan version achieves, as the result page shows it: coverage by priority and by site,
each facilitator's hours against their contract and travel, the unmet needs with their
reasons, and the sites and trips of the week for the map.

Worked time and travel follow the spec: worked time is the assignments plus the travel between
consecutive assignments of a date at different sites; a day's travel adds the commute from and
to the home site. Computed from the version's stored documents (see `pooling.plan_versions`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from math import ceil
from typing import Any

from sqlalchemy.orm import Session

from pooling.domain import PRIORITIES, Site
from pooling.i18n import translate
from pooling.plan_versions import StoredVersion, stored_version
from pooling.travel import estimated_minutes

__all__ = ["MapSite", "PlanSummary", "SiteCoverage", "Trip", "UnmetNeed", "When", "Workload",
           "plan_summary"]


@dataclass(frozen=True)
class SiteCoverage:
    id: str
    name: str
    met: int
    total: int

    @property
    def share(self) -> float:
        return self.met / self.total if self.total else 1.0


@dataclass(frozen=True)
class Workload:
    """Minutes over the horizon; the contract's weekly figures times the number of weeks."""

    id: str
    name: str
    worked: int
    minimum: int
    target: int | None
    maximum: int
    travel: int


@dataclass(frozen=True)
class When:
    """A need's time as its scenario gives it, for the page to write in its language: one
    date, or for a flexible need the days and window it may take and its length."""

    dates: tuple[str, ...]
    start: str
    end: str
    minutes: int | None = None


@dataclass(frozen=True)
class UnmetNeed:
    id: str
    title: str
    site: str
    priority: str
    when: When | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MapSite:
    id: str
    name: str
    lat: float
    lon: float
    assignments: int


@dataclass(frozen=True)
class Trip:
    """Journeys between two sites in the week (either way), by all facilitators."""

    a: str
    b: str
    count: int


@dataclass(frozen=True)
class PlanSummary:
    version: StoredVersion
    coverage: list[tuple[str, int, int]]
    """(priority, met, total), highest priority first."""
    sites: list[SiteCoverage]
    workloads: list[Workload]
    travel: int
    unmet: list[UnmetNeed]
    map_sites: list[MapSite]
    trips: list[Trip]
    assignments: int
    needs: int


def minutes_of(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


class Travel:
    """Declared travel minutes both ways, else the estimate from coordinates (0 if neither)."""

    def __init__(self, scenario: dict[str, Any]):
        self.sites = {s["id"]: Site(s["id"], s["name"], lat=s.get("lat"), lon=s.get("lon"))
                      for s in scenario["sites"]}
        self.known: dict[tuple[str, str], int] = {}
        for a, row in (scenario.get("travel_minutes") or {}).items():
            for b, minutes in row.items():
                self.known[a, b] = self.known[b, a] = minutes

    def minutes(self, a: str, b: str) -> int:
        if a == b:
            return 0
        if (a, b) not in self.known:
            site_a, site_b = self.sites.get(a), self.sites.get(b)
            estimate = estimated_minutes(site_a, site_b) if site_a and site_b else None
            self.known[a, b] = self.known[b, a] = estimate or 0
        return self.known[a, b]


def when(need: dict[str, Any]) -> When:
    if "date" in need:
        return When((need["date"],), need["start"], need["end"])
    window = need.get("window", {})
    return When(tuple(need.get("days", [])), window.get("start", ""), window.get("end", ""),
                need.get("duration_minutes"))


def reasons_of(unmet: dict[str, Any], language: str) -> tuple[str, ...]:
    """The reasons in `language` when the solver kept their message ids, else as written."""
    kept = (unmet.get("extra") or {}).get("reasons")
    if kept:
        return tuple(translate(r["message"], language, **r.get("params", {})) for r in kept)
    return tuple(unmet.get("reasons", ()))


def days_of(plan: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Each facilitator's assignments by date, in start order."""
    days: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for a in sorted(plan["assignments"], key=lambda a: (a["start"], a["end"])):
        for person in a["facilitators"]:
            days[person][a["date"]].append(a)
    return days


def workloads(scenario: dict[str, Any], days, travel: Travel) -> list[Workload]:
    weeks = ceil(scenario["network"].get("days", 7) / 7)
    found = []
    for person in scenario["facilitators"]:
        worked = journeys = 0
        for placed in days.get(person["id"], {}).values():
            sites = [a["site"] for a in placed]
            between = sum(travel.minutes(x, y) for x, y in zip(sites, sites[1:]))
            worked += between + sum(minutes_of(a["end"]) - minutes_of(a["start"])
                                    for a in placed)
            journeys += between + travel.minutes(person["home_site"], sites[0]) \
                + travel.minutes(sites[-1], person["home_site"])
        contract = person.get("weekly_minutes", {})
        target = contract.get("target")
        found.append(Workload(person["id"], person["name"], worked,
                              contract.get("min", 0) * weeks,
                              target * weeks if target is not None else None,
                              contract.get("max", 2880) * weeks, journeys))
    return found


def trips(scenario: dict[str, Any], days) -> list[Trip]:
    """Home to the first site, site to site, last site home, for every person and date."""
    homes = {person["id"]: person["home_site"] for person in scenario["facilitators"]}
    counted: Counter[tuple[str, str]] = Counter()
    for person, dates in days.items():
        for placed in dates.values():
            stops = [homes.get(person), *(a["site"] for a in placed), homes.get(person)]
            for x, y in zip(stops, stops[1:]):
                if x and y and x != y:
                    counted[tuple(sorted((x, y)))] += 1
    return [Trip(a, b, count) for (a, b), count in sorted(counted.items())]


def plan_summary(session: Session, version_id: int, language: str = "en") -> PlanSummary:
    version = stored_version(session, version_id)
    scenario, plan = version.scenario, version.plan
    needs = {need["id"]: need for need in scenario["needs"]}
    met_ids = {a["need"] for a in plan["assignments"]}
    coverage = [(p, sum(1 for n in needs.values() if n.get("priority", "normal") == p
                        and n["id"] in met_ids),
                 sum(1 for n in needs.values() if n.get("priority", "normal") == p))
                for p in PRIORITIES]
    per_site: dict[str, list[int]] = {s["id"]: [0, 0] for s in scenario["sites"]}
    for need in needs.values():
        counts = per_site.setdefault(need["site"], [0, 0])
        counts[0] += need["id"] in met_ids
        counts[1] += 1
    site_names = {s["id"]: s["name"] for s in scenario["sites"]}
    days = days_of(plan)
    travel = Travel(scenario)
    people = workloads(scenario, days, travel)
    visits = Counter(a["site"] for a in plan["assignments"])
    return PlanSummary(
        version=version,
        coverage=coverage,
        sites=[SiteCoverage(site, site_names.get(site, site), met, total)
               for site, (met, total) in per_site.items()],
        workloads=people,
        travel=sum(w.travel for w in people),
        unmet=[UnmetNeed(u["need"], needs.get(u["need"], {}).get("title", u["need"]),
                         site_names.get(needs.get(u["need"], {}).get("site"), ""),
                         needs.get(u["need"], {}).get("priority", "normal"),
                         when(needs[u["need"]]) if u["need"] in needs else None,
                         reasons_of(u, language))
               for u in plan["unmet"]],
        map_sites=[MapSite(s["id"], s["name"], s["lat"], s["lon"], visits.get(s["id"], 0))
                   for s in scenario["sites"] if s.get("lat") is not None
                   and s.get("lon") is not None],
        trips=trips(scenario, days),
        assignments=len(plan["assignments"]),
        needs=len(needs))
