"""The rota as plain text for a terminal: one line per assignment, then what is unmet."""

from __future__ import annotations

from pooling.domain import Plan, Scenario, format_time
from pooling.i18n import N_, translate

WEEKDAY_NAMES = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def rota_lines(scenario: Scenario, plan: Plan, language: str = "en") -> list[str]:
    """Assignments by date and start time, with site, need, room, people and equipment."""
    needs = {need.id: need for need in scenario.needs}
    sites = {site.id: site.name for site in scenario.sites}
    people = {person.id: person.name for person in scenario.facilitators}
    lines: list[str] = []
    current = None
    for a in sorted(plan.assignments, key=lambda a: (a.date, a.start, a.site, a.need)):
        if a.date != current:
            current = a.date
            weekday = translate(WEEKDAY_NAMES[a.date.weekday()], language)
            lines.append(f"{weekday} {a.date.isoformat()}")
        who = ", ".join(people.get(f, f) for f in a.facilitators) or "-"
        where = sites.get(a.site, a.site) + (f" / {a.room}" if a.room else "")
        kit = f" [{', '.join(a.equipment)}]" if a.equipment else ""
        title = needs[a.need].title if a.need in needs else a.need
        lines.append(f"  {format_time(a.start)}-{format_time(a.end)}  {where}: {title} "
                     f"({a.need}) <- {who}{kit}")
    return lines


def unmet_lines(scenario: Scenario, plan: Plan, language: str = "en") -> list[str]:
    """Each unmet need with its priority and every reason given."""
    needs = {need.id: need for need in scenario.needs}
    lines = []
    for unmet in plan.unmet:
        need = needs.get(unmet.need)
        label = f"{need.title} ({unmet.need}, {translate(need.priority, language)})" if need \
            else unmet.need
        lines.append(f"  {label}")
        lines.extend(f"    - {reason}" for reason in unmet.reasons)
    return lines
