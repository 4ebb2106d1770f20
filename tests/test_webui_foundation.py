"""The web application's shell: sign-in and out, lock after failures, CSRF, error pages in
both languages, the language switch, role permissions, settings, and the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import flask
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner
from flask import Blueprint
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from wtforms import StringField

from pooling.accounts import account_by_id, authenticate
from pooling.cli import main
from pooling.db import make_engine
from pooling.db.models import LoginAttempt, Network, User
from pooling.errors import InvalidInput, Problem
from scenarios.demo import demo_scenario
from webui import create_app
from webui.auth.forms import LoginForm
from webui.config import (ConfigurationError, DevelopmentConfig, ProductionConfig, TestConfig,
                          config_from_environment)
from webui.forms import show_problems
from webui.permissions import coordinator_required, facilitator_self, site_manager_for
from webui_fixtures import (app, app_database, app_session, client, csrf_app,  # noqa: F401
                            demo_accounts, demo_database, login_as)

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "webui" / "translations" / "fr" / "LC_MESSAGES"
DEMO_SITES = ("TL-280", "TL-161")


def text(response) -> str:
    """The page's visible text, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", body).replace("&#39;", "'")


def sign_in(client, email, password, **extra):
    return client.post("/login", data={"email": email, "password": password, **extra})


# --- signing in and out ----------------------------------------------------------------------


