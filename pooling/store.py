"""Use cases on the database: import and export network-weeks, keep versions of their plans.

Each use case takes a Session and is one transaction: it commits when it succeeds and rolls
everything back when anything fails, so the caller never commits and never sees half a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pooling.db.errors import (
    PublishedPlanIsFinal,
    ScenarioOfAnotherWeek,
    StoreError,
    UnknownPlanStatus,
    UnknownPlanVersion,
    UnknownWeek,
)
from pooling.db.models import (
    PLAN_STATUSES,
    Equipment,
    Facilitator,
    Need,
    Network,
    PlanningWeek,
    PlanVersion,
    Room,
    Site,
)
from pooling.db.rows import (
    equipment_row,
    facilitator_row,
    need_row,
    room_row,
    scenario_value,
    site_row,
    travel_rows,
)
from pooling.domain import PRIORITIES, Plan, Scenario
from pooling.interchange import plan_from_dict, plan_to_dict, scenario_from_dict, scenario_to_dict

__all__ = [
    "PublishedPlanIsFinal", "ScenarioOfAnotherWeek", "StoreError", "StoredWeek",
    "UnknownPlanStatus", "UnknownPlanVersion", "UnknownWeek", "export_scenario",
    "import_scenario", "latest_plan", "list_weeks", "network_summary", "plan_snapshot",
    "publish_plan", "save_plan",
]


@contextmanager
def one_transaction(session: Session) -> Iterator[None]:
    """Commit when the block succeeds; on any error roll back, leaving the database as it was."""
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise


# --- network-weeks ---------------------------------------------------------------------------


def import_scenario(session: Session, scenario: Scenario) -> PlanningWeek:
    """Store a checked scenario as its network's week.

    The network's sites, travel times, facilitators, rooms and equipment become the scenario's
    (they are shared by all the network's weeks), and the week's needs become the scenario's.
    Other weeks keep their needs; plan versions keep the scenario they were made for.
    """
    with one_transaction(session):
        network = network_to_update(session, scenario)
        week = week_to_update(session, network, scenario)
        replace_resources_and_needs(session, network, week, scenario)
    return week


def network_to_update(session: Session, scenario: Scenario) -> Network:
    network = session.scalar(select(Network).where(Network.name == scenario.network.name))
    if network is None:
        network = Network(name=scenario.network.name)
        session.add(network)
    network.slot_minutes = scenario.network.slot_minutes
    network.timezone = scenario.network.timezone
    network.skills = None if scenario.skills is None else list(scenario.skills)
    network.extra = scenario.network.extra
    return network


def week_to_update(session: Session, network: Network, scenario: Scenario) -> PlanningWeek:
    week = session.scalar(select(PlanningWeek).where(
        PlanningWeek.network == network, PlanningWeek.week_start == scenario.network.week_start))
    if week is None:
        week = PlanningWeek(network=network, week_start=scenario.network.week_start)
        session.add(week)
    week.days = scenario.network.days
    week.extra = scenario.extra
    return week


def replace_resources_and_needs(session: Session, network: Network, week: PlanningWeek,
                                scenario: Scenario) -> None:
    """Delete the old rows, then insert the new ones, sites first since the others name them.

    Each step is flushed on its own: old and new rows share their (network, id) keys, and
    the flush order of tables linked only by a foreign key is not guaranteed.
    """
    week.needs.clear()
    network.travel_pairs.clear()
    network.facilitators.clear()
    network.rooms.clear()
    network.equipment.clear()
    session.flush()
    network.sites.clear()
    session.flush()
    network.sites.extend(site_row(site, i) for i, site in enumerate(scenario.sites))
    session.flush()
    network.travel_pairs.extend(travel_rows(scenario.travel_minutes))
    network.facilitators.extend(
        facilitator_row(person, i) for i, person in enumerate(scenario.facilitators))
    network.rooms.extend(room_row(room, i) for i, room in enumerate(scenario.rooms))
    network.equipment.extend(equipment_row(unit, i) for i, unit in enumerate(scenario.equipment))
    week.needs.extend(need_row(need, i) for i, need in enumerate(scenario.needs))
    session.flush()


def export_scenario(session: Session, network_name: str, week_start: date) -> Scenario:
    """The stored week as a scenario: equal to the last one imported for it.

    Resources are the network's current ones: a week imported earlier is given back with the
    resources of the network's latest import, whatever its needs refer to.
    """
    with one_transaction(session):
        week = stored_week(session, network_name, week_start, options=(
            selectinload(PlanningWeek.network).options(
                selectinload(Network.sites), selectinload(Network.travel_pairs),
                selectinload(Network.rooms), selectinload(Network.equipment),
                selectinload(Network.facilitators).selectinload(Facilitator.skills)),
            selectinload(PlanningWeek.needs).options(
                selectinload(Need.staff), selectinload(Need.equipment))))
        return scenario_value(week)


def stored_week(session: Session, network_name: str, week_start: date,
                options: tuple[Any, ...] = ()) -> PlanningWeek:
    week = session.scalar(
        select(PlanningWeek).join(PlanningWeek.network)
        .where(Network.name == network_name, PlanningWeek.week_start == week_start)
        .options(*options))
    if week is None:
        raise UnknownWeek(network_name, week_start)
    return week


@dataclass(frozen=True)
class StoredWeek:
    """One line of the list of stored network-weeks."""

    network: str
    week_start: date
    days: int
    needs: int
    plan_versions: int


def list_weeks(session: Session) -> list[StoredWeek]:
    """Every stored network-week, by network name then date."""
    needs = (select(func.count(Need.id)).where(Need.week_id == PlanningWeek.id)
             .scalar_subquery())
    versions = (select(func.count(PlanVersion.id)).where(PlanVersion.week_id == PlanningWeek.id)
                .scalar_subquery())
    query = (select(Network.name, PlanningWeek.week_start, PlanningWeek.days, needs, versions)
             .join(PlanningWeek.network).order_by(Network.name, PlanningWeek.week_start))
    with one_transaction(session):
        return [StoredWeek(*row) for row in session.execute(query)]


def network_summary(session: Session, network_name: str, week_start: date) -> dict[str, Any]:
    """What a network-week holds, counted by the database: resources, needs, need minutes."""
    with one_transaction(session):
        week = stored_week(session, network_name, week_start)
        by_priority = dict(session.execute(
            select(Need.priority, func.count()).where(Need.week_id == week.id)
            .group_by(Need.priority)).all())
        need_minutes = session.scalar(
            select(func.coalesce(func.sum(func.coalesce(
                Need.duration_minutes, Need.end_minute - Need.start_minute)), 0))
            .where(Need.week_id == week.id))
        return {
            "network": network_name,
            "week_start": week_start.isoformat(),
            "days": week.days,
            "sites": resource_count(session, Site, week.network_id),
            "facilitators": resource_count(session, Facilitator, week.network_id),
            "rooms": resource_count(session, Room, week.network_id),
            "equipment": resource_count(session, Equipment, week.network_id),
            "needs": sum(by_priority.values()),
            "needs_by_priority": {p: by_priority.get(p, 0) for p in PRIORITIES},
            "need_minutes": need_minutes,
        }


def resource_count(session: Session, model: type[Site | Facilitator | Room | Equipment],
                   network_id: int) -> int:
    return session.scalar(select(func.count()).select_from(model)
                          .where(model.network_id == network_id)) or 0


# --- plan versions ---------------------------------------------------------------------------


def save_plan(session: Session, network_name: str, week_start: date, scenario: Scenario,
              plan: Plan, status: str = "draft") -> PlanVersion:
    """Keep a plan and the exact scenario it answers as the week's next version (1, 2, ...)."""
    if status not in PLAN_STATUSES:
        raise UnknownPlanStatus(status)
    if (scenario.network.name, scenario.network.week_start) != (network_name, week_start):
        raise ScenarioOfAnotherWeek(network_name, week_start, scenario.network.name,
                                    scenario.network.week_start)
    with one_transaction(session):
        week = stored_week(session, network_name, week_start)
        last_number = session.scalar(
            select(func.max(PlanVersion.number)).where(PlanVersion.week_id == week.id))
        now = datetime.now(timezone.utc)
        version = PlanVersion(
            week=week, number=(last_number or 0) + 1, status=status, created_at=now,
            published_at=now if status == "published" else None,
            scenario=scenario_to_dict(scenario), plan=plan_to_dict(plan),
            solver_status=plan.status, objective=plan.objective, bound=plan.bound,
            met_needs=len(plan.assignments), unmet_needs=len(plan.unmet))
        session.add(version)
    return version


def publish_plan(session: Session, version_id: int) -> PlanVersion:
    """Make a draft the published plan of its week; publishing it again changes nothing."""
    with one_transaction(session):
        version = session.get(PlanVersion, version_id)
        if version is None:
            raise UnknownPlanVersion(version_id)
        if version.status != "published":
            version.status = "published"
            version.published_at = datetime.now(timezone.utc)
    return version


def latest_plan(session: Session, network_name: str, week_start: date,
                published_only: bool = False) -> PlanVersion | None:
    """The week's highest-numbered plan version (published ones only if asked), if any."""
    with one_transaction(session):
        week = stored_week(session, network_name, week_start)
        query = (select(PlanVersion).where(PlanVersion.week_id == week.id)
                 .order_by(PlanVersion.number.desc()).limit(1))
        if published_only:
            query = query.where(PlanVersion.status == "published")
        return session.scalar(query)


def plan_snapshot(version: PlanVersion) -> tuple[Scenario, Plan]:
    """The scenario and plan exactly as they were saved in `version`."""
    return scenario_from_dict(version.scenario), plan_from_dict(version.plan)
