"""Who may open what: every route of the application for every role, in one table.

`MATRIX` has a row per route and method (plus wrong methods answering 405). A new route
without a row fails `test_the_matrix_covers_every_route`, so nobody adds a page without
saying who may open it. Object routes are also tried by a site manager of other sites and a
facilitator who is someone else: they get 403, never the data.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.exceptions import NotFound
from werkzeug.routing import Rule

from pooling.accounts import calendar_token, create_user, issue_api_token
from pooling.db import make_engine
from pooling.db.models import ApiToken, Facilitator, Need, Site, User
from pooling.plan_week import solve_week
from pooling.runs import execute_run, request_run
from pooling.store import latest_plan, publish_plan
from scenarios.demo import demo_scenario
from webui.database import engine as app_engine
from webui_fixtures import demo_database, make_test_app  # noqa: F401  (pytest fixture)

LOGIN = "login"
"""A redirection to the sign-in page (302 to /login?next=...)."""
ELSEWHERE = "elsewhere"
"""A redirection to another page than the sign-in page (302)."""

ROLES = ("anonymous", "coordinator", "site_manager", "facilitator",
         "other_site_manager", "other_facilitator")
OTHER_SITE_MANAGER = ("autres-lieux@test.pooling.example", "other-site-manager")
OTHER_FACILITATOR = ("autre-animation@test.pooling.example", "other-facilitator")


@dataclass(frozen=True)
class Row:
    """Expected answers to `method path` for each role.

    `path` is formatted with `Objects` fields ({site}, {version}...). The two "other" roles
    answer like their own role unless the row says otherwise (object routes: 403).
    """

    endpoint: str
    method: str
    path: str
    anonymous: int | str
    coordinator: int | str
    site_manager: int | str
    facilitator: int | str
    other_site_manager: int | str | None = None
    other_facilitator: int | str | None = None

    def expected(self, role: str) -> int | str:
        value = getattr(self, role)
        if value is None:
            return getattr(self, role.removeprefix("other_"))
        return value

    def roles(self) -> tuple[str, ...]:
        """The four roles, and the two "other" ones when the route names a site or a person."""
        if self.other_site_manager is None and self.other_facilitator is None:
            return ROLES[:4]
        return ROLES


def row(endpoint: str, method: str, path: str, anonymous, coordinator, site_manager,
        facilitator, others: tuple | None = None) -> Row:
    """A table row; `others` = (other site manager, other facilitator) for object routes."""
    return Row(endpoint, method, path, anonymous, coordinator, site_manager, facilitator,
               *(others or (None, None)))


COORDINATOR = (LOGIN, 200, 403, 403)
"""A coordinator's page: sign in first, then coordinators only."""
WEEK = "/coordination/{network}/{week}"
VERSION = "/coordination/versions/{draft}"
RUN = "/coordination/runs/{run}"
ASKED_WEEK = "network={network}&week={week}"
SITE_NEEDS = "/site/needs"
PERSON = f"{ASKED_WEEK}&facilitator={{facilitator}}"
OTHERS = (403, 403)
"""A site manager of other sites and another facilitator, on a site's or a person's page."""

