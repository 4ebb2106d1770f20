"""Use cases on accounts: create people's accounts, sign them in, and say what each may see.

A coordinator covers a whole network (or every network when created without one), a site
manager their sites, a facilitator themselves. Repeated failed sign-ins lock an address for a
while; the failures are rows of the database, so the lock holds across processes and restarts.
Like `pooling.store`, each use case is one transaction.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload
from werkzeug.security import check_password_hash, generate_password_hash

from pooling.db.models import (
    ROLES,
    ApiToken,
    CalendarToken,
    Facilitator,
    LoginAttempt,
    Network,
    Site,
    User,
    UserSite,
)
from pooling.db.errors import StoreError
from pooling.errors import InvalidInput, Problem
from pooling.i18n import LANGUAGES, N_
from pooling.store import one_transaction

MIN_PASSWORD_LENGTH = 8

__all__ = [
    "Account", "DemoAccount", "LoginPolicy", "NetworkAccounts", "SignInRefused",
    "TooManyFailures", "UnknownAccount", "UnknownNetwork", "account_by_id", "authenticate",
    "calendar_token", "coordinated_accounts", "create_user", "ensure_demo_accounts",
    "issue_api_token", "list_accounts", "managed_sites", "network_account", "set_language",
    "set_password", "update_account", "user_for_api_token", "user_for_calendar_token",
]


@dataclass(frozen=True)
class Account:
    """What the application knows of a signed-in person, detached from any session.

    `is_authenticated`, `is_active`, `is_anonymous` and `get_id` are what Flask-Login reads.
    """

    id: int
    email: str
    name: str
    role: str
    language: str
    network: str | None
    sites: frozenset[str] = field(default_factory=frozenset)
    facilitator: str | None = None

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.id)

    def covers_network(self, network: str) -> bool:
        """A network-wide coordinator covers every network; others only their own."""
        return self.network is None or self.network == network

    def manages_site(self, site: str, network: str | None = None) -> bool:
        """Coordinators manage every site of their network; site managers their listed sites."""
        if network is not None and not self.covers_network(network):
            return False
        if self.role == "coordinator":
            return True
        return self.role == "site_manager" and site in self.sites

    def sees_facilitator(self, facilitator: str, network: str | None = None) -> bool:
        """A facilitator sees only themselves; a coordinator every facilitator of the network."""
        if network is not None and not self.covers_network(network):
            return False
        if self.role == "coordinator":
            return True
        return self.role == "facilitator" and self.facilitator == facilitator


def account_value(user: User) -> Account:
    return Account(id=user.id, email=user.email, name=user.name, role=user.role,
                   language=user.language,
                   network=user.network.name if user.network is not None else None,
                   sites=frozenset(line.site_code for line in user.sites),
                   facilitator=user.facilitator_code)


def account_by_id(session: Session, user_id: int) -> Account | None:
    """The account of a stored user id (the signed-in user of a web session), if it exists."""
    with one_transaction(session):
        user = session.get(User, user_id, options=[selectinload(User.sites),
                                                  selectinload(User.network)])
        return account_value(user) if user is not None else None


# --- creating accounts -----------------------------------------------------------------------


def normal_email(email: str) -> str:
    return email.strip().lower()


def create_user(session: Session, email: str, name: str, password: str, role: str,
                network: str | None = None, sites: tuple[str, ...] | list[str] = (),
                facilitator: str | None = None, language: str = "fr") -> Account:
    """Store a new account after checking every field; nothing is stored if any is wrong.

    Problems are placed at the field's name (`email`, `sites[1]`...), as a form shows them.
    """
    email = normal_email(email)
    with one_transaction(session):
        network_row = session.scalar(select(Network).where(Network.name == network)) \
            if network else None
        problems = account_problems(session, email, name, password, role, network,
                                    network_row, list(sites), facilitator, language)
        if problems:
            raise InvalidInput(problems)
        user = User(email=email, name=name.strip(), role=role, language=language,
                    password_hash=generate_password_hash(password), network=network_row,
                    facilitator_code=facilitator if role == "facilitator" else None,
                    sites=[UserSite(site_code=code) for code in dict.fromkeys(sites)],
                    created_at=datetime.now(timezone.utc))
        session.add(user)
        session.flush()
        return account_value(user)


def email_taken(session: Session, email: str) -> bool:
    return session.scalar(select(User.id).where(User.email == normal_email(email))) is not None


def account_problems(session: Session, email: str, name: str, password: str, role: str,
                     network: str | None, network_row: Network | None, sites: list[str],
                     facilitator: str | None, language: str) -> list[Problem]:
    problems = []
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        problems.append(Problem("email", N_("Give an email address such as "
                                            "name@example.org.")))
    elif email_taken(session, email):
        problems.append(Problem("email", N_("An account already uses {email}."), {"email": email}))
    problems += name_problems(name) + password_problems(password)
    if language not in LANGUAGES:
        problems.append(Problem("language", N_("Unknown language {code}: use fr or en."),
                                {"code": language}))
    if role not in ROLES:
        problems.append(Problem("role", N_("Unknown role {role}: use coordinator, site_manager "
                                           "or facilitator."), {"role": role}))
        return problems
    if network and network_row is None:
        problems.append(Problem("network", N_("No network is named {network}."),
                                {"network": network}))
        return problems
    if role != "coordinator" and network_row is None:
        problems.append(Problem("network", N_("Name the network of this site manager or "
                                              "facilitator.")))
        return problems
    problems += role_problems(session, role, network_row, sites, facilitator)
    return problems


def name_problems(name: str) -> list[Problem]:
    return [] if name.strip() else [Problem("name", N_("Give the person's name."))]


def password_problems(password: str) -> list[Problem]:
    if len(password) >= MIN_PASSWORD_LENGTH:
        return []
    return [Problem("password", N_("Choose a password of at least {count} characters."),
                    {"count": MIN_PASSWORD_LENGTH})]


def role_problems(session: Session, role: str, network: Network | None, sites: list[str],
                  facilitator: str | None) -> list[Problem]:
    """A site manager names sites of the network, a facilitator one of its facilitators."""
    problems = []
    if role == "site_manager" and not sites:
        problems.append(Problem("sites", N_("Choose at least one site for a site manager.")))
    if role != "site_manager" and sites:
        problems.append(Problem("sites", N_("Only site managers are given sites.")))
    if role == "facilitator" and not facilitator:
        problems.append(Problem("facilitator", N_("Choose which facilitator this account is.")))
    if role != "facilitator" and facilitator:
        problems.append(Problem("facilitator", N_("Only facilitator accounts are linked to a "
                                                  "facilitator.")))
    if network is None:
        return problems
    known_sites = set(session.scalars(select(Site.code).where(Site.network_id == network.id)))
    for index, code in enumerate(sites):
        if code not in known_sites:
            problems.append(Problem(f"sites[{index}]", N_("Network {network} has no site "
                                                          "{site}."),
                                    {"network": network.name, "site": code}))
    if role == "facilitator" and facilitator and session.scalar(
            select(Facilitator.id).where(Facilitator.network_id == network.id,
                                         Facilitator.code == facilitator)) is None:
        problems.append(Problem("facilitator", N_("Network {network} has no facilitator "
                                                  "{facilitator}."),
                                {"network": network.name, "facilitator": facilitator}))
    return problems


def set_language(session: Session, user_id: int, language: str) -> None:
    """Remember the language a person chose for the pages and messages they get."""
    if language not in LANGUAGES:
        raise InvalidInput([Problem("language", N_("Unknown language {code}: use fr or en."),
                                    {"code": language})])
    with one_transaction(session):
        user = session.get(User, user_id)
        if user is not None:
            user.language = language


# --- a coordinator's accounts ----------------------------------------------------------------


class UnknownNetwork(StoreError):
    def __init__(self, network: str):
        super().__init__(N_("No network is named {network}."), network=network)


class UnknownAccount(StoreError):
    def __init__(self, network: str, user_id: int):
        super().__init__(N_("Network {network} has no account number {id}."),
                         network=network, id=user_id)


@dataclass(frozen=True)
class NetworkAccounts:
    """A network's accounts, and the sites and facilitators (id -> name, in the network's
    order) that its site managers and facilitators may be linked to."""

    network: str
    accounts: list[Account]
    sites: dict[str, str]
    facilitators: dict[str, str]


def stored_network(session: Session, network: str) -> Network:
    row = session.scalar(select(Network).where(Network.name == network))
    if row is None:
        raise UnknownNetwork(network)
    return row


def list_accounts(session: Session, network: str) -> NetworkAccounts:
    """The network's accounts, coordinators first, then site managers, then facilitators."""
    with one_transaction(session):
        row = stored_network(session, network)
        users = session.scalars(select(User).where(User.network_id == row.id)
                                .options(selectinload(User.sites), selectinload(User.network))
                                .order_by(User.name, User.email)).all()
        sites = session.execute(select(Site.code, Site.name).where(Site.network_id == row.id)
                                .order_by(Site.position)).all()
        facilitators = session.execute(select(Facilitator.code, Facilitator.name)
                                       .where(Facilitator.network_id == row.id)
                                       .order_by(Facilitator.position)).all()
        accounts = sorted((account_value(user) for user in users),
                          key=lambda account: ROLES.index(account.role))
        return NetworkAccounts(network, accounts, dict(sites), dict(facilitators))


