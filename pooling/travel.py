"""The spec's reading of travel times between sites.

A declared pair in `travel_minutes` counts in both directions; a missing pair is estimated from
coordinates as `ceil(1.3 * haversine_km)` (a 1.3 road detour driven at 60 km/h, so one minute
per road kilometre). The interchange reader guarantees that every pair of sites of a valid
scenario resolves one way or the other.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from pooling.domain import Scenario, Site

EARTH_RADIUS_KM = 6371.0
ROAD_DETOUR = 1.3


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def estimated_minutes(site_a: Site, site_b: Site) -> int | None:
    """Travel estimated from coordinates; None unless both sites have latitude and longitude."""
    if None in (site_a.lat, site_a.lon, site_b.lat, site_b.lon):
        return None
    return math.ceil(ROAD_DETOUR * haversine_km(site_a.lat, site_a.lon, site_b.lat, site_b.lon))


class TravelTable:
    """Minutes between any two sites of a scenario, declared first, else estimated, cached."""

    def __init__(self, scenario: Scenario):
        self._sites = {site.id: site for site in scenario.sites}
        self._known: dict[tuple[str, str], int] = {}
        for (a, b), minutes in scenario.travel_minutes.items():
            self._known[(a, b)] = self._known[(b, a)] = minutes

    def minutes(self, a: str, b: str) -> int:
        """Travel from site `a` to site `b`; KeyError when neither declared nor estimable."""
        if a == b:
            return 0
        known = self._known.get((a, b))
        if known is not None:
            return known
        estimate = estimated_minutes(self._sites[a], self._sites[b])
        if estimate is None:
            raise KeyError((a, b))
        self._known[(a, b)] = self._known[(b, a)] = estimate
        return estimate


def unresolvable_pairs(site_ids: Iterable[str], located: set[str],
                       declared: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of distinct sites with neither a declared travel time nor coordinates at both ends,
    each once, in the order of the sites."""
    ordered = list(dict.fromkeys(site_ids))
    known = {frozenset(pair) for pair in declared}
    missing: list[tuple[str, str]] = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if (a not in located or b not in located) and frozenset((a, b)) not in known:
                missing.append((a, b))
    return missing
