"""Fixtures of the site manager, facilitator and API tests: import them into a test module.

    from rota_fixtures import app, app_database, login_as, published_database  # noqa: F401

`published_database` is the demo database with a published greedy plan of the demo week.
`app` is one application per test module (templates compiled once) whose database file is
put back to that state before each test, so every test still starts from the same rows.
`login_as(role)` signs the test client in straight into its session: the sign-in page and its
password hashing are tested with the foundation, and skipping them keeps these tests fast.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from pooling.accounts import DemoAccount
from pooling.db import make_engine
from pooling.db.models import User
from pooling.plan_week import solve_week
from pooling.store import publish_plan
from scenarios.demo import demo_scenario
from webui.database import engine as app_engine
from webui_fixtures import make_test_app


@pytest.fixture(scope="module")
def published_database(demo_database, tmp_path_factory) -> str:
    """A database file with the demo week and its published greedy plan (version 1)."""
    network = demo_scenario().network
    path = tmp_path_factory.mktemp("published") / "published.db"
    shutil.copy(demo_database[0], path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            version = solve_week(session, network.name, network.week_start, method="greedy",
                                 time_limit=1, workers=1, language="fr")
            publish_plan(session, version.id)
    finally:
        engine.dispose()
    return str(path)


@pytest.fixture(scope="module")
def module_app(published_database, tmp_path_factory) -> Iterator[tuple[Flask, str]]:
    path = tmp_path_factory.mktemp("app") / "pooling.db"
    shutil.copy(published_database, path)
    application = make_test_app(f"sqlite:///{path}")
    yield application, str(path)
    app_engine(application).dispose()


@pytest.fixture
def app(module_app, published_database) -> Flask:
    """The module's application, its database as `published_database` holds it."""
    application, path = module_app
    app_engine(application).dispose()
    shutil.copy(published_database, path)
    application.config.pop("SOLVE_INLINE", None)
    return application


@pytest.fixture
def app_database(app, module_app) -> str:
    """The URL of the database `app` runs on."""
    return f"sqlite:///{module_app[1]}"


@pytest.fixture
def login_as(client, demo_accounts, app_session) -> Callable[[str], DemoAccount]:
    def sign_in(role: str) -> DemoAccount:
        account = demo_accounts[role]
        user_id = app_session.scalar(select(User.id).where(User.email == account.email))
        with client.session_transaction() as session:
            session["_user_id"] = str(user_id)
            session["_fresh"] = True
        return account
    return sign_in
