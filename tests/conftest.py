"""Database fixtures: the same tests run on SQLite and on PostgreSQL.

PostgreSQL tests use one fresh database for the whole test session (dropped at the end) and
an empty `public` schema for every test. When the server is unreachable they are skipped and
the reason says why.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from factories import (make_equipment, make_facilitator, make_need, make_network, make_room,
                       make_scenario, make_site, window)
from pooling.db import make_engine, upgrade
from pooling.domain import (DayPeriod, EquipmentRequest, Pin, RoomRequest, Scenario, StaffLine,
                            WeeklyMinutes, Window)

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'pooling.db'}"


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The URL of a uniquely named database, created for this test session."""
    server = create_engine(f"{POSTGRES_SERVER}/test", isolation_level="AUTOCOMMIT",
                           connect_args={"connect_timeout": 3})
    try:
        connection = server.connect()
    except OperationalError as error:
        server.dispose()
        pytest.skip(f"PostgreSQL not reachable on 127.0.0.1:5432: {error.orig}")
    name = f"pooling_test_{uuid.uuid4().hex[:12]}"
    connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.close()
        server.dispose()


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """The session's database, emptied after each test."""
    yield postgres_database
    engine = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=[
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgresql", marks=pytest.mark.postgres),
])
def db_url(request) -> str:
    """Each database the project supports, in turn."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on a migrated, empty database."""
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture
def rich_scenario() -> Scenario:
    """A valid two-week scenario using every field the format has, extras included."""
    return make_scenario(
        network=make_network(name="Tiers-lieux du Bocage", days=14, slot_minutes=30,
                             timezone="Europe/Paris", extra={"region": "Nouvelle-Aquitaine"}),
        sites=[
            make_site("S1", commune="Melle", lat=46.2227, lon=-0.1425, pool_share=2.0,
                      extra={"contact": "melle@example.org"}),
            make_site("S2", commune="Niort", lat=46.3237, lon=-0.4648),
            make_site("S3", name="La Fabrique", pool_share=0.5),
        ],
        travel_minutes={("S1", "S3"): 25, ("S1", "S2"): 35, ("S3", "S2"): 40},
        skills=("animation", "fabrication_numerique", "mediation"),
        facilitators=[
            make_facilitator(
                "F1", skills={"animation": 3, "mediation": 1},
                availability=[Window("mon", 480, 1080, extra={"note": "hors vacances"}),
                              Window("2026-03-10", 540, 720)],
                unavailable=[DayPeriod("2026-03-04"), DayPeriod("fri", start=720),
                             DayPeriod("2026-03-12", end=600, extra={"why": "formation"})],
                avoid=[window(("wed", "16:00", "18:00"))],
                sites=("S1", "S3"),
                weekly_minutes=WeeklyMinutes(min=300, target=900, max=1500,
                                             extra={"contrat": "CDI"}),
                max_daily_minutes=480, max_days_per_week=5, max_daily_travel_minutes=90,
                extra={"phone": "06 00 00 00 00"}),
            make_facilitator("F2", home_site="S2", skills={"fabrication_numerique": 2},
                             sites=()),
            make_facilitator("F3", home_site="S3", skills={}, availability=[]),
        ],
        rooms=[
            make_room("R1", features=["projector", "accessible"], capacity=30,
                      extra={"floor": 1}),
            make_room("R2", site="S2", capacity=0, availability=[]),
            make_room("R3", site="S3", availability=[("tue", "09:00", "12:30"),
                                                     ("2026-03-11", "14:00", "18:00")]),
        ],
        equipment=[
            make_equipment("E1", name="Vidéoprojecteur", extra={"serial": "VP-42"}),
            make_equipment("E2", type="laser_cutter", home_site="S3", mobile=False,
                           unavailable=[DayPeriod("thu"), DayPeriod("2026-03-05", 600, 720)]),
        ],
        needs=[
            make_need("N1", kind="atelier", staff=[StaffLine("animation", 2, 1,
                                                             extra={"lead": True})],
                      attendees=12,
                      room=RoomRequest(("projector",), ("S1", "S3"), extra={"layout": "U"}),
                      equipment=[EquipmentRequest("projector", 1, extra={"cable": "HDMI"})],
                      priority="required", preferred_facilitators=["F1"],
                      pinned=Pin(facilitators=("F1",), room="R1", equipment=("E1",),
                                 date=date(2026, 3, 2), start=540, extra={"by": "coord"}),
                      extra={"public": "seniors"}),
            make_need("N2", site="S2", title="Permanence numérique", room=None, staff=[],
                      days=[date(2026, 3, 3), date(2026, 3, 10)], window_start="09:00",
                      window_end="17:00", duration_minutes=120, window_extra={"soft": 1},
                      priority="low", pinned=Pin(date=date(2026, 3, 10))),
            make_need("N3", site="S3", date=date(2026, 3, 11), start="14:00", end="17:30",
                      staff=[("fabrication_numerique", 2, 1), ("mediation", 1, 1)],
                      equipment=[("laser_cutter", 1)], priority="high",
                      room={"features": []}),
        ],
        extra={"source": "tests", "version": 3},
    )
