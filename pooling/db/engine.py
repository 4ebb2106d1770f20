"""Which database to use and how to connect to it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

DATABASE_URL_VARIABLE = "POOLING_DATABASE_URL"
INSTANCE_PATH_VARIABLE = "POOLING_INSTANCE_PATH"


def database_url() -> str:
    """`POOLING_DATABASE_URL` if set, else the SQLite file `pooling.db` in the instance folder.

    The instance folder is `POOLING_INSTANCE_PATH`, by default `./instance`; it is created so that
    a first run works without any setup.
    """
    configured = os.environ.get(DATABASE_URL_VARIABLE)
    if configured:
        return configured
    instance = Path(os.environ.get(INSTANCE_PATH_VARIABLE) or "instance").resolve()
    instance.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{instance / 'pooling.db'}"


def driver_url(url: str | URL) -> URL:
    """The URL with the driver this project installs: psycopg 3 for PostgreSQL."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str | URL, **options: Any) -> Engine:
    """An engine on `url`; SQLite connections enforce foreign keys, as PostgreSQL always does."""
    engine = create_engine(driver_url(url), **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", enforce_foreign_keys)
    return engine


def enforce_foreign_keys(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()

