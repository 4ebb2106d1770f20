"""Settings of the web application, read from the environment when a config is made.

`DevelopmentConfig` is the embedded setup (SQLite file in the instance folder, secret key
generated there once); `ProductionConfig` refuses to start without a database URL and a strong
secret key; `TestConfig` is for the Flask test client.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from pooling.accounts import LoginPolicy
from pooling.db import database_url
from pooling.db.engine import DATABASE_URL_VARIABLE, INSTANCE_PATH_VARIABLE

SECRET_KEY_VARIABLE = "POOLING_SECRET_KEY"
MIN_SECRET_KEY_LENGTH = 32


class ConfigurationError(RuntimeError):
    """The environment does not allow the application to start safely."""


def instance_folder() -> Path:
    """The folder `pooling.db.database_url` keeps its SQLite file in (created when missing)."""
    folder = Path(os.environ.get(INSTANCE_PATH_VARIABLE) or "instance").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def generated_secret_key(folder: Path) -> str:
    """A random key written once to `folder/secret_key`, so sessions survive restarts."""
    path = folder / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


class Config:
    """Settings common to every setup; `DATABASE_URL` and `SECRET_KEY` come from subclasses."""

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    BABEL_DEFAULT_LOCALE = "fr"
    BABEL_DEFAULT_TIMEZONE = "Europe/Paris"
    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = None
    """The token lives as long as the session: a form left open over lunch still submits."""
    LOGIN_POLICY = LoginPolicy()
    DATABASE_URL: str
    SECRET_KEY: str


class DevelopmentConfig(Config):
    """The embedded setup: `database_url()` (SQLite by default) and a generated secret key."""

    def __init__(self, database: str | None = None):
        self.DATABASE_URL = database or database_url()
        self.SECRET_KEY = (os.environ.get(SECRET_KEY_VARIABLE)
                           or generated_secret_key(instance_folder()))


class ProductionConfig(Config):
    """A shared server: PostgreSQL named by the environment, cookies only over HTTPS."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True

    def __init__(self) -> None:
        url = os.environ.get(DATABASE_URL_VARIABLE)
        key = os.environ.get(SECRET_KEY_VARIABLE, "")
        missing = []
        if not url:
            missing.append(f"{DATABASE_URL_VARIABLE} (the PostgreSQL database URL)")
        if len(key) < MIN_SECRET_KEY_LENGTH:
            missing.append(f"{SECRET_KEY_VARIABLE} of at least {MIN_SECRET_KEY_LENGTH} random "
                           "characters (python -c 'import secrets; print(secrets.token_hex(32))')")
        if missing:
            raise ConfigurationError("Production needs " + " and ".join(missing) + ".")
        self.DATABASE_URL = url
        self.SECRET_KEY = key


class TestConfig(Config):
    """The Flask test client on a given database; CSRF off unless a test turns it on."""

    __test__ = False  # not a pytest test class, despite its name

    TESTING = True
    WTF_CSRF_ENABLED = False
    LOGIN_POLICY = LoginPolicy(max_failures=3, window=timedelta(minutes=10))

    def __init__(self, database: str, csrf: bool = False):
        self.DATABASE_URL = database
        self.SECRET_KEY = "test secret key, not for any real server"
        self.WTF_CSRF_ENABLED = csrf


def config_from_environment() -> Config:
    """`ProductionConfig` when `POOLING_ENV=production`, else `DevelopmentConfig`."""
    if os.environ.get("POOLING_ENV") == "production":
        return ProductionConfig()
    return DevelopmentConfig()
