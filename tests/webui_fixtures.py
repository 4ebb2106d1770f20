"""Fixtures of the web application tests: import them into a test module to use them.

    from webui_fixtures import app, client, login_as  # noqa: F401  (pytest fixtures)

`app` runs on a copy of a SQLite database made once per test session: migrated, holding the
demo network (`scenarios.demo`) and the demo accounts of `pooling.accounts.ensure_demo_accounts`
(one per role). `login_as("coordinator" | "site_manager" | "facilitator")` signs the client in.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from pooling.accounts import DemoAccount, ensure_demo_accounts
from pooling.db import make_engine, upgrade
from pooling.store import import_scenario
from scenarios.demo import demo_scenario
from webui import create_app
from webui.config import TestConfig
from webui.database import engine as app_engine


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> tuple[str, dict[str, DemoAccount]]:
    """A migrated SQLite file with the demo network and accounts, and the accounts by role."""
    path = tmp_path_factory.mktemp("webui") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with Session(engine) as session:
            scenario = demo_scenario()
            import_scenario(session, scenario)
            accounts = ensure_demo_accounts(session, scenario.network.name)
    finally:
        engine.dispose()
    return str(path), {account.role: account for account in accounts}


@pytest.fixture
def demo_accounts(demo_database) -> dict[str, DemoAccount]:
    """The demo sign-ins by role."""
    return demo_database[1]


@pytest.fixture
def app_database(demo_database, tmp_path) -> str:
    """The URL of this test's own copy of the demo database."""
    copy = tmp_path / "pooling.db"
    shutil.copy(demo_database[0], copy)
    return f"sqlite:///{copy}"


def make_test_app(database: str, csrf: bool = False) -> Flask:
    return create_app(TestConfig(database, csrf=csrf))


@pytest.fixture
def app(app_database) -> Iterator[Flask]:
    """The application on this test's database, CSRF checks off (see `csrf_app`)."""
    application = make_test_app(app_database)
    yield application
    app_engine(application).dispose()


@pytest.fixture
def csrf_app(app_database) -> Iterator[Flask]:
    """The application with CSRF checks on, as in production."""
    application = make_test_app(app_database, csrf=True)
    yield application
    app_engine(application).dispose()


@pytest.fixture
def client(app) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def app_session(app) -> Iterator[Session]:
    """A session on the application's database, to arrange or inspect rows around requests.

    No application context stays pushed: requests keep their own `g` and teardown.
    """
    with Session(app_engine(app)) as session:
        yield session


@pytest.fixture
def login_as(client, demo_accounts) -> Callable[[str], DemoAccount]:
    """Sign the client in as the demo account of a role; returns that account."""
    def sign_in(role: str) -> DemoAccount:
        account = demo_accounts[role]
        response = client.post("/login", data={"email": account.email,
                                               "password": account.password})
        assert response.status_code == 302, response.get_data(as_text=True)
        return account
    return sign_in
