"""The database: models, engine and schema migrations (see `pooling.store` for the use cases)."""

from pooling.db.engine import database_url, make_engine
from pooling.db.migrate import upgrade

__all__ = ["database_url", "make_engine", "upgrade"]
