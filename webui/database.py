"""One SQLAlchemy session per request, on the engine the application was configured with.

Views never query: they pass `db_session()` to the use cases of `pooling`. Work done outside
a request (a background solve) makes its own sessions on `engine()`.
"""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from pooling.db import make_engine

ENGINE_KEY = "pooling_engine"


def init_app(app: Flask) -> None:
    app.extensions[ENGINE_KEY] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(close_session)


def engine(app: Flask | None = None) -> Engine:
    """The engine of `app` (default: the current application)."""
    return (app or current_app).extensions[ENGINE_KEY]


def db_session() -> Session:
    """The session of the current request, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = Session(engine())
    return g.db_session


def close_session(error: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
