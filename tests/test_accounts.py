"""Accounts: creation with every problem at its field, sign-in, lock after repeated failures
(kept in the database), tokens, what each role covers, demo accounts."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pooling.accounts import (
    LoginPolicy, SignInRefused, TooManyFailures, account_by_id, authenticate, calendar_token,
    create_user, ensure_demo_accounts, issue_api_token, managed_sites, set_language,
    user_for_api_token, user_for_calendar_token,
)
from pooling.db import make_engine, upgrade
from pooling.db.models import ApiToken, LoginAttempt, User
from pooling.errors import InvalidInput
from pooling.store import import_scenario

ROOT = Path(__file__).resolve().parents[1]
NETWORK = "Tiers-lieux du Bocage"
POLICY = LoginPolicy(max_failures=3, window=timedelta(minutes=10))
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def network_session(sqlite_url, rich_scenario) -> Iterator[Session]:
    """A session on a SQLite database holding the rich scenario's network (S1-S3, F1-F3)."""
    engine = make_engine(sqlite_url)
    upgrade(engine)
    with Session(engine) as session:
        import_scenario(session, rich_scenario)
        yield session
    engine.dispose()


@pytest.fixture
def any_network_session(session, rich_scenario) -> Session:
    """The same on each supported database, for what the database itself must hold."""
    import_scenario(session, rich_scenario)
    return session


def make_manager(session, email="Lieux@Example.org", sites=("S1", "S3")):
    return create_user(session, email, "Alex Martin", "un mot de passe", "site_manager",
                       network=NETWORK, sites=sites)


def test_created_account_keeps_a_hash_and_a_lower_case_email(network_session):
    account = make_manager(network_session)
    assert (account.email, account.role, account.network) == \
        ("lieux@example.org", "site_manager", NETWORK)
    assert account.sites == frozenset({"S1", "S3"})
    stored = network_session.scalars(select(User)).one()
    assert "un mot de passe" not in stored.password_hash
    assert stored.password_hash.startswith(("scrypt:", "pbkdf2:"))
    assert account_by_id(network_session, account.id) == account


def test_every_problem_of_an_account_is_reported_at_its_field(network_session):
    with pytest.raises(InvalidInput) as caught:
        create_user(network_session, "not-an-address", " ", "short", "facilitator",
                    network=NETWORK, sites=["S1"], facilitator="F9", language="de")
    assert [problem.where for problem in caught.value.problems] == \
        ["email", "name", "password", "language", "sites", "facilitator"]
    with pytest.raises(InvalidInput) as caught:
        create_user(network_session, "a@b.org", "A", "long enough", "site_manager",
                    network=NETWORK, sites=["S1", "S7"])
    assert [problem.render() for problem in caught.value.problems] == \
        [f"sites[1]: Network {NETWORK} has no site S7."]
    assert network_session.scalar(select(func.count(User.id))) == 0


@pytest.mark.parametrize("role, options, where", [
    ("site_manager", {}, "network"),
    ("coordinator", {"network": "Nowhere"}, "network"),
    ("site_manager", {"network": NETWORK}, "sites"),
    ("facilitator", {"network": NETWORK}, "facilitator"),
    ("coordinator", {"network": NETWORK, "facilitator": "F1"}, "facilitator"),
    ("admin", {"network": NETWORK}, "role"),
])
def test_role_links_are_checked(network_session, role, options, where):
    with pytest.raises(InvalidInput) as caught:
        create_user(network_session, "x@example.org", "X", "long enough", role, **options)
    assert [problem.where for problem in caught.value.problems] == [where]


def test_an_email_serves_one_account_only(network_session):
    make_manager(network_session)
    with pytest.raises(InvalidInput) as caught:
        make_manager(network_session, email="LIEUX@example.org ")
    assert caught.value.problems[0].text("fr") == "Un compte utilise déjà lieux@example.org."


def test_sign_in_with_the_right_pair_only(network_session):
    created = make_manager(network_session)
    assert authenticate(network_session, " LIEUX@example.org", "un mot de passe") == created
    with pytest.raises(SignInRefused):
        authenticate(network_session, "lieux@example.org", "un autre mot")
    with pytest.raises(SignInRefused):
        authenticate(network_session, "personne@example.org", "un mot de passe")


def test_repeated_failures_lock_the_address_until_the_window_passes(any_network_session,
                                                                    engine):
    network_session = any_network_session
    make_manager(network_session)
    for minute in range(3):
        with pytest.raises(SignInRefused) as caught:
            authenticate(network_session, "lieux@example.org", "wrong", POLICY,
                         now=NOON + timedelta(minutes=minute))
        assert not isinstance(caught.value, TooManyFailures)
    assert network_session.scalar(select(func.count(LoginAttempt.id))) == 3

    with Session(engine) as another_process:      # the lock is in the database, not in memory
        with pytest.raises(TooManyFailures) as caught:
            authenticate(another_process, "lieux@example.org", "un mot de passe", POLICY,
                         now=NOON + timedelta(minutes=5))
    assert caught.value.retry_after == timedelta(minutes=5)
    assert caught.value.minutes == 5
    assert make_manager(network_session, email="autre@example.org")   # other addresses are free

    account = authenticate(network_session, "lieux@example.org", "un mot de passe", POLICY,
                           now=NOON + timedelta(minutes=10))
    assert account.email == "lieux@example.org"
    assert network_session.scalar(select(func.count(LoginAttempt.id))) == 0


