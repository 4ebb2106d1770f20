"""The soft side of the extension "rostering rules" as KPIs: what missed staff targets and
unmet facilitator requests cost, in the weights the scenario gives them."""

from __future__ import annotations

from typing import Any

from pooling.domain import RosteringRequest, Scenario
from pooling.referee.context import Context, Placed
from pooling.referee.staff_targets import unmet_understaffing


def uses_rostering_penalties(scenario: Scenario) -> bool:
    """Only such scenarios get the rostering KPIs (format v1 plans keep their KPIs as they were)."""
    return (any(line.is_target for need in scenario.needs for line in need.staff)
            or any(person.rostering.requests for person in scenario.facilitators))


def understaffing(ctx: Context) -> int:
    """Missing facilitators of target lines, met needs (cheapest attribution) and unmet ones."""
    met = sum(attribution.understaffing for attribution in ctx.staff_attributions.values())
    return met + sum(unmet_understaffing(need.staff) for need in ctx.scenario.needs
                     if need.id not in ctx.met_needs)


def overstaffing(ctx: Context) -> int:
    return sum(attribution.overstaffing for attribution in ctx.staff_attributions.values())


def request_kept(request: RosteringRequest, placed: tuple[Placed, ...]) -> bool:
    """A request to work is kept by a need of its kind that date (any need when it names no
    kind); a request not to work, by the absence of such a need."""
    matching = any(request.kind is None or p.need.kind == request.kind for p in placed)
    return matching == request.work


def unkept_requests(ctx: Context, work: bool) -> int:
    """Weights of the requests to work (or not to) that the plan does not keep."""
    return sum(request.weight for person in ctx.scenario.facilitators
               for request in person.rostering.requests
               if request.work == work and ctx.network.contains(request.date)
               and not request_kept(request,
                                    ctx.person_days.get(person.id, {}).get(request.date, ())))


def rostering_penalty_kpis(ctx: Context) -> dict[str, Any]:
    """`rostering_penalty` and its parts; nothing for a scenario without these weights."""
    if not uses_rostering_penalties(ctx.scenario):
        return {}
    parts = {"understaffing": understaffing(ctx), "overstaffing": overstaffing(ctx),
             "work_requests": unkept_requests(ctx, work=True),
             "off_requests": unkept_requests(ctx, work=False)}
    return {"rostering_penalty": sum(parts.values()), "rostering_penalty_parts": parts}
