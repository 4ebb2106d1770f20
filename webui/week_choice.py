"""Which network-week a page shows: `?network=...&week=YYYY-MM-DD`, by default the signed-in
person's network and the week under way (else the next one, else the latest).

An unknown week is a 404, a network the person does not belong to a 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import abort, request
from flask_login import current_user

from pooling.rota import default_week, network_weeks
from pooling.store import StoredWeek, list_weeks
from webui.database import db_session
from webui.permissions import network_for


@dataclass(frozen=True)
class WeekChoice:
    network: str | None
    weeks: list[StoredWeek]
    """Every stored week of the network, in date order."""
    week: StoredWeek | None
    """None when the network has no week yet."""

    @property
    def args(self) -> dict[str, str]:
        """The query arguments that name this week in a link."""
        if self.week is None:
            return {}
        return {"network": self.week.network, "week": self.week.week_start.isoformat()}

    def stored(self, week_start: date) -> bool:
        return any(week.week_start == week_start for week in self.weeks)

    @property
    def previous_start(self) -> date | None:
        return self.week.week_start - timedelta(days=7) if self.week else None

    @property
    def next_start(self) -> date | None:
        return self.week.week_start + timedelta(days=7) if self.week else None


def chosen_network(weeks: list[StoredWeek]) -> str | None:
    network = request.args.get("network") or current_user.network or (
        weeks[0].network if weeks else None)
    if network is not None:
        network_for(network)
    return network


def requested_date() -> date | None:
    """The `week` argument as a date; 404 when it is not one."""
    text = request.args.get("week")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        abort(404)


def chosen_week() -> WeekChoice:
    """The week the request names (404 if it is not stored), else the default week."""
    every_week = list_weeks(db_session())
    network = chosen_network(every_week)
    weeks = network_weeks(every_week, network) if network else []
    asked = requested_date()
    if asked is None:
        return WeekChoice(network, weeks, default_week(weeks, date.today()))
    week = next((week for week in weeks if week.week_start == asked), None)
    if week is None:
        abort(404)
    return WeekChoice(network, weeks, week)
