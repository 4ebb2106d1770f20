"""The web application: `create_app(config)` builds it (see `webui.config` for the settings).

Each feature is a blueprint registered in `BLUEPRINTS`; views parse the request, call a use
case of `pooling` with the request's session (`webui.database.db_session`) and render.
"""

from __future__ import annotations

from flask import Flask

from webui import database, errors, extensions, navigation, security, text
from webui.config import Config, config_from_environment


def blueprints() -> list:
    """Every blueprint of the application, one line each."""
    from webui.accounts import bp as accounts
    from webui.api import bp as api
    from webui.api.tokens import bp as api_tokens
    from webui.auth import bp as auth
    from webui.coordinator import bp as coordinator
    from webui.facilitator import bp as facilitator
    from webui.home import bp as home
    from webui.site_manager import bp as site_manager

    return [auth, home, coordinator, site_manager, facilitator, api, api_tokens, accounts]


def create_app(config: Config | None = None) -> Flask:
    """The application on `config` (default: from the environment, see `config_from_environment`)."""
    app = Flask(__name__)
    app.config.from_object(config if config is not None else config_from_environment())
    database.init_app(app)
    extensions.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    navigation.init_app(app)
    text.init_app(app)
    for blueprint in blueprints():
        app.register_blueprint(blueprint)
    return app
