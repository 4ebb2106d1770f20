"""Use case: solve one network-week of the database and keep the plan as a draft version."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from pooling.db.models import PlanVersion
from pooling.planning import solve_scenario
from pooling.store import export_scenario, latest_plan, plan_snapshot, save_plan


def solve_week(session: Session, network_name: str, week_start: date,
               **options: Any) -> PlanVersion:
    """Solve the week as the database holds it now and store the plan as the next draft.

    When the week already has a published plan, it is passed as `previous` so that the new
    draft changes as few published assignments as possible.
    """
    scenario = export_scenario(session, network_name, week_start)
    published = latest_plan(session, network_name, week_start, published_only=True)
    if published is not None and "previous" not in options:
        options["previous"] = plan_snapshot(published)[1]
    plan = solve_scenario(scenario, **options)
    return save_plan(session, network_name, week_start, scenario, plan)