MATRIX: list[Row] = [
    # endpoint, method, path, anonymous, coordinator, site manager, facilitator,
    # (other site manager, other facilitator) for routes naming a site or a person
    row("static", "GET", "/static/pooling.css", 200, 200, 200, 200),
    row("auth.login", "GET", "/login", 200, ELSEWHERE, ELSEWHERE, ELSEWHERE),
    row("auth.login", "POST", "/login", 400, ELSEWHERE, ELSEWHERE, ELSEWHERE),
    row("auth.logout", "POST", "/logout", LOGIN, LOGIN, LOGIN, LOGIN),
    row("auth.logout", "GET", "/logout", 405, 405, 405, 405),
    row("auth.language", "POST", "/language", ELSEWHERE, ELSEWHERE, ELSEWHERE, ELSEWHERE),
    row("auth.language", "GET", "/language", 405, 405, 405, 405),
    row("home.index", "GET", "/", LOGIN, 200, 200, 200),
    row("home.index", "POST", "/", 405, 405, 405, 405),
    # coordinator: networks, weeks, objects of a week
    row("coordinator.index", "GET", "/coordination/", *COORDINATOR),
    row("coordinator.weeks", "GET", "/coordination/weeks", *COORDINATOR),
    row("coordinator.week", "GET", WEEK + "/", *COORDINATOR),
    row("coordinator.week", "GET", "/coordination/{network}/2026-13-01/", LOGIN, 404, 403, 403),
    row("coordinator.resources", "GET", WEEK + "/sites/", *COORDINATOR),
    row("coordinator.resource_new", "GET", WEEK + "/rooms/new", *COORDINATOR),
    row("coordinator.resource_new", "POST", WEEK + "/rooms/new", LOGIN, 422, 403, 403),
    row("coordinator.resource_edit", "GET", WEEK + "/sites/{site}/edit", *COORDINATOR),
    row("coordinator.resource_edit", "POST", WEEK + "/sites/{site}/edit", LOGIN, 422, 403, 403),
    row("coordinator.resource_edit", "GET", WEEK + "/sites/TL-0/edit", LOGIN, 404, 403, 403),
    row("coordinator.resource_delete", "GET", WEEK + "/needs/{need}/delete", *COORDINATOR),
    row("coordinator.resource_delete", "POST", WEEK + "/needs/{need}/delete",
        LOGIN, ELSEWHERE, 403, 403),
    row("coordinator.resource_delete", "POST", WEEK + "/sites/{site}/delete",
        LOGIN, 409, 403, 403),
    row("coordinator.export", "GET", WEEK + "/export/json", *COORDINATOR),
    row("coordinator.export", "GET", WEEK + "/export/pdf", LOGIN, 404, 403, 403),
    row("coordinator.import_scenario", "GET", "/coordination/import", *COORDINATOR),
    row("coordinator.import_scenario", "POST", "/coordination/import", LOGIN, 422, 403, 403),
    # coordinator: solves and plan versions
    row("coordinator.solve", "POST", WEEK + "/solve", LOGIN, 422, 403, 403),
    row("coordinator.solve", "GET", WEEK + "/solve", 405, 405, 405, 405),
    row("coordinator.run", "GET", RUN, *COORDINATOR),
    row("coordinator.run", "GET", "/coordination/runs/999999", LOGIN, 404, 403, 403),
    row("coordinator.run_progress", "GET", RUN + "/progress.json", *COORDINATOR),
    row("coordinator.cancel", "POST", RUN + "/cancel", LOGIN, ELSEWHERE, 403, 403),
    row("coordinator.cancel", "GET", RUN + "/cancel", 405, 405, 405, 405),
    row("coordinator.version", "GET", VERSION, *COORDINATOR),
    row("coordinator.version", "GET", "/coordination/versions/999999", LOGIN, 404, 403, 403),
    row("coordinator.grid", "GET", VERSION + "/grid/site", *COORDINATOR),
    row("coordinator.grid", "GET", VERSION + "/grid/equipment", *COORDINATOR),
    row("coordinator.grid", "GET", VERSION + "/grid/weather", LOGIN, 404, 403, 403),
    row("coordinator.adjust", "GET", VERSION + "/adjust/{need}", *COORDINATOR),
    row("coordinator.adjust", "POST", VERSION + "/adjust/{need}", LOGIN, 422, 403, 403),
    row("coordinator.adjust", "GET", VERSION + "/adjust/N-999", LOGIN, 404, 403, 403),
    row("coordinator.compare", "GET", VERSION + "/compare", *COORDINATOR),
    row("coordinator.publish", "POST", VERSION + "/publish", LOGIN, ELSEWHERE, 403, 403),
    row("coordinator.publish", "GET", VERSION + "/publish", 405, 405, 405, 405),
    # coordinator: API tokens
    row("api_tokens.index", "GET", "/account/api-tokens", *COORDINATOR),
    row("api_tokens.index", "POST", "/account/api-tokens", LOGIN, 400, 403, 403),
    row("api_tokens.revoke", "POST", "/account/api-tokens/{api_token}/revoke",
        LOGIN, ELSEWHERE, 403, 403),
    row("api_tokens.revoke", "POST", "/account/api-tokens/999999/revoke", LOGIN, 404, 403, 403),
    # coordinator: accounts of the network
    row("accounts.index", "GET", "/accounts/", *COORDINATOR),
    row("accounts.create", "GET", "/accounts/{network}/new", *COORDINATOR),
    row("accounts.create", "POST", "/accounts/{network}/new", LOGIN, 422, 403, 403),
    row("accounts.create", "GET", "/accounts/Nowhere/new", LOGIN, 403, 403, 403),
    row("accounts.edit", "GET", "/accounts/{network}/{account}/edit", *COORDINATOR),
    row("accounts.edit", "POST", "/accounts/{network}/{account}/edit", LOGIN, 422, 403, 403),
    row("accounts.edit", "GET", "/accounts/{network}/999999/edit", LOGIN, 404, 403, 403),
    row("accounts.password", "GET", "/accounts/{network}/{account}/password", *COORDINATOR),
    row("accounts.password", "POST", "/accounts/{network}/{account}/password",
        LOGIN, 422, 403, 403),
    # site manager: their sites' needs and rota (a coordinator may do the same)
    row("site_manager.needs", "GET", f"{SITE_NEEDS}?{ASKED_WEEK}", LOGIN, 200, 200, 403),
    row("site_manager.needs", "GET", f"{SITE_NEEDS}?network={{network}}&week=2030-01-07",
        LOGIN, 404, 404, 403),
    row("site_manager.declare", "GET", f"{SITE_NEEDS}/new?{ASKED_WEEK}", LOGIN, 200, 200, 403),
    row("site_manager.declare", "POST", f"{SITE_NEEDS}/new?{ASKED_WEEK}",
        LOGIN, 400, 400, 403),
    row("site_manager.edit", "GET", f"{SITE_NEEDS}/{{need}}/edit?{ASKED_WEEK}",
        LOGIN, 200, 200, 403, OTHERS),
    row("site_manager.edit", "POST", f"{SITE_NEEDS}/{{need}}/edit?{ASKED_WEEK}",
        LOGIN, 400, 400, 403, OTHERS),
    row("site_manager.edit", "GET", f"{SITE_NEEDS}/N-999/edit?{ASKED_WEEK}",
        LOGIN, 404, 404, 403),
    row("site_manager.delete", "POST", f"{SITE_NEEDS}/{{need}}/delete?{ASKED_WEEK}",
        LOGIN, ELSEWHERE, ELSEWHERE, 403, OTHERS),
    row("site_manager.copy_last_week", "POST", f"{SITE_NEEDS}/copy?{ASKED_WEEK}",
        LOGIN, ELSEWHERE, ELSEWHERE, 403),
    row("site_manager.copy_last_week", "GET", f"{SITE_NEEDS}/copy?{ASKED_WEEK}",
        405, 405, 405, 405),
    row("site_manager.download_sheet", "GET", f"{SITE_NEEDS}/sheet.xlsx?{ASKED_WEEK}",
        LOGIN, 200, 200, 403),
    row("site_manager.upload", "GET", f"{SITE_NEEDS}/upload?{ASKED_WEEK}",
        LOGIN, 200, 200, 403),
    row("site_manager.upload", "POST", f"{SITE_NEEDS}/upload?{ASKED_WEEK}",
        LOGIN, 400, 400, 403),
    row("site_manager.rota", "GET", f"/site/rota?{ASKED_WEEK}", LOGIN, 200, 200, 403),
    row("site_manager.rota", "GET", f"/site/rota?{ASKED_WEEK}&site={{site}}",
        LOGIN, 200, 200, 403, OTHERS),
    row("site_manager.rota_file", "GET", f"/site/rota/{{site}}.xlsx?{ASKED_WEEK}",
        LOGIN, 200, 200, 403, OTHERS),
    row("site_manager.rota_file", "GET", f"/site/rota/{{site}}.csv?{ASKED_WEEK}",
        LOGIN, 200, 200, 403, OTHERS),
    row("site_manager.rota_file", "GET", f"/site/rota/{{site}}.pdf?{ASKED_WEEK}",
        LOGIN, 404, 404, 403, OTHERS),
    # facilitator: their own week (their coordinator may look), times and calendar
    row("facilitator.week", "GET", f"/me/week?{PERSON}", LOGIN, 200, 403, 200, OTHERS),
    row("facilitator.week", "GET", f"/me/week?{ASKED_WEEK}", LOGIN, 404, 403, 200),
    row("facilitator.week_print", "GET", f"/me/week/print?{PERSON}",
        LOGIN, 200, 403, 200, OTHERS),
    row("facilitator.rota_file", "GET", f"/me/rota.xlsx?{PERSON}", LOGIN, 200, 403, 200, OTHERS),
    row("facilitator.rota_file", "GET", f"/me/rota.csv?{PERSON}", LOGIN, 200, 403, 200, OTHERS),
    row("facilitator.rota_file", "GET", f"/me/rota.pdf?{PERSON}", LOGIN, 404, 403, 404, OTHERS),
    row("facilitator.availability", "GET", "/me/availability", LOGIN, 403, 403, 200),
    row("facilitator.availability", "POST", "/me/availability", LOGIN, 403, 403, ELSEWHERE),
    row("facilitator.calendar", "GET", "/me/calendar", LOGIN, 403, 403, 200),
    row("facilitator.renew_calendar", "POST", "/me/calendar/renew", LOGIN, 403, 403, ELSEWHERE),
    row("facilitator.renew_calendar", "GET", "/me/calendar/renew", 405, 405, 405, 405),
    row("facilitator.calendar_file", "GET", "/me/calendar.ics", LOGIN, 403, 403, 200),
    row("facilitator.feed", "GET", "/ical/{calendar}.ics", 200, 200, 200, 200),
    row("facilitator.feed", "GET", "/ical/not-a-token.ics", 404, 404, 404, 404),
    # JSON API: a coordinator's bearer token (the "anonymous" row sends none)
    row("api.openapi", "GET", "/api/v1/openapi.json", 200, 200, 200, 200),
    row("api.networks", "GET", "/api/v1/networks", 401, 200, 403, 403),
    row("api.import_scenario", "POST", "/api/v1/scenarios", 401, 422, 403, 403),
    row("api.start_solve", "POST", "/api/v1/runs", 401, 422, 403, 403),
    row("api.run", "GET", "/api/v1/runs/{run}", 401, 200, 403, 403),
    row("api.run", "GET", "/api/v1/runs/999999", 401, 404, 403, 403),
    row("api.cancel_run", "POST", "/api/v1/runs/{run}/cancel", 401, 200, 403, 403),
    row("api.cancel_run", "GET", "/api/v1/runs/{run}/cancel", 405, 405, 405, 405),
    row("api.cancel_run", "POST", "/api/v1/runs/999999/cancel", 401, 404, 403, 403),
    row("api.plan", "GET", "/api/v1/plans/{published}", 401, 200, 403, 403),
    row("api.plan", "GET", "/api/v1/plans/999999", 401, 404, 403, 403),
]


