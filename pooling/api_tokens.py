"""API tokens of coordinators: made from the command line or the tokens page, listed, revoked.

A token is shown once when made; only its digest is stored (`pooling.accounts`). Only
coordinators get tokens: the API is theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pooling.accounts import Account, issue_api_token, normal_email
from pooling.db.models import ApiToken, User
from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_
from pooling.store import one_transaction

__all__ = ["ApiTokenInfo", "api_tokens_of", "create_api_token", "revoke_api_token"]

MAX_LABEL = 100


@dataclass(frozen=True)
class ApiTokenInfo:
    id: int
    label: str
    created_at: datetime
    last_used_at: datetime | None


def create_api_token(session: Session, email: str, label: str) -> str:
    """A new token for the coordinator with this email address, shown once."""
    with one_transaction(session):
        user = session.scalar(select(User).where(User.email == normal_email(email)))
    problems = []
    if user is None:
        problems.append(Problem("email", N_("No account uses {email}."), {"email": email}))
    elif user.role != "coordinator":
        problems.append(Problem("email", N_("Only coordinators get API tokens.")))
    if not label.strip() or len(label) > MAX_LABEL:
        problems.append(Problem("label", N_("Name the token (what uses it), in at most {count} "
                                            "characters."), {"count": MAX_LABEL}))
    if problems:
        raise InvalidInput(problems)
    return issue_api_token(session, user.id, label.strip())


def api_tokens_of(session: Session, account: Account) -> list[ApiTokenInfo]:
    with one_transaction(session):
        rows = session.scalars(select(ApiToken).where(ApiToken.user_id == account.id)
                               .order_by(ApiToken.created_at)).all()
        return [ApiTokenInfo(row.id, row.label, row.created_at, row.last_used_at)
                for row in rows]


def revoke_api_token(session: Session, account: Account, token_id: int) -> bool:
    """Delete one of the account's own tokens; False when it has no such token."""
    with one_transaction(session):
        result = session.execute(delete(ApiToken).where(ApiToken.id == token_id,
                                                        ApiToken.user_id == account.id))
        return result.rowcount == 1
