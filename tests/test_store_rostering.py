"""Rostering rules in the database: every rule and weighted staff line (count 0 included)
survives import then export, and the database refuses impossible staff lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pooling.db.models import Facilitator, NeedStaffLine
from pooling.domain import Rostering, RosteringRequest, StaffLine
from pooling.interchange import scenario_to_dict
from pooling.store import export_scenario, import_scenario
from scenarios.curtois import curtois_scenario
from scenarios.curtois_instances import curtois_dir, instance_path

EVERY_RULE = Rostering(
    min_consecutive_days=2, max_consecutive_days=5, min_consecutive_days_off=2,
    max_weekends=1, max_needs_by_kind={"atelier": 3, "permanence": 0},
    forbidden_next_day={"soiree": ("matin", "atelier"), "atelier": ("matin",)},
    min_total_minutes=600, max_total_minutes=4200,
    requests=(RosteringRequest(date(2026, 3, 3), True, "atelier", 4, extra={"why": "stage"}),
              RosteringRequest(date(2026, 3, 7), False),
              RosteringRequest(date(2027, 1, 4), False, None, 0)),
    extra={"source": "accord d'entreprise"})


@pytest.fixture
def rostering_scenario(rich_scenario):
    """The rich scenario with every rostering rule, a lone request, and weighted lines."""
    first, second, third = rich_scenario.facilitators
    facilitators = (replace(first, rostering=EVERY_RULE),
                    replace(second, rostering=Rostering(requests=(
                        RosteringRequest(date(2026, 3, 2), True),))),
                    third)
    n1, n2, n3 = rich_scenario.needs
    n1 = replace(n1, staff=(
        StaffLine("animation", 2, 1, extra={"lead": True}, under_weight=100, over_weight=1),
        StaffLine("mediation", 1, 0, over_weight=5)))
    n3 = replace(n3, staff=(StaffLine("fabrication_numerique", 2, 2, under_weight=0),
                            StaffLine("mediation", 1, 1)))
    return replace(rich_scenario, facilitators=facilitators, needs=(n1, n2, n3))


def round_trip(engine, scenario):
    with Session(engine) as session:
        import_scenario(session, scenario)
    with Session(engine) as session:
        return export_scenario(session, scenario.network.name, scenario.network.week_start)


def test_every_rostering_rule_and_weighted_line_survives_the_database(engine,
                                                                     rostering_scenario):
    back = round_trip(engine, rostering_scenario)
    assert back == rostering_scenario
    assert repr(back) == repr(rostering_scenario)  # `extra`s included
    assert scenario_to_dict(back) == scenario_to_dict(rostering_scenario)


def test_a_facilitator_without_rules_stores_null(session, rostering_scenario):
    import_scenario(session, rostering_scenario)
    assert session.scalars(select(Facilitator.rostering).order_by(Facilitator.position)
                           ).all()[2] is None


def unweighted_line_of_nobody(line: NeedStaffLine) -> None:
    line.count, line.under_weight, line.over_weight = 0, None, None


def negative_weight(line: NeedStaffLine) -> None:
    line.under_weight = -1


def negative_count(line: NeedStaffLine) -> None:
    line.count = -1


@pytest.mark.parametrize("damage", [unweighted_line_of_nobody, negative_weight,
                                    negative_count])
def test_database_refuses_impossible_staff_lines(session, rostering_scenario, damage):
    import_scenario(session, rostering_scenario)
    damage(session.scalars(select(NeedStaffLine).where(NeedStaffLine.count == 0)).one())
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


@pytest.mark.skipif(not instance_path(1).is_file(), reason=(
    f"the Curtois & Qu instance files are not in {curtois_dir()} (set POOLING_CURTOIS_DIR)"))
def test_an_imported_curtois_instance_survives_the_database(engine):
    scenario = curtois_scenario(1)
    back = round_trip(engine, scenario)
    assert back == scenario
    assert scenario_to_dict(back) == scenario_to_dict(scenario)
    assert all(line.is_target for need in back.needs for line in need.staff)
    assert all(person.rostering != Rostering() for person in back.facilitators)