# --- the database every request starts from -------------------------------------------------


@dataclass(frozen=True)
class Objects:
    """What the paths of the table name: the demo week, its sites, people and plans."""

    network: str
    """URL-quoted, as in a link."""
    week: str
    site: str
    other_site: str
    need: str
    """A need of `site`, which the site manager of `other_site` may not touch."""
    facilitator: str
    other_facilitator: str
    published: int
    draft: int
    run: int
    calendar: str
    account: int
    """The user id of the site manager's account (the accounts pages edit it)."""
    api_token: int
    """The id of the coordinator's API token (its page can revoke it)."""
    api_tokens: dict[str, str]
    """The bearer token of each role's account."""


@pytest.fixture(scope="module")
def matrix_database(demo_database, tmp_path_factory) -> tuple[Path, Objects]:
    """The demo database plus the "other" accounts, a published and a draft plan, tokens."""
    path = tmp_path_factory.mktemp("matrix") / "matrix.db"
    shutil.copy(demo_database[0], path)
    accounts = demo_database[1]
    network = demo_scenario().network
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            sites = session.scalars(select(Site.code).order_by(Site.position)).all()
            people = session.scalars(select(Facilitator.code)
                                     .order_by(Facilitator.position)).all()
            create_user(session, OTHER_SITE_MANAGER[0], "Autre responsable",
                        OTHER_SITE_MANAGER[1], "site_manager", network=network.name,
                        sites=[sites[2]])
            create_user(session, OTHER_FACILITATOR[0], "Autre animatrice",
                        OTHER_FACILITATOR[1], "facilitator", network=network.name,
                        facilitator=people[1])
            published = solve_week(session, network.name, network.week_start,
                                   method="greedy", time_limit=1, workers=1)
            publish_plan(session, published.id)
            run = request_run(session, network.name, network.week_start, time_limit=1,
                              method="greedy")
            execute_run(engine, run.id)
            draft = latest_plan(session, network.name, network.week_start)
            users = {user.email: user.id for user in session.scalars(select(User))}
            emails = {role: account.email for role, account in accounts.items()}
            emails |= {"other_site_manager": OTHER_SITE_MANAGER[0],
                       "other_facilitator": OTHER_FACILITATOR[0]}
            api_tokens = {role: issue_api_token(session, users[email], "matrix")
                          for role, email in emails.items()}
            need = session.scalar(select(Need.code).where(Need.site == sites[0])
                                  .order_by(Need.position))
            objects = Objects(
                network=quote(network.name), week=network.week_start.isoformat(),
                site=sites[0], other_site=sites[2], need=need, facilitator=people[0],
                other_facilitator=people[1], published=published.id, draft=draft.id,
                run=run.id, calendar=calendar_token(session, users[emails["facilitator"]]),
                account=users[emails["site_manager"]],
                api_token=session.scalar(select(ApiToken.id).where(
                    ApiToken.user_id == users[emails["coordinator"]])),
                api_tokens=api_tokens)
    finally:
        engine.dispose()
    return path, objects


