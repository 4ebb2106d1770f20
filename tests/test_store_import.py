"""Importing and exporting network-weeks: exact round trips, several networks and weeks, and
an import is all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import pooling.store
from factories import make_facilitator, make_need, make_network, make_scenario, make_site
from pooling.db.models import Base, Facilitator, Need, Site
from pooling.store import (
    StoredWeek,
    UnknownWeek,
    export_scenario,
    import_scenario,
    list_weeks,
    network_summary,
)

NEXT_WEEK = date(2026, 3, 16)


def exported(engine, network: str, week_start: date):
    """Read back in a new session, so that nothing comes from the importing session's memory."""
    with Session(engine) as session:
        return export_scenario(session, network, week_start)


def assert_identical(actual, expected) -> None:
    """Equal, and equal in every field: `==` skips the `extra` of value objects, repr does not."""
    assert actual == expected
    assert repr(actual) == repr(expected)


def database_contents(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {table.name: sorted((tuple(row) for row in connection.execute(table.select())),
                                   key=repr)
                for table in Base.metadata.sorted_tables}


def another_week(scenario, week_start: date = NEXT_WEEK, **changes):
    """The same network in another week, with other needs."""
    return replace(scenario, network=replace(scenario.network, week_start=week_start, days=7),
                   needs=(make_need("W2-N1", date=week_start, start="10:00", end="11:00"),),
                   **changes)


def test_export_gives_back_the_imported_scenario(engine, session, rich_scenario):
    week = import_scenario(session, rich_scenario)
    assert (week.network.name, week.week_start) == ("Tiers-lieux du Bocage", date(2026, 3, 2))
    assert_identical(exported(engine, "Tiers-lieux du Bocage", date(2026, 3, 2)), rich_scenario)


def test_export_of_a_minimal_scenario_keeps_absent_values_absent(engine, session):
    scenario = make_scenario(needs=[], rooms=[], equipment=[],
                             facilitators=[make_facilitator(availability=[])])
    import_scenario(session, scenario)
    assert_identical(exported(engine, "Réseau test", scenario.network.week_start), scenario)


def test_two_networks_and_two_weeks_coexist(engine, session, rich_scenario):
    second_week = another_week(rich_scenario, extra={"semaine": 2})
    other_network = make_scenario(network=make_network(name="Réseau du Marais"))
    for scenario in (rich_scenario, other_network, second_week):
        import_scenario(session, scenario)

    assert_identical(exported(engine, "Tiers-lieux du Bocage", date(2026, 3, 2)), rich_scenario)
    assert_identical(exported(engine, "Tiers-lieux du Bocage", NEXT_WEEK), second_week)
    assert_identical(exported(engine, "Réseau du Marais", date(2026, 3, 2)), other_network)
    assert list_weeks(session) == [
        StoredWeek("Réseau du Marais", date(2026, 3, 2), days=7, needs=1, plan_versions=0),
        StoredWeek("Tiers-lieux du Bocage", date(2026, 3, 2), days=14, needs=3,
                   plan_versions=0),
        StoredWeek("Tiers-lieux du Bocage", NEXT_WEEK, days=7, needs=1, plan_versions=0),
    ]


def test_reimport_replaces_the_network_and_the_week_but_not_other_weeks(engine, session,
                                                                         rich_scenario):
    import_scenario(session, rich_scenario)
    import_scenario(session, another_week(rich_scenario))
    smaller = replace(
        rich_scenario,
        network=replace(rich_scenario.network, days=7, slot_minutes=15, extra=None),
        sites=(make_site("S1"), make_site("S4")),
        travel_minutes={("S1", "S4"): 12},
        skills=None,
        facilitators=(make_facilitator("F9", home_site="S4"),),
        rooms=(), equipment=(),
        needs=(make_need("N1", title="Atelier renommé", site="S4"),),
        extra=None)
    import_scenario(session, smaller)

    assert_identical(exported(engine, "Tiers-lieux du Bocage", date(2026, 3, 2)), smaller)
    assert [need.id for need in exported(engine, "Tiers-lieux du Bocage", NEXT_WEEK).needs] \
        == ["W2-N1"]
    assert session.scalar(select(func.count()).select_from(Site)) == 2
    assert session.scalars(select(Facilitator.code)).all() == ["F9"]
    assert session.scalar(select(func.count()).select_from(Need)) == 2


def fail_on_second_need(original):
    def need_row(need, position):
        if position == 1:
            raise RuntimeError("disk full")
        return original(need, position)
    return need_row


def test_import_failing_midway_changes_nothing(engine, session, rich_scenario, monkeypatch):
    import_scenario(session, rich_scenario)
    import_scenario(session, another_week(rich_scenario))
    before = database_contents(engine)
    changed = replace(rich_scenario, sites=rich_scenario.sites[:2] + (make_site("S5"),))
    monkeypatch.setattr(pooling.store, "need_row", fail_on_second_need(pooling.store.need_row))

    with pytest.raises(RuntimeError, match="disk full"):
        import_scenario(session, changed)

    assert database_contents(engine) == before
    assert_identical(exported(engine, "Tiers-lieux du Bocage", date(2026, 3, 2)), rich_scenario)


def test_import_refused_by_the_database_changes_nothing(engine, session, rich_scenario):
    import_scenario(session, rich_scenario)
    before = database_contents(engine)
    impossible = replace(rich_scenario, facilitators=(
        make_facilitator("F1", skills={"animation": 7}),))

    with pytest.raises(IntegrityError):
        import_scenario(session, impossible)

    assert database_contents(engine) == before


def test_failed_first_import_of_a_network_leaves_no_trace(engine, session):
    empty = database_contents(engine)
    with pytest.raises(IntegrityError):
        import_scenario(session, make_scenario(facilitators=[make_facilitator(home_site="S9")]))
    assert database_contents(engine) == empty
    assert list_weeks(session) == []


def test_network_summary_counts_what_the_week_holds(session, rich_scenario):
    import_scenario(session, rich_scenario)
    import_scenario(session, another_week(rich_scenario))

    assert network_summary(session, "Tiers-lieux du Bocage", date(2026, 3, 2)) == {
        "network": "Tiers-lieux du Bocage", "week_start": "2026-03-02", "days": 14,
        "sites": 3, "facilitators": 3, "rooms": 3, "equipment": 2, "needs": 3,
        "needs_by_priority": {"required": 1, "high": 1, "normal": 0, "low": 1},
        "need_minutes": 180 + 120 + 210,
    }


def test_unknown_week_is_reported_in_the_coordinators_language(session, rich_scenario):
    import_scenario(session, rich_scenario)
    with pytest.raises(UnknownWeek) as raised:
        export_scenario(session, "Tiers-lieux du Bocage", NEXT_WEEK)
    assert str(raised.value) == ("No week starting 2026-03-16 is stored for network "
                                 "Tiers-lieux du Bocage: import its scenario first.")
    assert raised.value.text("fr").startswith("Aucune semaine commençant le 2026-03-16")
    with pytest.raises(UnknownWeek):
        network_summary(session, "Réseau inconnu", date(2026, 3, 2))