def test_pages_ask_to_sign_in_first(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")


@pytest.mark.parametrize("role, expected", [
    ("coordinator", "Réseau des tiers-lieux Creuse – Millevaches"),
    ("site_manager", "La Quincaillerie"),
    ("facilitator", "Bonjour, Camille Laroche"),
])
def test_each_role_lands_on_its_home_page(client, login_as, role, expected):
    login_as(role)
    page = text(client.get("/"))
    assert expected in page
    assert "Se déconnecter" in page


def test_a_site_manager_sees_only_their_sites(client, login_as):
    login_as("site_manager")
    page = text(client.get("/"))
    assert "La Quincaillerie" in page and "L'Alzire" in page
    assert "Le Mille" not in page


def test_wrong_password_is_refused_without_saying_which_field(client, demo_accounts):
    response = sign_in(client, demo_accounts["coordinator"].email, "not the password")
    assert response.status_code == 401
    assert "Adresse e-mail ou mot de passe incorrect." in text(response)
    assert client.get("/").status_code == 302


def test_an_empty_form_gets_field_messages(client):
    response = sign_in(client, "", "")
    assert response.status_code == 400
    page = text(response)
    assert "Indiquez votre adresse e-mail." in page and "Indiquez votre mot de passe." in page


def test_sign_in_returns_to_the_page_asked_for_but_never_elsewhere(client, demo_accounts):
    account = demo_accounts["coordinator"]
    response = sign_in(client, account.email, account.password, next="/nowhere?x=1")
    assert response.location == "/nowhere?x=1"
    client.post("/logout")
    for outside in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = sign_in(client, account.email, account.password, next=outside)
        assert response.location == "/", outside
        client.post("/logout")


def test_sign_out_ends_the_session(client, login_as):
    login_as("coordinator")
    assert client.get("/").status_code == 200
    response = client.post("/logout", follow_redirects=True)
    assert "Vous êtes déconnecté·e." in text(response)
    assert client.get("/").status_code == 302
    assert client.get("/logout").status_code == 405


def test_repeated_failures_lock_the_address_in_the_database(client, app_session, demo_accounts):
    account = demo_accounts["site_manager"]
    for _ in range(3):                     # TestConfig: 3 failures within 10 minutes
        assert sign_in(client, account.email, "wrong password").status_code == 401
    assert app_session.scalar(select(func.count(LoginAttempt.id))
                              .where(LoginAttempt.email == account.email)) == 3

    response = sign_in(client, account.email, account.password)
    assert response.status_code == 429
    assert "Trop de tentatives échouées avec cette adresse : attendez 10 minutes" in text(response)
    assert client.get("/").status_code == 302
    other = demo_accounts["coordinator"]
    assert sign_in(client, other.email, other.password).status_code == 302


# --- CSRF, cookies, headers ------------------------------------------------------------------


def test_a_form_without_its_token_is_rejected(csrf_app, demo_accounts):
    client = csrf_app.test_client()
    account = demo_accounts["coordinator"]
    refused = sign_in(client, account.email, account.password)
    assert refused.status_code == 400
    assert "Formulaire expiré" in text(refused)

    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert sign_in(client, account.email, account.password, csrf_token=token).status_code == 302
    assert client.post("/logout").status_code == 400          # signing out needs a token too
    assert client.get("/").status_code == 200


def test_session_cookie_is_http_only_and_same_site(client, login_as):
    login_as("coordinator")
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_pages_carry_protective_headers(client):
    headers = client.get("/login").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


# --- languages and error pages ---------------------------------------------------------------


def test_not_found_page_in_french_then_english(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page introuvable" in text(response)
    assert '<html lang="fr">' in response.get_data(as_text=True)

    switched = client.post("/language", data={"language": "en", "next": "/no/such/page"})
    assert switched.location == "/no/such/page"
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in text(response)
    assert '<html lang="en">' in response.get_data(as_text=True)


def test_an_unknown_language_changes_nothing(client):
    client.post("/language", data={"language": "de", "next": "/login"})
    assert "Se connecter" in text(client.get("/login"))


def test_a_signed_in_person_keeps_their_language(client, login_as, app_session):
    account = login_as("facilitator")
    client.post("/language", data={"language": "en", "next": "/"})
    assert "Hello, Camille Laroche" in text(client.get("/"))
    user_id = app_session.scalar(select(User.id).where(User.email == account.email))
    assert account_by_id(app_session, user_id).language == "en"

    client.post("/logout")
    with client.session_transaction() as cookie_session:
        cookie_session.clear()
    login_as("facilitator")                      # a new browser: the account's language
    assert "Hello, Camille Laroche" in text(client.get("/"))


guarded = Blueprint("guarded", __name__)


@guarded.route("/guarded/coordination")
@coordinator_required
def coordination():
    return "coordination data"


@guarded.route("/guarded/sites/<site>")
def site_page(site):
    site_manager_for(site)
    return f"data of {site}"


@guarded.route("/guarded/facilitators/<code>")
def facilitator_page(code):
    facilitator_self(code)
    return f"week of {code}"


@pytest.fixture
def guarded_client(app_database):
    application = create_app(TestConfig(app_database))
    application.register_blueprint(guarded)
    return application.test_client()


@pytest.mark.parametrize("role, path, status", [
    ("coordinator", "/guarded/coordination", 200),
    ("site_manager", "/guarded/coordination", 403),
    ("facilitator", "/guarded/coordination", 403),
    ("coordinator", "/guarded/sites/TL-35", 200),
    ("site_manager", "/guarded/sites/TL-280", 200),
    ("site_manager", "/guarded/sites/TL-35", 403),
    ("facilitator", "/guarded/sites/TL-280", 403),
    ("coordinator", "/guarded/facilitators/F-mathis", 200),
    ("facilitator", "/guarded/facilitators/F-camille", 200),
    ("facilitator", "/guarded/facilitators/F-mathis", 403),
    ("site_manager", "/guarded/facilitators/F-camille", 403),
])
def test_permissions_answer_403_not_the_data(guarded_client, demo_accounts, role, path, status):
    account = demo_accounts[role]
    assert sign_in(guarded_client, account.email, account.password).status_code == 302
    response = guarded_client.get(path)
    assert response.status_code == status
    if status == 403:
        assert "Accès refusé" in text(response)
        assert "data" not in text(response) and "week of" not in text(response)


def test_forbidden_page_in_english(guarded_client, demo_accounts):
    account = demo_accounts["facilitator"]
    sign_in(guarded_client, account.email, account.password)
    guarded_client.post("/language", data={"language": "en", "next": "/"})
    response = guarded_client.get("/guarded/coordination")
    assert response.status_code == 403
    assert "Access refused" in text(response)


def test_guarded_pages_ask_to_sign_in_first(guarded_client):
    assert guarded_client.get("/guarded/coordination").status_code == 302
    assert guarded_client.get("/guarded/sites/TL-280").status_code == 403


def test_every_page_string_has_its_french_translation_compiled():
    """The catalogue covers every string of the code and templates, and the .mo is current."""
    found = {message_id if isinstance(message_id, str) else message_id[0]
             for _, _, message_id, _, _ in extract_from_dir(
                 str(ROOT / "webui"),
                 method_map=[("**.py", "python"), ("templates/**.html", "jinja2")],
                 keywords={"_": None, "gettext": None, "_l": None, "lazy_gettext": None,
                           "ngettext": (1, 2), "N_": None})}
    with open(TRANSLATIONS / "messages.po", "rb") as po_file:
        catalogue = read_po(po_file)
    translated = {message.id: message.string for message in catalogue if message.id}
    assert sorted(found - set(translated)) == []
    assert [message_id for message_id, french in translated.items() if not french] == []
    assert [message.id for message in catalogue if message.fuzzy and message.id] == []
    mo_path = TRANSLATIONS / "messages.mo"
    assert mo_path.exists(), "run: .venv/bin/pybabel compile -d webui/translations"
    with open(mo_path, "rb") as mo_file:
        compiled = {message.id: message.string for message in read_mo(mo_file) if message.id}
    assert compiled == translated, "stale catalogue: run .venv/bin/pybabel compile -d " \
                                   "webui/translations"


def test_french_quotes_never_part_from_their_words():
    """« and » hold a non-breaking space inside, so neither is left alone at a line's end."""
    with open(TRANSLATIONS / "messages.po", "rb") as po_file:
        catalogue = read_po(po_file)
    loose = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")
    quoted = [message.string for message in catalogue if "«" in message.string]
    assert quoted, "the catalogue has French quotes to check"
    assert [text for text in quoted if loose.search(text)] == []


# --- settings --------------------------------------------------------------------------------


def test_production_refuses_to_start_without_database_and_strong_key(monkeypatch):
    monkeypatch.delenv("POOLING_DATABASE_URL", raising=False)
    monkeypatch.setenv("POOLING_SECRET_KEY", "short")
    with pytest.raises(ConfigurationError, match="POOLING_DATABASE_URL.*POOLING_SECRET_KEY"):
        ProductionConfig()
    monkeypatch.setenv("POOLING_ENV", "production")
    with pytest.raises(ConfigurationError):
        config_from_environment()


def test_production_sends_cookies_over_https_only(monkeypatch):
    monkeypatch.setenv("POOLING_DATABASE_URL", "postgresql://planner@db.example/pooling")
    monkeypatch.setenv("POOLING_SECRET_KEY", "k" * 40)
    application = create_app(ProductionConfig())
    assert application.config["SESSION_COOKIE_SECURE"] is True
    assert application.config["SESSION_COOKIE_HTTPONLY"] is True
    assert application.config["SECRET_KEY"] == "k" * 40
    assert application.config["DATABASE_URL"] == "postgresql://planner@db.example/pooling"


def test_development_generates_its_secret_key_once(monkeypatch, tmp_path):
    monkeypatch.delenv("POOLING_SECRET_KEY", raising=False)
    monkeypatch.delenv("POOLING_DATABASE_URL", raising=False)
    monkeypatch.delenv("POOLING_ENV", raising=False)
    monkeypatch.setenv("POOLING_INSTANCE_PATH", str(tmp_path))
    first = config_from_environment()
    assert isinstance(first, DevelopmentConfig)
    assert len(first.SECRET_KEY) >= 32
    assert DevelopmentConfig().SECRET_KEY == first.SECRET_KEY
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert first.DATABASE_URL == f"sqlite:///{tmp_path / 'pooling.db'}"


# --- commands --------------------------------------------------------------------------------


def run(*args: str, **options):
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False, **options)


def test_create_user_command_makes_an_account_that_signs_in(app_database):
    created = run("create-user", "Nadia@Example.org", "--role", "site_manager", "--name",
                  "Nadia B.", "--network", demo_scenario().network.name, "--site", "TL-35",
                  "--site", "TL-271", "--password", "mot de passe long",
                  "--database", app_database)
    assert created.exit_code == 0, created.output
    assert "Account created: nadia@example.org (site_manager)." in created.output
    engine = make_engine(app_database)
    with Session(engine) as session:
        account = authenticate(session, "nadia@example.org", "mot de passe long")
    engine.dispose()
    assert account.sites == frozenset({"TL-35", "TL-271"})


def test_create_user_command_asks_for_the_password(app_database):
    created = run("create-user", "coord@example.org", "--role", "coordinator", "--name", "C",
                  "--database", app_database, input="long password\nlong password\n")
    assert created.exit_code == 0, created.output
    assert "Account created: coord@example.org (coordinator)." in created.output


def test_create_user_command_lists_every_problem(app_database):
    refused = CliRunner().invoke(main, [
        "--lang", "fr", "create-user", "nobody", "--role", "facilitator", "--name", "X",
        "--network", demo_scenario().network.name, "--facilitator", "F-nobody",
        "--password", "short", "--database", app_database])
    assert refused.exit_code == 2
    assert "email: Indiquez une adresse e-mail" in refused.output
    assert "password: Choisissez un mot de passe d'au moins 8 caractères." in refused.output
    assert "facilitator: Le réseau" in refused.output


def test_serve_loads_the_demo_and_prints_its_accounts(sqlite_url, monkeypatch):
    started = []
    monkeypatch.setattr(flask.Flask, "run", lambda app, **options: started.append(
        (app.config["DATABASE_URL"], options)))
    for _ in range(2):                                    # a restart duplicates nothing
        served = run("serve", "--port", "5050", "--database", sqlite_url)
        assert served.exit_code == 0, served.output
    assert "coordination@demo.pooling.example / demo-coordination" in served.output
    assert "lieux@demo.pooling.example / demo-lieux" in served.output
    assert "animation@demo.pooling.example / demo-animation" in served.output
    assert "http://127.0.0.1:5050/" in served.output
    assert started == [(sqlite_url, {"host": "127.0.0.1", "port": 5050})] * 2
    engine = make_engine(sqlite_url)
    with Session(engine) as session:
        assert session.scalars(select(Network.name)).all() == [demo_scenario().network.name]
        assert session.scalar(select(func.count(User.id))) == 3
        manager = authenticate(session, "lieux@demo.pooling.example", "demo-lieux")
    engine.dispose()
    assert manager.sites == frozenset(DEMO_SITES)


def test_serve_without_demo_creates_no_account(sqlite_url, monkeypatch):
    monkeypatch.setattr(flask.Flask, "run", lambda app, **options: None)
    served = run("serve", "--no-demo", "--database", sqlite_url)
    assert served.exit_code == 0, served.output
    assert "demo" not in served.output
    engine = make_engine(sqlite_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count(User.id))) == 0
    engine.dispose()


class SitesForm(LoginForm):
    sites = StringField()


def test_problems_of_a_use_case_appear_under_their_fields(app):
    error = InvalidInput([Problem("email", "An account already uses {email}.",
                                  {"email": "a@b.org"}),
                          Problem("sites[1]", "Network {network} has no site {site}.",
                                  {"network": "N", "site": "S7"}),
                          Problem("network", "No network is named {network}.",
                                  {"network": "X"})])
    with app.test_request_context("/", method="POST"):
        form = SitesForm()
        form.validate()
        show_problems(form, error)
        assert form.email.errors[-1] == "Un compte utilise déjà a@b.org."
        assert form.sites.errors == ["sites[1]: Le réseau N n'a pas de lieu S7."]
        assert form.form_errors == ["network: Aucun réseau ne s'appelle X."]