@dataclass
class Requester:
    """Sends one request as a role; a POST may change the database, so the request after it
    starts on a fresh copy of the matrix database."""

    app: Flask
    template: Path
    database: Path
    objects: Objects
    cookies: dict[str, str]
    changed: bool = False

    def restore_database(self) -> None:
        app_engine(self.app).dispose()
        shutil.copy(self.template, self.database)
        self.changed = False

    def client(self, role: str) -> FlaskClient:
        client = self.app.test_client()
        if role in self.cookies:
            client.set_cookie("session", self.cookies[role])
        return client

    def send(self, role: str, method: str, path: str):
        if self.changed:
            self.restore_database()
        self.changed = method != "GET"
        headers = {}
        if path.startswith("/api/") and role != "anonymous":
            headers["Authorization"] = f"Bearer {self.objects.api_tokens[role]}"
        url = path.format(**vars(self.objects))
        return self.client(role).open(url, method=method, headers=headers)


def session_cookie(app: Flask, email: str, password: str) -> str:
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client.get_cookie("session").value


@pytest.fixture(scope="module")
def requester(matrix_database, demo_database, tmp_path_factory) -> Iterator[Requester]:
    template, objects = matrix_database
    database = tmp_path_factory.mktemp("matrix-app") / "pooling.db"
    shutil.copy(template, database)
    application = make_test_app(f"sqlite:///{database}")
    sign_ins = {role: (account.email, account.password)
                for role, account in demo_database[1].items()}
    sign_ins |= {"other_site_manager": OTHER_SITE_MANAGER, "other_facilitator": OTHER_FACILITATOR}
    cookies = {role: session_cookie(application, *pair) for role, pair in sign_ins.items()}
    yield Requester(application, template, database, objects, cookies)
    app_engine(application).dispose()


