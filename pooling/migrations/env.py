"""Alembic environment: migrates the connection `pooling.db.upgrade` hands over.

Run from the `alembic` command line instead, it migrates `pooling.db.database_url()`.
"""

from alembic import context
from sqlalchemy import Connection

from pooling.db.engine import database_url, make_engine
from pooling.db.models import Base


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_on_configured_database() -> None:
    engine = make_engine(database_url())
    try:
        with engine.begin() as connection:
            run_migrations(connection)
    finally:
        engine.dispose()


given_connection = context.config.attributes.get("connection")
if given_connection is None:
    run_on_configured_database()
else:
    run_migrations(given_connection)
