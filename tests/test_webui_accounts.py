"""The coordinator's accounts page: accounts of every role created with field messages and
nothing half-saved, links edited, passwords reset, API tokens reached, coordinators only."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from pooling.accounts import (Account, UnknownAccount, coordinated_accounts, list_accounts,
                              network_account, update_account)
from pooling.db.models import User
from scenarios.demo import demo_scenario
from webui_fixtures import (  # noqa: F401  (pytest fixtures)
    app, app_database, app_session, client, csrf_app, demo_accounts, demo_database, login_as)

NETWORK = demo_scenario().network.name
ACCOUNTS = "/accounts/"
NEW = f"/accounts/{NETWORK}/new"

ACCOUNT_ROUTES = [
    ("accounts.index", "GET"),
    ("accounts.create", "GET"), ("accounts.create", "POST"),
    ("accounts.edit", "GET"), ("accounts.edit", "POST"),
    ("accounts.password", "GET"), ("accounts.password", "POST"),
]
"""(endpoint, method) of every route of the accounts page."""


def new_account(**fields) -> dict:
    return {"email": "new.person@example.org", "name": "Nouvelle Personne", "language": "fr",
            "password": "long enough", "role": "coordinator"} | fields


def user_count(session) -> int:
    return session.scalar(select(func.count()).select_from(User))


def errors_of(page: str, field: str) -> list[str]:
    """The messages listed under a field of the page."""
    block = re.search(rf'id="{field}-errors">(.*?)</ul>', page, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1)) if block else []


def row_of(page: str, email: str) -> list[str]:
    """Role, sites and facilitator shown in the accounts table for this address."""
    cells = re.search(rf"<td>{re.escape(email)}</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>"
                      rf"\s*<td>(.*?)</td>", page, re.S)
    return list(cells.groups()) if cells else []


def user_id(session, email: str) -> int:
    return session.scalar(select(User.id).where(User.email == email))


def test_the_page_lists_the_network_accounts_with_role_sites_and_facilitator(client, login_as):
    login_as("coordinator")
    page = client.get(ACCOUNTS).get_data(as_text=True)
    assert f"<caption>Comptes de {NETWORK}</caption>" in page
    assert row_of(page, "lieux@demo.pooling.example") == [
        "Responsable de lieu", "La Quincaillerie, L&#39;Alzire", "—"]
    assert row_of(page, "animation@demo.pooling.example") == [
        "Animateur", "—", "Camille Laroche"]
    assert '<a href="/accounts/" aria-current="page">Comptes</a>' in page
    assert 'href="/account/api-tokens"' in page


@pytest.mark.parametrize("role, links, shown", [
    ("coordinator", {}, ["Coordination", "—", "—"]),
    ("site_manager", {"sites": ["TL-280", "TL-816"]},
     ["Responsable de lieu", "La Quincaillerie, Les Ateliers de la Mine", "—"]),
    ("facilitator", {"facilitator": "F-nadia"}, ["Animateur", "—", "Nadia Benali"]),
])
def test_a_coordinator_creates_an_account_of_each_role(client, login_as, app_session, role,
                                                       links, shown):
    login_as("coordinator")
    response = client.post(NEW, data=new_account(role=role, **links))
    assert response.status_code == 302, response.get_data(as_text=True)
    account = network_account(app_session, NETWORK,
                              user_id(app_session, "new.person@example.org"))
    assert (account.role, account.network) == (role, NETWORK)
    assert account.sites == frozenset(links.get("sites", ()))
    assert account.facilitator == links.get("facilitator")
    assert row_of(client.get(ACCOUNTS).get_data(as_text=True),
                  "new.person@example.org") == shown


def test_fields_of_another_role_are_not_kept(client, login_as, app_session):
    login_as("coordinator")
    response = client.post(NEW, data=new_account(role="facilitator", facilitator="F-nadia",
                                                 sites=["TL-280"]))
    assert response.status_code == 302
    account = network_account(app_session, NETWORK, user_id(app_session, "new.person@example.org"))
    assert account.sites == frozenset()


def test_a_duplicate_email_is_refused_at_its_field_and_nothing_is_saved(client, login_as,
                                                                        app_session,
                                                                        demo_accounts):
    login_as("coordinator")
    before = user_count(app_session)
    taken = demo_accounts["facilitator"].email.upper()
    response = client.post(NEW, data=new_account(email=taken, password="short",
                                                 role="site_manager"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert errors_of(page, "email") == [f"Un compte utilise déjà {taken.lower()}."]
    assert errors_of(page, "password") == ["Choisissez un mot de passe d'au moins 8 caractères."
                                           .replace("'", "&#39;")]
    assert errors_of(page, "sites") == ["Choisissez au moins un lieu pour un ou une responsable "
                                        "de lieu."]
    assert user_count(app_session) == before


def test_a_weak_password_or_an_unknown_site_is_refused(client, login_as, app_session):
    login_as("coordinator")
    before = user_count(app_session)
    response = client.post(NEW, data=new_account(password="1234567", role="site_manager",
                                                 sites=["TL-280", "TL-0"]))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert len(errors_of(page, "password")) == 1
    assert errors_of(page, "sites") == [f"sites[1]: Le réseau {NETWORK} n&#39;a pas de lieu "
                                        "TL-0."]
    assert user_count(app_session) == before


def test_a_site_manager_created_for_two_sites_signs_in_and_sees_only_them(client, login_as):
    login_as("coordinator")
    client.post(NEW, data=new_account(role="site_manager", sites=["TL-161", "TL-816"]))
    client.post("/logout")
    response = client.post("/login", data={"email": "new.person@example.org",
                                           "password": "long enough"})
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "TL-161" in page and "TL-816" in page and "TL-280" not in page


def test_an_edit_changes_role_and_links_and_refuses_ones_own_role(client, login_as,
                                                                  app_session, demo_accounts):
    login_as("coordinator")
    manager = user_id(app_session, demo_accounts["site_manager"].email)
    path = f"/accounts/{NETWORK}/{manager}/edit"
    assert '<input checked id="sites-0" name="sites" type="checkbox" value="TL-280">' in \
        client.get(path).get_data(as_text=True)
    response = client.post(path, data={"name": "Lieux du sud", "role": "site_manager",
                                       "sites": ["TL-1352"]})
    assert response.status_code == 302
    account = network_account(app_session, NETWORK, manager)
    assert (account.name, account.sites) == ("Lieux du sud", frozenset({"TL-1352"}))
    me = user_id(app_session, demo_accounts["coordinator"].email)
    refused = client.post(f"/accounts/{NETWORK}/{me}/edit",
                          data={"name": "Moi", "role": "facilitator", "facilitator": "F-nadia"})
    assert refused.status_code == 422
    assert errors_of(refused.get_data(as_text=True), "role")
    assert network_account(app_session, NETWORK, me).role == "coordinator"


def test_a_password_reset_replaces_the_old_password(client, login_as, app_session,
                                                    demo_accounts):
    login_as("coordinator")
    person = demo_accounts["facilitator"]
    path = f"/accounts/{NETWORK}/{user_id(app_session, person.email)}/password"
    assert client.post(path, data={"password": "short"}).status_code == 422
    assert client.post(path, data={"password": "a brand new one"}).status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"email": person.email,
                                       "password": person.password}).status_code != 302
    assert client.post("/login", data={"email": person.email,
                                       "password": "a brand new one"}).status_code == 302


def test_a_token_made_from_the_accounts_page_opens_the_api(client, login_as):
    login_as("coordinator")
    page = client.get(ACCOUNTS).get_data(as_text=True)
    tokens_page = re.search(r'href="(/account/api-tokens)"', page).group(1)
    made = client.post(tokens_page, data={"label": "site du réseau"}).get_data(as_text=True)
    token = re.search(r'id="new-token" type="text" readonly value="([^"]+)"', made).group(1)
    client.post("/logout")
    answer = client.get("/api/v1/networks", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and NETWORK in answer.get_data(as_text=True)


def test_other_roles_get_403_on_every_account_route(client, login_as, app_session,
                                                    demo_accounts):
    someone = user_id(app_session, demo_accounts["facilitator"].email)
    paths = {"accounts.index": ACCOUNTS, "accounts.create": NEW,
             "accounts.edit": f"/accounts/{NETWORK}/{someone}/edit",
             "accounts.password": f"/accounts/{NETWORK}/{someone}/password"}
    before = user_count(app_session)
    for role in ("site_manager", "facilitator"):
        login_as(role)
        assert client.get("/").status_code == 200
        for endpoint, method in ACCOUNT_ROUTES:
            response = client.open(paths[endpoint], method=method,
                                   data=new_account(role="coordinator"))
            assert response.status_code == 403, (role, endpoint, method)
        client.post("/logout")
    assert client.get(ACCOUNTS).status_code == 302
    assert user_count(app_session) == before


def test_a_coordinator_reaches_only_their_own_network(client, login_as, app_session,
                                                      demo_accounts):
    login_as("coordinator")
    someone = user_id(app_session, demo_accounts["facilitator"].email)
    assert client.get(f"/accounts/Autre réseau/{someone}/edit").status_code == 403
    assert client.get(f"/accounts/{NETWORK}/999999/password").status_code == 404
    assert client.get("/accounts/Autre réseau/new").status_code == 403


def test_forms_without_their_csrf_token_are_refused(csrf_app, demo_accounts):
    client = csrf_app.test_client()
    account = demo_accounts["coordinator"]
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"email": account.email, "password": account.password,
                                "csrf_token": token})
    assert client.get(NEW).status_code == 200
    assert client.post(NEW, data=new_account()).status_code == 400


def test_use_cases_keep_accounts_inside_their_network(app_session, demo_accounts):
    accounts = list_accounts(app_session, NETWORK)
    assert [account.role for account in accounts.accounts] == [
        "coordinator", "site_manager", "facilitator"]
    assert list(accounts.sites)[:2] == ["TL-280", "TL-161"]
    with pytest.raises(UnknownAccount):
        update_account(app_session, "Autre réseau", accounts.accounts[0].id, "X", "coordinator")
    everywhere = Account(id=0, email="root@example.org", name="Root", role="coordinator",
                         language="fr", network=None)
    assert [item.network for item in coordinated_accounts(app_session, everywhere)] == [NETWORK]
