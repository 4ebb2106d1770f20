"""The schema: migrations build exactly the models, and the database refuses impossible rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pooling.db import database_url, make_engine, upgrade
from pooling.db.engine import driver_url
from pooling.db.migrate import alembic_config
from pooling.db.models import Base, Facilitator, Need, PlanningWeek, Site
from pooling.store import import_scenario


def current_revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_reach_the_latest_revision(engine):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    assert current_revision(engine) == head


def test_upgrade_twice_changes_nothing(db_url, rich_scenario):
    upgrade(db_url)
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            import_scenario(session, rich_scenario)
        tables, revision = set(inspect(engine).get_table_names()), current_revision(engine)
        upgrade(db_url)
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) == tables
        assert current_revision(engine) == revision
        with Session(engine) as session:
            assert session.scalars(select(Site.code)).all() == ["S1", "S2", "S3"]
    finally:
        engine.dispose()


def break_level(session: Session) -> None:
    session.scalars(select(Facilitator)).first().skills[0].level = 4


def break_priority(session: Session) -> None:
    session.scalars(select(Need)).first().priority = "urgent"


def make_need_fixed_and_flexible(session: Session) -> None:
    session.scalars(select(Need).where(Need.days.is_not(None))).one().start_minute = 600


def end_before_start(session: Session) -> None:
    need = session.scalars(select(Need).where(Need.date.is_not(None))).first()
    need.end_minute = need.start_minute


def negative_attendees(session: Session) -> None:
    session.scalars(select(Need)).first().attendees = -1


def unknown_home_site(session: Session) -> None:
    session.scalars(select(Facilitator)).first().home_site = "S9"


def zero_days(session: Session) -> None:
    session.scalars(select(PlanningWeek)).one().days = 0


def duplicate_site(session: Session) -> None:
    session.scalars(select(Site)).all()[1].code = "S1"


@pytest.mark.parametrize("damage", [
    break_level, break_priority, make_need_fixed_and_flexible, end_before_start,
    negative_attendees, unknown_home_site, zero_days, duplicate_site,
])
def test_database_refuses_impossible_rows(session, rich_scenario, damage):
    import_scenario(session, rich_scenario)
    damage(session)
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def test_database_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("POOLING_DATABASE_URL", "postgresql://planner@db.example/pooling")
    assert database_url() == "postgresql://planner@db.example/pooling"


def test_database_url_defaults_to_a_file_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("POOLING_DATABASE_URL", raising=False)
    monkeypatch.setenv("POOLING_INSTANCE_PATH", str(tmp_path / "var" / "pooling"))
    assert database_url() == f"sqlite:///{tmp_path / 'var' / 'pooling' / 'pooling.db'}"
    assert (tmp_path / "var" / "pooling").is_dir()


def test_instance_folder_defaults_to_the_current_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("POOLING_DATABASE_URL", raising=False)
    monkeypatch.delenv("POOLING_INSTANCE_PATH", raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url() == f"sqlite:///{Path(tmp_path).resolve() / 'instance' / 'pooling.db'}"
    assert (tmp_path / "instance").is_dir()


@pytest.mark.parametrize("given", ["postgresql://planner@db.example/pooling",
                                   "postgres://planner@db.example/pooling",
                                   "postgresql+psycopg://planner@db.example/pooling"])
def test_postgresql_urls_use_psycopg_3(given):
    assert driver_url(given).render_as_string() == \
        "postgresql+psycopg://planner@db.example/pooling"
    engine = make_engine(given)
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_sqlite_connections_enforce_foreign_keys(sqlite_url):
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