def coordinated_accounts(session: Session, coordinator: Account) -> list[NetworkAccounts]:
    """The accounts of every network the coordinator covers (all of them if network-wide)."""
    if coordinator.role != "coordinator":
        return []
    if coordinator.network is not None:
        return [list_accounts(session, coordinator.network)]
    with one_transaction(session):
        names = session.scalars(select(Network.name).order_by(Network.name)).all()
    return [list_accounts(session, name) for name in names]


def account_of_network(session: Session, network: str, user_id: int) -> User:
    user = session.get(User, user_id, options=[selectinload(User.sites),
                                              selectinload(User.network)])
    if user is None or user.network is None or user.network.name != network:
        raise UnknownAccount(network, user_id)
    return user


def network_account(session: Session, network: str, user_id: int) -> Account:
    """An account of the network; `UnknownAccount` for another network's or a missing one."""
    with one_transaction(session):
        return account_value(account_of_network(session, network, user_id))


def update_account(session: Session, network: str, user_id: int, name: str, role: str,
                   sites: tuple[str, ...] | list[str] = (), facilitator: str | None = None,
                   acting: Account | None = None) -> Account:
    """Change a network account's name, role and links; nothing changes if any field is wrong.

    The `acting` coordinator cannot change their own role, so nobody locks themselves out.
    """
    with one_transaction(session):
        user = account_of_network(session, network, user_id)
        problems = name_problems(name)
        if role not in ROLES:
            problems.append(Problem("role", N_("Unknown role {role}: use coordinator, "
                                               "site_manager or facilitator."), {"role": role}))
        elif acting is not None and acting.id == user.id and role != user.role:
            problems.append(Problem("role", N_("You cannot change your own role: ask another "
                                               "coordinator.")))
        else:
            problems += role_problems(session, role, user.network, list(sites), facilitator)
        if problems:
            raise InvalidInput(problems)
        user.name = name.strip()
        user.role = role
        user.facilitator_code = facilitator if role == "facilitator" else None
        kept = {line.site_code: line for line in user.sites}
        user.sites = [kept.get(code) or UserSite(site_code=code) for code in dict.fromkeys(sites)]
        session.flush()
        return account_value(user)


