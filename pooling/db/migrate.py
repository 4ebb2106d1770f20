"""Bring a database to the latest schema with the Alembic migrations shipped in the package."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from pooling.db.engine import make_engine

SCRIPT_LOCATION = "pooling:migrations"


def alembic_config() -> Config:
    """The migrations' configuration, without any alembic.ini file."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade(engine_or_url: Engine | str | URL) -> None:
    """Apply every migration not yet applied (nothing when the schema is current)."""
    if isinstance(engine_or_url, Engine):
        upgrade_engine(engine_or_url)
        return
    engine = make_engine(engine_or_url)
    try:
        upgrade_engine(engine)
    finally:
        engine.dispose()


def upgrade_engine(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
