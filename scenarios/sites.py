"""The real tiers-lieux of Nouvelle-Aquitaine (CGET / ANCT Mission Coworking base, 2019).

The demo and the generator place their networks on these sites so that distances, and hence
travel times, are those of real rural and urban territories. The CSV ships inside the package
(`scenarios/data/tiers_lieux_na.csv`, provenance in `scenarios/README.md`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pooling.domain import Site

FABLAB_TYPE = "Tiers lieux à dominante fablab"


@dataclass(frozen=True)
class TiersLieu:
    """One row of the site list: the source's id, name, place and coordinates."""

    id: int
    name: str
    commune: str | None
    department: str
    lat: float
    lon: float
    type: str | None

    @property
    def site_id(self) -> str:
        """The readable id a scenario gives this place (`TL-280`), traceable to the source."""
        return f"TL-{self.id}"

    @property
    def is_fablab(self) -> bool:
        return self.type == FABLAB_TYPE

    def as_site(self, pool_share: float = 1.0) -> Site:
        return Site(id=self.site_id, name=self.name, commune=self.commune,
                    lat=self.lat, lon=self.lon, pool_share=pool_share)


@cache
def tiers_lieux() -> tuple[TiersLieu, ...]:
    """Every row of the packaged CSV, in file order; names with their spacing tidied."""
    text = (resources.files("scenarios") / "data" / "tiers_lieux_na.csv").read_text(
        encoding="utf-8")
    return tuple(
        TiersLieu(id=int(row["id"]), name=" ".join(row["name"].split()),
                  commune=row["commune"].strip() or None, department=row["insee_dep"],
                  lat=float(row["lat"]), lon=float(row["lon"]), type=row["type"] or None)
        for row in csv.DictReader(text.splitlines()))


def tiers_lieux_by_id() -> dict[int, TiersLieu]:
    return {place.id: place for place in tiers_lieux()}