def set_password(session: Session, network: str, user_id: int, password: str) -> None:
    """Give a network account a new password, which also lifts any sign-in lock on it."""
    with one_transaction(session):
        user = account_of_network(session, network, user_id)
        problems = password_problems(password)
        if problems:
            raise InvalidInput(problems)
        user.password_hash = generate_password_hash(password)
        session.execute(delete(LoginAttempt).where(LoginAttempt.email == user.email))


# --- signing in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginPolicy:
    """After `max_failures` failed sign-ins within `window`, the address is refused for a while."""

    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)


class SignInRefused(Exception):
    """The email and password do not match an account (which of the two is not said)."""


class TooManyFailures(SignInRefused):
    """Too many recent failures for this address: even the right password is refused."""

    def __init__(self, retry_after: timedelta):
        self.retry_after = retry_after
        super().__init__(f"too many failed sign-ins, retry in {retry_after}")

    @property
    def minutes(self) -> int:
        return max(1, -(-int(self.retry_after.total_seconds()) // 60))


DUMMY_HASH = generate_password_hash("not a password of anyone")
"""Checked when the email is unknown, so that the answer takes as long either way."""


def authenticate(session: Session, email: str, password: str,
                 policy: LoginPolicy = LoginPolicy(), now: datetime | None = None) -> Account:
    """The account whose email and password these are; else record the failure and refuse.

    Raises `TooManyFailures` while the address is locked, `SignInRefused` on a wrong pair.
    A success forgets the address's past failures.
    """
    email = normal_email(email)
    now = now or datetime.now(timezone.utc)
    with one_transaction(session):
        recent = session.scalars(
            select(LoginAttempt.attempted_at)
            .where(LoginAttempt.email == email, LoginAttempt.attempted_at > now - policy.window)
            .order_by(LoginAttempt.attempted_at)).all()
        if len(recent) >= policy.max_failures:
            raise TooManyFailures(recent[-policy.max_failures] + policy.window - now)
        user = session.scalar(select(User).where(User.email == email)
                              .options(selectinload(User.sites), selectinload(User.network)))
        if user is None:
            check_password_hash(DUMMY_HASH, password)
        elif check_password_hash(user.password_hash, password):
            session.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
            return account_value(user)
    record_failure(session, email, now, policy)
    raise SignInRefused(email)


def record_failure(session: Session, email: str, now: datetime, policy: LoginPolicy) -> None:
    """Keep this failure and drop every failure too old to count any more."""
    with one_transaction(session):
        session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at <= now - policy.window))
        session.add(LoginAttempt(email=email, attempted_at=now))