def test_failures_older_than_the_window_do_not_count(network_session):
    make_manager(network_session)
    for minute in (0, 1, 11, 12):
        with pytest.raises(SignInRefused) as caught:
            authenticate(network_session, "lieux@example.org", "wrong", POLICY,
                         now=NOON + timedelta(minutes=minute))
        assert not isinstance(caught.value, TooManyFailures)
    assert network_session.scalar(select(func.count(LoginAttempt.id))) == 2


def test_roles_cover_their_network_sites_and_person(network_session):
    manager = make_manager(network_session)
    coordinator = create_user(network_session, "coord@example.org", "C", "long enough",
                              "coordinator", network=NETWORK)
    everywhere = create_user(network_session, "all@example.org", "A", "long enough",
                             "coordinator")
    facilitator = create_user(network_session, "f1@example.org", "F", "long enough",
                              "facilitator", network=NETWORK, facilitator="F1")
    assert manager.manages_site("S1") and not manager.manages_site("S2")
    assert not manager.manages_site("S1", network="Other network")
    assert coordinator.manages_site("S2") and not coordinator.manages_site("S2", "Other")
    assert everywhere.manages_site("S2", "Other") and everywhere.covers_network("Other")
    assert not facilitator.manages_site("S1")
    assert facilitator.sees_facilitator("F1") and not facilitator.sees_facilitator("F2")
    assert coordinator.sees_facilitator("F2") and not manager.sees_facilitator("F1")
    assert [code for _, code, _ in managed_sites(network_session, manager)] == ["S1", "S3"]
    assert [code for _, code, _ in managed_sites(network_session, coordinator)] == \
        ["S1", "S2", "S3"]
    assert managed_sites(network_session, facilitator) == []


def test_the_database_refuses_an_unknown_role_or_a_facilitator_without_facilitator(
        any_network_session):
    network_session = any_network_session
    make_manager(network_session)
    user = network_session.scalars(select(User)).one()
    user.role = "admin"
    with pytest.raises(IntegrityError):
        network_session.flush()
    network_session.rollback()
    user.role = "facilitator"
    with pytest.raises(IntegrityError):
        network_session.flush()
    network_session.rollback()


def test_api_tokens_are_stored_as_digests(network_session):
    manager = make_manager(network_session)
    token = issue_api_token(network_session, manager.id, "tableur")
    assert user_for_api_token(network_session, token) == manager
    assert user_for_api_token(network_session, token + "x") is None
    stored = network_session.scalars(select(ApiToken)).one()
    assert token not in stored.token_hash and stored.last_used_at is not None


def test_a_renewed_calendar_token_revokes_the_old_one(network_session):
    person = create_user(network_session, "f1@example.org", "F", "long enough", "facilitator",
                         network=NETWORK, facilitator="F1")
    first = calendar_token(network_session, person.id)
    assert calendar_token(network_session, person.id) == first
    renewed = calendar_token(network_session, person.id, renew=True)
    assert renewed != first
    assert user_for_calendar_token(network_session, renewed) == person
    assert user_for_calendar_token(network_session, first) is None


def test_language_choice_is_kept(network_session):
    manager = make_manager(network_session)
    set_language(network_session, manager.id, "en")
    assert account_by_id(network_session, manager.id).language == "en"
    with pytest.raises(InvalidInput):
        set_language(network_session, manager.id, "de")


def test_demo_accounts_are_created_once(network_session):
    first = ensure_demo_accounts(network_session, NETWORK)
    again = ensure_demo_accounts(network_session, NETWORK)
    assert first == again
    assert [account.role for account in first] == ["coordinator", "site_manager", "facilitator"]
    assert network_session.scalar(select(func.count(User.id))) == 3
    signed_in = {account.role: authenticate(network_session, account.email, account.password)
                 for account in first}
    assert signed_in["site_manager"].sites == frozenset({"S1", "S2"})
    assert signed_in["facilitator"].facilitator == "F1"
    assert signed_in["coordinator"].network == NETWORK


def test_demo_accounts_need_a_stored_network(network_session):
    with pytest.raises(InvalidInput):
        ensure_demo_accounts(network_session, "Nowhere")


def accounts_message_ids() -> set[str]:
    tree = ast.parse((ROOT / "pooling" / "accounts.py").read_text("utf-8"))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"}


def test_every_account_message_has_its_french_text_with_the_same_placeholders():
    catalogue = json.loads((ROOT / "pooling" / "locale" / "fr" / "accounts.json")
                           .read_text("utf-8"))
    messages = accounts_message_ids()
    assert len(messages) >= 10
    for message in messages:
        assert catalogue.get(message, message) != message, message
        assert set(re.findall(r"{(\w+)}", catalogue[message])) == \
            set(re.findall(r"{(\w+)}", message))
