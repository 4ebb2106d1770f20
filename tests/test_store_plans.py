"""Plan versions: numbered per week, kept with the exact scenario they answer, final once
published."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from factories import make_assignment, make_need, make_plan, make_unmet
from pooling.db.models import PlanVersion
from pooling.store import (
    PublishedPlanIsFinal,
    ScenarioOfAnotherWeek,
    UnknownPlanStatus,
    UnknownPlanVersion,
    import_scenario,
    latest_plan,
    list_weeks,
    plan_snapshot,
    publish_plan,
    save_plan,
)

NETWORK, WEEK = "Tiers-lieux du Bocage", date(2026, 3, 2)
NEXT_WEEK = date(2026, 3, 16)


@pytest.fixture
def plan():
    return make_plan(
        status="optimal", objective=120.5, bound=118.0,
        assignments=[make_assignment("N1", facilitators=["F1"], equipment=["E1"],
                                     extra={"explained": "pinned"}),
                     make_assignment("N2", date=date(2026, 3, 10), start="09:00", end="11:00",
                                     site="S2", room=None, facilitators=[])],
        unmet=[make_unmet("N3", reasons=["the only laser cutter is unavailable on thursdays"])],
        kpis={"travel_minutes": 0, "coverage_by_priority": {"required": {"met": 1, "total": 1}}},
        extra={"solver": "cp-sat"})


@pytest.fixture
def stored(session, rich_scenario):
    """The rich scenario's week and a second week of the same network, both imported."""
    import_scenario(session, rich_scenario)
    next_week = replace(rich_scenario, network=replace(rich_scenario.network,
                                                       week_start=NEXT_WEEK, days=7),
                        needs=(make_need("M1", date=NEXT_WEEK),))
    import_scenario(session, next_week)
    return rich_scenario, next_week


def test_versions_are_numbered_per_week(session, stored, plan):
    scenario, next_week = stored
    numbers = [save_plan(session, NETWORK, WEEK, scenario, plan).number,
               save_plan(session, NETWORK, NEXT_WEEK, next_week, make_plan()).number,
               save_plan(session, NETWORK, WEEK, scenario, plan).number]
    assert numbers == [1, 1, 2]
    assert [week.plan_versions for week in list_weeks(session)] == [2, 1]


def test_a_version_keeps_the_exact_scenario_and_plan_even_after_a_reimport(
        engine, session, stored, plan):
    scenario, _ = stored
    version_id = save_plan(session, NETWORK, WEEK, scenario, plan).id
    import_scenario(session, replace(scenario, needs=scenario.needs[:1]))

    with Session(engine) as reader:
        saved_scenario, saved_plan = plan_snapshot(reader.get(PlanVersion, version_id))
    assert (saved_scenario, saved_plan) == (scenario, plan)
    assert repr((saved_scenario, saved_plan)) == repr((scenario, plan))


def test_a_version_records_the_solver_figures(session, stored, plan):
    version = save_plan(session, NETWORK, WEEK, stored[0], plan)
    assert (version.status, version.published_at) == ("draft", None)
    assert (version.solver_status, version.objective, version.bound) == ("optimal", 120.5, 118.0)
    assert (version.met_needs, version.unmet_needs) == (2, 1)
    assert version.created_at.tzinfo is not None
    assert (datetime.now(timezone.utc) - version.created_at).total_seconds() < 60


def test_publishing_makes_a_draft_the_published_plan(session, stored, plan):
    draft = save_plan(session, NETWORK, WEEK, stored[0], plan)
    published = publish_plan(session, draft.id)
    assert published.status == "published"
    first_publication = published.published_at
    assert first_publication is not None
    assert publish_plan(session, draft.id).published_at == first_publication


def test_latest_plan_is_the_highest_number_or_the_latest_published(session, stored, plan):
    assert latest_plan(session, NETWORK, WEEK) is None
    first = save_plan(session, NETWORK, WEEK, stored[0], plan, status="published")
    second = save_plan(session, NETWORK, WEEK, stored[0], plan)
    assert latest_plan(session, NETWORK, WEEK).id == second.id
    assert latest_plan(session, NETWORK, WEEK, published_only=True).id == first.id
    assert latest_plan(session, NETWORK, NEXT_WEEK) is None


def change_plan(version: PlanVersion) -> None:
    version.plan = {**version.plan, "status": "unknown"}


def unpublish(version: PlanVersion) -> None:
    version.status = "draft"
    version.published_at = None


@pytest.mark.parametrize("change", [change_plan, unpublish])
def test_a_published_version_cannot_change(engine, session, stored, plan, change):
    version_id = save_plan(session, NETWORK, WEEK, stored[0], plan, status="published").id
    before = session.scalars(select(PlanVersion.plan)).one()

    change(session.get(PlanVersion, version_id))
    with pytest.raises(PublishedPlanIsFinal) as raised:
        session.commit()
    session.rollback()

    assert raised.value.text("fr").startswith(f"La version de planning {version_id} est publiée")
    with Session(engine) as reader:
        version = reader.get(PlanVersion, version_id)
        assert (version.status, version.plan) == ("published", before)


def test_a_published_version_cannot_be_deleted(session, stored, plan):
    version = save_plan(session, NETWORK, WEEK, stored[0], plan, status="published")
    session.delete(version)
    with pytest.raises(PublishedPlanIsFinal):
        session.commit()
    session.rollback()
    assert session.scalars(select(PlanVersion.number)).all() == [1]


def test_a_draft_can_still_change(session, stored, plan):
    version = save_plan(session, NETWORK, WEEK, stored[0], plan)
    change_plan(version)
    session.commit()
    assert session.scalars(select(PlanVersion.plan)).one()["status"] == "unknown"


def test_saving_refuses_what_would_make_a_wrong_version(session, stored, plan):
    scenario, next_week = stored
    with pytest.raises(ScenarioOfAnotherWeek):
        save_plan(session, NETWORK, WEEK, next_week, plan)
    with pytest.raises(UnknownPlanStatus):
        save_plan(session, NETWORK, WEEK, scenario, plan, status="final")
    with pytest.raises(UnknownPlanVersion):
        publish_plan(session, 999)
    assert session.scalars(select(PlanVersion)).all() == []