# --- tokens ----------------------------------------------------------------------------------


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_api_token(session: Session, user_id: int, label: str) -> str:
    """A new API token for the user; shown once, since only its digest is kept."""
    token = secrets.token_urlsafe(32)
    with one_transaction(session):
        session.add(ApiToken(user_id=user_id, token_hash=token_digest(token), label=label,
                             created_at=datetime.now(timezone.utc)))
    return token


def user_for_api_token(session: Session, token: str) -> Account | None:
    """The account a bearer token belongs to (noting when it was used), or None."""
    with one_transaction(session):
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
        if row is None:
            return None
        row.last_used_at = datetime.now(timezone.utc)
        return account_value(row.user)


def calendar_token(session: Session, user_id: int, renew: bool = False) -> str:
    """The secret of the user's iCal feed, made on first use; `renew` revokes the old one."""
    with one_transaction(session):
        row = session.scalar(select(CalendarToken).where(CalendarToken.user_id == user_id))
        if row is None:
            row = CalendarToken(user_id=user_id)
            session.add(row)
        if renew or row.token is None:
            row.token = secrets.token_urlsafe(32)
            row.created_at = datetime.now(timezone.utc)
        return row.token


def user_for_calendar_token(session: Session, token: str) -> Account | None:
    with one_transaction(session):
        row = session.scalar(select(CalendarToken).where(CalendarToken.token == token))
        return account_value(row.user) if row is not None else None


# --- what a person manages -------------------------------------------------------------------


def managed_sites(session: Session, account: Account) -> list[tuple[str, str, str]]:
    """(network, site id, site name) of every site the account manages, in network order."""
    query = (select(Network.name, Site.code, Site.name)
             .join(Network, Site.network_id == Network.id)
             .order_by(Network.name, Site.position))
    if account.network is not None:
        query = query.where(Network.name == account.network)
    if account.role == "site_manager":
        query = query.where(Site.code.in_(account.sites))
    elif account.role != "coordinator":
        return []
    with one_transaction(session):
        return [tuple(row) for row in session.execute(query)]


# --- demo accounts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccount:
    """A demo sign-in printed when the demo server starts."""

    email: str
    password: str
    role: str
    name: str


def ensure_demo_accounts(session: Session, network: str) -> list[DemoAccount]:
    """One account per role on `network`, created when missing, with fixed demo passwords.

    The site manager manages the network's first two sites; the facilitator account is its
    first facilitator. Only for demonstrations: anyone reading this code knows the passwords.
    """
    with one_transaction(session):
        network_row = session.scalar(select(Network).where(Network.name == network))
        if network_row is None:
            raise InvalidInput([Problem("network", N_("No network is named {network}."),
                                        {"network": network})])
        sites = session.scalars(select(Site.code).where(Site.network_id == network_row.id)
                                .order_by(Site.position).limit(2)).all()
        first = session.scalar(select(Facilitator).where(Facilitator.network_id == network_row.id)
                               .order_by(Facilitator.position).limit(1))
    demo = [
        (DemoAccount("coordination@demo.pooling.example", "demo-coordination", "coordinator",
                     "Coordination du réseau"), {}),
        (DemoAccount("lieux@demo.pooling.example", "demo-lieux", "site_manager",
                     "Responsable de lieux"), {"sites": sites}),
    ]
    if first is not None:
        demo.append((DemoAccount("animation@demo.pooling.example", "demo-animation",
                                 "facilitator", first.name), {"facilitator": first.code}))
    for account, links in demo:
        if not email_taken(session, account.email):
            create_user(session, account.email, account.name, account.password, account.role,
                        network=network, **links)
    return [account for account, _ in demo]