def answer(response) -> int | str:
    """The response's status, redirections told apart by where they lead."""
    if response.status_code == 302:
        return LOGIN if response.location.startswith("/login") else ELSEWHERE
    return response.status_code


# --- the tests -------------------------------------------------------------------------------


def routes(app: Flask) -> set[tuple[str, str]]:
    """(endpoint, method) of every rule, HEAD and OPTIONS left to Werkzeug."""
    rules: list[Rule] = list(app.url_map.iter_rules())
    return {(rule.endpoint, method) for rule in rules
            for method in rule.methods - {"HEAD", "OPTIONS"}}


def test_the_matrix_covers_every_route(requester):
    covered = {(line.endpoint, line.method) for line in MATRIX}
    missing = routes(requester.app) - covered
    assert not missing, f"routes without a row in MATRIX: {sorted(missing)}"


def test_every_route_answers_each_role_as_the_matrix_says(requester):
    wrong = []
    for line in MATRIX:
        for role in line.roles():
            expected = line.expected(role)
            try:
                with requester.send(role, line.method, line.path) as response:
                    got = answer(response)
            except Exception as error:  # listed with the other wrong answers, not alone
                got = f"{type(error).__name__}: {error}"
            if got != expected:
                wrong.append(f"{line.method} {line.path} as {role}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_matrix_paths_reach_their_endpoints(requester):
    """A row's path is served by the endpoint it names (no row tests some other page)."""
    adapter = requester.app.url_map.bind("localhost")
    served = routes(requester.app)
    wrong = []
    for line in MATRIX:
        methods = [method for endpoint, method in sorted(served) if endpoint == line.endpoint]
        if not methods:
            wrong.append(f"{line.path}: the application has no endpoint {line.endpoint}")
            continue
        path = unquote(line.path.format(**vars(requester.objects)).split("?")[0])
        method = line.method if line.method in methods else methods[0]
        try:
            endpoint = adapter.match(path, method=method)[0]
        except NotFound:
            endpoint = "nothing"
        if endpoint != line.endpoint:
            wrong.append(f"{line.path}: served by {endpoint}, row says {line.endpoint}")
    assert not wrong, "\n".join(wrong)


def test_an_unknown_kind_of_object_is_no_page_for_anyone(requester):
    """Only the five kinds make a week's object address: others are 404 before any check."""
    for role in ROLES[:4]:
        with requester.send(role, "GET", WEEK + "/planets/") as response:
            assert answer(response) == 404, role


# --- CSRF and error pages --------------------------------------------------------------------


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def form_routes() -> list[Row]:
    """Every POST of a page form (the JSON API uses tokens, not cookies, so no CSRF)."""
    return [line for line in MATRIX if line.method == "POST" and not line.path.startswith("/api/")
            and 405 not in (line.anonymous, line.coordinator)]


def allowed_role(line: Row) -> str:
    """A role this form is meant for, so the refusal is CSRF's and not the role's."""
    if line.anonymous not in (LOGIN, 401, 403):
        return "anonymous"
    return next(role for role in ROLES[1:] if line.expected(role) != 403)


@pytest.fixture
def csrf_requester(requester) -> Iterator[Requester]:
    """The matrix application's database, with CSRF checks on as in production."""
    application = make_test_app(f"sqlite:///{requester.database}", csrf=True)
    yield Requester(application, requester.template, requester.database, requester.objects,
                    requester.cookies, changed=True)
    app_engine(application).dispose()


def test_every_form_is_refused_without_its_csrf_token(csrf_requester):
    accepted = []
    for line in form_routes():
        role = allowed_role(line)
        response = csrf_requester.send(role, "POST", line.path)
        page = response.get_data(as_text=True)
        if response.status_code != 400 or "Formulaire expiré" not in page:
            accepted.append(f"POST {line.path} as {role}: {response.status_code}")
    assert form_routes(), "no form route found"
    assert not accepted, "\n".join(accepted)


def test_a_form_with_its_csrf_token_is_accepted(csrf_requester, demo_database):
    account = demo_database[1]["coordinator"]
    client = csrf_requester.client("anonymous")
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": account.email, "password": account.password,
                                           "csrf_token": token})
    assert response.status_code == 302 and response.location == "/"


def visible_text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", body)


def test_the_api_ignores_a_signed_in_session_without_token(requester):
    """A browser's cookie alone never opens the API (whose routes skip CSRF checks)."""
    response = requester.client("coordinator").get("/api/v1/networks")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_not_found_page_says_so_and_leads_home(requester):
    response = requester.client("facilitator").get("/no/such/page")
    assert response.status_code == 404
    page = visible_text(response)
    assert "Page introuvable" in page and "Retour à l'accueil" in page.replace("&#39;", "'")


def test_the_forbidden_page_explains_and_shows_no_data(requester):
    """A facilitator opening a coordinator's page gets the 403 page, without the network."""
    forbidden = [line for line in MATRIX if line.facilitator == 403 and line.method == "GET"]
    assert forbidden, "the matrix should hold a page that refuses facilitators"
    response = requester.send("facilitator", "GET", forbidden[0].path)
    page = visible_text(response)
    assert response.status_code == 403
    assert "Accès refusé" in page and "coordination de votre réseau" in page
    assert requester.objects.other_site not in page
