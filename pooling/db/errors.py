"""Why a database use case refused to act, as translatable messages (like `Problem`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pooling.i18n import N_, translate


class StoreError(Exception):
    """`message` is an English message id with `{placeholders}` filled from `params`."""

    def __init__(self, message: str, **params: Any):
        self.message = message
        self.params = params
        super().__init__(translate(message, "en", **params))

    def text(self, language: str = "en") -> str:
        return translate(self.message, language, **self.params)


class UnknownWeek(StoreError):
    def __init__(self, network: str, week_start: date):
        super().__init__(
            N_("No week starting {week_start} is stored for network {network}: "
               "import its scenario first."),
            network=network, week_start=week_start.isoformat())


class UnknownPlanVersion(StoreError):
    def __init__(self, version_id: int):
        super().__init__(N_("No plan version has the id {version_id}."), version_id=version_id)


class UnknownPlanStatus(StoreError):
    def __init__(self, status: str):
        super().__init__(
            N_("Unknown plan status {status}: use draft or published."), status=status)


class ScenarioOfAnotherWeek(StoreError):
    def __init__(self, network: str, week_start: date, scenario_network: str,
                 scenario_week_start: date):
        super().__init__(
            N_("The scenario is for network {scenario_network}, week {scenario_week_start}, "
               "not for network {network}, week {week_start}."),
            network=network, week_start=week_start.isoformat(),
            scenario_network=scenario_network,
            scenario_week_start=scenario_week_start.isoformat())


class PublishedPlanIsFinal(StoreError):
    def __init__(self, version_id: int):
        super().__init__(
            N_("Plan version {version_id} is published and can no longer change: "
               "save a new version instead."),
            version_id=version_id)
