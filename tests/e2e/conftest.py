"""End-to-end fixtures: the real application on a local port, driven by Debian's chromium.

The browser is `/usr/bin/chromium` (installed by `.ci/run` with apt), launched headless by the
Python `playwright` package on a new empty profile; Playwright's own browser downloads are
never used. Without chromium every test here is skipped and says why.

The server is the application of `webui.create_app` on a SQLite file holding the demo network
and the demo accounts, with CSRF checks on as in production, served by Werkzeug in a thread;
solves run in its background worker (the tests ask for a time limit of a few seconds).
Screenshots of the pages land in `test-artifacts/screenshots/` (listed at the end of the run).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from pooling.accounts import DemoAccount, ensure_demo_accounts
from pooling.db import make_engine, upgrade
from pooling.domain import Plan, Scenario
from pooling.plan_week import solve_week
from pooling.store import import_scenario, latest_plan, plan_snapshot, publish_plan
from scenarios.demo import demo_scenario
from webui import create_app
from webui.config import TestConfig
from webui.database import engine as app_engine
from webui.worker import EXECUTOR_KEY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
TIMEOUT_MS = 10_000
"""Longest wait for a page or an element: a real wait, not a sleep."""

saved_screenshots: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: drives the application in a real browser "
                                       "(skipped with a reason when /usr/bin/chromium is missing)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter) -> None:
    if saved_screenshots:
        terminalreporter.write_sep("-", "screenshots")
        for path in saved_screenshots:
            terminalreporter.write_line(str(path))


# --- the application -------------------------------------------------------------------------


class E2EConfig(TestConfig):
    """The test settings with CSRF on, as in production; solves go to the background worker."""

    def __init__(self, database: str):
        super().__init__(database, csrf=True)


@dataclass(frozen=True)
class LiveServer:
    url: str
    database: str
    accounts: dict[str, DemoAccount]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    """The application on 127.0.0.1 and a free port, for the whole test session."""
    database = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'pooling.db'}"
    engine = make_engine(database)
    try:
        upgrade(engine)
        with Session(engine) as session:
            scenario = demo_scenario()
            import_scenario(session, scenario)
            accounts = ensure_demo_accounts(session, scenario.network.name)
    finally:
        engine.dispose()
    app = create_app(E2EConfig(database))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.server_port}", database,
                         {account.role: account for account in accounts})
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        worker = app.extensions.get(EXECUTOR_KEY)
        if worker is not None:
            worker.shutdown(wait=True, cancel_futures=True)
        app_engine(app).dispose()


@pytest.fixture
def published_plan(live_server) -> tuple[Scenario, Plan]:
    """The demo week's published plan as stored; solved and published here if no test did."""
    network = demo_scenario().network
    engine = make_engine(live_server.database)
    try:
        with Session(engine) as session:
            version = latest_plan(session, network.name, network.week_start, published_only=True)
            if version is None:
                version = solve_week(session, network.name, network.week_start,
                                     method="greedy", time_limit=1, workers=1)
                publish_plan(session, version.id)
            return plan_snapshot(version)
    finally:
        engine.dispose()


# --- the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium, or a skip saying it is missing (before the server is started)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (CI installs it: apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser_context(chromium, live_server, tmp_path_factory):
    """Chromium on a new empty profile, its pages opening the live server's paths."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(chromium),
            headless=True, args=CHROMIUM_ARGS, base_url=live_server.url, locale="fr-FR",
            viewport={"width": 1280, "height": 900}, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser_context):
    """A fresh tab of a signed-out visitor (cookies cleared), closed after the test."""
    browser_context.clear_cookies()
    tab = browser_context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def screenshot():
    """`screenshot(page, name)` saves the whole page as test-artifacts/screenshots/name.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(tab, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        saved_screenshots.append(path)
        return path
    return save


@pytest.fixture
def sign_in(page, live_server):
    """`sign_in(role)` signs the tab in with the demo account of `role` through the form."""
    def as_role(role: str) -> DemoAccount:
        account = live_server.accounts[role]
        page.goto("/login")
        page.get_by_label("Adresse e-mail").fill(account.email)
        page.get_by_label("Mot de passe").fill(account.password)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(lambda url: "/login" not in url)
        return account
    return as_role
