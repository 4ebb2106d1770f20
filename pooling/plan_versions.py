"""The plan versions of a week as the coordinator's pages list and open them.

A version's scenario and plan are read as the stored format v1 documents: they were checked
when saved and never change, so pages that only show them skip reading them into domain values
again (which takes a while for a network of hundreds of sites).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pooling.db.models import PlanningWeek, PlanVersion
from pooling.store import UnknownPlanVersion, one_transaction, stored_week

__all__ = ["StoredVersion", "VersionLine", "stored_version", "week_versions"]


@dataclass(frozen=True)
class VersionLine:
    """One version in the list of a week's versions."""

    id: int
    number: int
    status: str
    created_at: datetime
    published_at: datetime | None
    solver_status: str
    met_needs: int
    unmet_needs: int


def week_versions(session: Session, network_name: str, week_start: date) -> list[VersionLine]:
    """The week's versions, newest first."""
    with one_transaction(session):
        week = stored_week(session, network_name, week_start)
        columns = (PlanVersion.id, PlanVersion.number, PlanVersion.status,
                   PlanVersion.created_at, PlanVersion.published_at, PlanVersion.solver_status,
                   PlanVersion.met_needs, PlanVersion.unmet_needs)
        rows = session.execute(select(*columns).where(PlanVersion.week_id == week.id)
                               .order_by(PlanVersion.number.desc()))
        return [VersionLine(*row) for row in rows]


@dataclass(frozen=True)
class StoredVersion:
    """A version with its week, its scenario and plan as format v1 documents."""

    id: int
    number: int
    status: str
    network: str
    week_start: date
    created_at: datetime
    published_at: datetime | None
    scenario: dict[str, Any]
    plan: dict[str, Any]

    @property
    def is_published(self) -> bool:
        return self.status == "published"


def stored_version(session: Session, version_id: int) -> StoredVersion:
    """The version with this id; `UnknownPlanVersion` when there is none."""
    with one_transaction(session):
        version = session.scalar(select(PlanVersion).where(PlanVersion.id == version_id).options(
            selectinload(PlanVersion.week).selectinload(PlanningWeek.network)))
        if version is None:
            raise UnknownPlanVersion(version_id)
        return StoredVersion(version.id, version.number, version.status,
                             version.week.network.name, version.week.week_start,
                             version.created_at, version.published_at, version.scenario,
                             version.plan)
