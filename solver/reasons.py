"""Why a need is unmet, in words a coordinator can act on.

Two kinds of answers. When nothing could ever hold the task (no mode), the static reasons say
what is missing whatever the other needs do: the skill, availability, contract sites, the
daily travel cap, a room big enough or with the features, open rooms, equipment units. When
modes exist but the plan left it out, the busy reasons take the mode that came closest and
name what blocks it: which needs hold the people, the rooms or the units then, or which
limit (daily, weekly, days, travel, breaks, rest) a free person would break.
"""

from __future__ import annotations

from collections import defaultdict

from solver.candidates import (Candidates, Mode, activity_sites, person_may_work, pinned_slots,
                               rooms_that_fit, usable_units)
from solver.instance import Instance, Slot, Task, covers, spans_on
from solver.matching import match_lines
from solver.solution import Reason
from solver.timeline import Clash, Ledger, Visit


def N_(message: str) -> str:
    """Marks a message id (translated in `pooling/locale/fr/planning.json`)."""
    return message


def minutes_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def when_text(instance: Instance, slots: tuple[Slot, ...] | list[Slot]) -> str:
    """`2026-12-02 14:00-17:00`, or the days and the span of a flexible task's starts."""
    if len(slots) == 1:
        slot = slots[0]
        return (f"{instance.day_labels[slot.day]} "
                f"{minutes_text(slot.start)}-{minutes_text(slot.end)}")
    if not slots:
        return "-"
    days = ", ".join(instance.day_labels[d] for d in dict.fromkeys(s.day for s in slots))
    first = min(s.start for s in slots)
    last = max(s.end for s in slots)
    return f"{days} {minutes_text(first)}-{minutes_text(last)}"


def names(ids) -> str:
    return ", ".join(ids)


def site_names(instance: Instance, sites) -> str:
    return names(instance.sites[s].id for s in sites)


def need_names(instance: Instance, tasks) -> str:
    """`N-17 (high), N-3 (required)`: the needs in the way, with their priority."""
    labels = instance.priority_labels or instance.priorities
    return names(f"{instance.tasks[t].id} ({labels[instance.tasks[t].priority]})"
                 for t in dict.fromkeys(tasks))


# --- nothing could ever hold the task --------------------------------------------------------

def staff_reasons(instance: Instance, task: Task, slots: list[Slot]) -> list[Reason]:
    """Skill, level, availability, contract sites, daily travel cap and caps, line by line."""
    reasons = []
    sites = activity_sites(task)
    when = when_text(instance, slots)
    for line in task.staff:
        base = {"skill": line.skill, "level": line.level, "count": line.count, "when": when}
        holders = [i for i, p in enumerate(instance.persons) if p.skills.get(line.skill, 0)
                   >= line.level]
        if len(holders) < line.count:
            reasons.append(Reason(N_(
                "only {found} facilitator(s) have skill {skill} at level {level} or above; "
                "{count} needed"), base | {"found": len(holders)}))
            continue
        free = [i for i in holders if any(covers(spans_on(instance.persons[i].available, s.day),
                                                 s.start, s.end) for s in slots)]
        if len(free) < line.count:
            reasons.append(Reason(N_(
                "no facilitator with skill {skill} >= {level} is available on {when} "
                "({found} of {count} needed)"), base | {"found": len(free)}))
            continue
        allowed = [i for i in free if any(instance.persons[i].sites is None
                                          or site in instance.persons[i].sites for site in sites)]
        if len(allowed) < line.count:
            reasons.append(Reason(N_(
                "facilitators with skill {skill} >= {level} available on {when} may not work at "
                "{sites} under their contract: {persons}"),
                base | {"sites": site_names(instance, sites),
                        "persons": names(instance.persons[i].id for i in free if i not in
                                         allowed)}))
            continue
        able = [i for i in allowed
                if any(person_may_work(instance, instance.persons[i], s, site, s.end - s.start)
                       for s in slots for site in sites)]
        if len(able) < line.count:
            reasons.append(Reason(N_(
                "facilitators with skill {skill} >= {level} available on {when} cannot take it: "
                "the commute to {sites} exceeds their daily travel cap or the need is longer "
                "than their daily or weekly maximum: {persons}"),
                base | {"sites": site_names(instance, sites),
                        "persons": names(instance.persons[i].id for i in allowed
                                         if i not in able)}))
    return reasons


def room_reasons(instance: Instance, task: Task, slots: list[Slot]) -> list[Reason]:
    if task.room is None:
        return []
    sites = activity_sites(task)
    params = {"sites": site_names(instance, sites), "attendees": task.attendees,
              "features": names(sorted(task.room.features)), "when": when_text(instance, slots)}
    local = [r for r in instance.rooms if r.site in sites]
    if not local:
        return [Reason(N_("there is no room at {sites}"), params)]
    largest = max(r.capacity for r in local)
    if largest < task.attendees:
        return [Reason(N_("room capacity: {attendees} attendees but the largest room at {sites} "
                          "holds {largest}"), params | {"largest": largest})]
    big = [r for r in local if r.capacity >= task.attendees]
    if not any(task.room.features <= r.features for r in big):
        return [Reason(N_("no room at {sites} for {attendees} attendees has the features "
                          "{features}"), params)]
    if not any(rooms_that_fit(instance, task, s, site) for s in slots for site in sites):
        return [Reason(N_("no suitable room at {sites} is open on {when}"), params)]
    return []


def equipment_reasons(instance: Instance, task: Task, slots: list[Slot]) -> list[Reason]:
    reasons = []
    sites = activity_sites(task)
    for kind, count in task.equipment:
        params = {"type": kind, "count": count, "sites": site_names(instance, sites),
                  "when": when_text(instance, slots)}
        owned = [u for u in instance.units if u.type == kind]
        movable = [u for u in owned if u.mobile or u.home in sites]
        if len(owned) < count:
            reasons.append(Reason(N_("needs {count} {type} but the network has {found}"),
                                  params | {"found": len(owned)}))
        elif len(movable) < count:
            reasons.append(Reason(N_(
                "needs {count} {type} at {sites} but only {found} may be used there (the others "
                "are not mobile)"), params | {"found": len(movable)}))
        elif not any(len(usable_units(instance, kind, s, site)) >= count
                     for s in slots for site in sites):
            reasons.append(Reason(N_("not enough {type} available on {when} (unavailable units)"),
                                  params))
    return reasons


def pin_reasons(instance: Instance, task: Task, slots: list[Slot]) -> list[Reason]:
    """What a pin asks that the task cannot have, whatever the other tasks do."""
    pins = task.pins
    if pins is None:
        return []
    reasons = []
    when = when_text(instance, slots or list(task.slots))
    if not slots:
        reasons.append(Reason(N_("the pinned date or start is not one of the need's times"), {}))
    sites = activity_sites(task)
    for p in pins.persons:
        person = instance.persons[p]
        params = {"person": person.id, "when": when}
        if not any(person.skills.get(line.skill, 0) >= line.level for line in task.staff):
            reasons.append(Reason(N_("pinned facilitator {person} lacks every skill the need "
                                     "asks for"), params))
        elif not any(person_may_work(instance, person, s, site, s.end - s.start)
                     for s in slots for site in sites):
            reasons.append(Reason(N_("pinned facilitator {person} cannot work on {when} at the "
                                     "need's site (availability, contract sites or caps)"),
                                  params))
    if pins.room is not None:
        room = instance.rooms[pins.room]
        if not any(pins.room in rooms_that_fit(instance, task, s, room.site) for s in slots) \
                or room.site not in sites:
            reasons.append(Reason(N_("pinned room {room} does not fit the need on {when} (site, "
                                     "capacity, features or opening)"),
                                  {"room": room.id, "when": when}))
    for u in pins.units:
        unit = instance.units[u]
        if not any(u in usable_units(instance, unit.type, s, site) for s in slots
                   for site in sites) or unit.type not in dict(task.equipment):
            reasons.append(Reason(N_("pinned unit {unit} cannot serve the need on {when} (type, "
                                     "mobility or unavailability)"),
                                  {"unit": unit.id, "when": when}))
    return reasons


def static_reasons(instance: Instance, candidates: Candidates, index: int) -> list[Reason]:
    """Why a task has no mode at all."""
    task = instance.tasks[index]
    if not task.slots:
        return [Reason(N_("none of the need's days lies inside the planning horizon"), {})]
    slots = list(task.slots)
    reasons = (pin_reasons(instance, task, pinned_slots(task)) + staff_reasons(instance, task,
                                                                               slots)
               + room_reasons(instance, task, slots) + equipment_reasons(instance, task, slots))
    if reasons:
        return reasons
    counts = [line.count for line in task.staff]
    if len(task.staff) > 1 and all(
            match_lines(counts, [candidates.line_candidates(task, line.skill, line.level, s, site)
                                 for line in task.staff]) is None
            for s in slots for site in activity_sites(task)):
        return [Reason(N_("the staff lines need {count} distinct facilitators and not enough "
                          "qualify at the same time"), {"count": task.staff_count})]
    return [Reason(N_("no time on {when} has facilitators, a room and equipment all available "
                      "together"), {"when": when_text(instance, slots)})]


# --- the plan left it out ----------------------------------------------------------------------

PERSON_CLASH_MESSAGES = {
    "overlap": N_("on {when}, facilitators with skill {skill} >= {level} are all taken by "
                  "{needs}"),
    "travel": N_("on {when}, travel makes it unreachable for {persons}: they work at other "
                 "sites just before or after ({needs})"),
    "daily_minutes": N_("on {when}, {persons} would exceed their daily maximum of worked "
                        "minutes"),
    "weekly_minutes": N_("on {when}, {persons} would exceed their weekly maximum of worked "
                         "minutes"),
    "days_per_week": N_("on {when}, {persons} already work their maximum number of days that "
                        "week"),
    "daily_travel": N_("on {when}, {persons} would exceed their daily travel cap"),
    "break": N_("on {when}, {persons} would work more than 6 h without a 20-minute break"),
    "rest": N_("on {when}, {persons} would not get 11 h of rest between two days ({needs})"),
    "kind_count": N_("on {when}, {persons} already serve as many needs of that kind as their "
                     "rostering rules allow"),
    "next_day": N_("on {when}, {persons} would work a succession of kinds their rostering rules "
                   "forbid ({needs})"),
    "consecutive_days": N_("on {when}, {persons} would work more consecutive days than their "
                           "rostering rules allow"),
    "weekends": N_("on {when}, {persons} already work as many weekends as their rostering rules "
                   "allow"),
    "total_minutes": N_("on {when}, {persons} would exceed their maximum worked minutes over "
                        "the horizon"),
}


def staff_blockers(instance: Instance, ledger: Ledger, task: Task, mode: Mode,
                   visit: Visit) -> list[Reason]:
    """Empty when free people can fill every line, else what holds the others back."""
    clashes = {p: ledger.person_clashes(p, visit) for p in mode.persons}
    free = [[p for p in line if not clashes[p]] for line in mode.lines]
    if match_lines([line.count for line in task.staff], free) is not None:
        return []
    when = when_text(instance, [mode.slot])
    reasons = []
    for line, eligible in zip(task.staff, mode.lines):
        by_rule: dict[str, list[Clash]] = defaultdict(list)
        who: dict[str, list[int]] = defaultdict(list)
        for p in eligible:
            if clashes[p]:
                first = clashes[p][0]
                by_rule[first.rule].append(first)
                who[first.rule].append(p)
        for rule, found in by_rule.items():
            reasons.append(Reason(PERSON_CLASH_MESSAGES[rule], {
                "when": when, "skill": line.skill, "level": line.level,
                "persons": names(instance.persons[p].id for p in dict.fromkeys(who[rule])),
                "needs": need_names(instance, [t for c in found for t in c.tasks])}))
    return list({(r.message, tuple(sorted(r.params.items()))): r for r in reasons}.values())


def room_blockers(instance: Instance, ledger: Ledger, task: Task, mode: Mode,
                  visit: Visit) -> list[Reason]:
    if task.room is None:
        return []
    clashes = [ledger.room_clashes(r, visit) for r in mode.rooms]
    if any(not c for c in clashes):
        return []
    return [Reason(N_("on {when}, every suitable room at {sites} is booked by {needs}"), {
        "when": when_text(instance, [mode.slot]), "sites": site_names(instance, [mode.site]),
        "needs": need_names(instance, [t for cs in clashes for c in cs for t in c.tasks])})]


def unit_blockers(instance: Instance, ledger: Ledger, task: Task, mode: Mode,
                  visit: Visit) -> list[Reason]:
    reasons = []
    for (kind, count), usable in zip(task.equipment, mode.units):
        clashes = {u: ledger.unit_clashes(u, visit) for u in usable}
        if sum(1 for c in clashes.values() if not c) >= count:
            continue
        reasons.append(Reason(N_("on {when}, the {found} usable {type} are used by {needs} "
                                 "(or cannot travel in time)"), {
            "when": when_text(instance, [mode.slot]), "found": len(usable), "type": kind,
            "needs": need_names(instance, [t for cs in clashes.values() for c in cs
                                           for t in c.tasks])}))
    return reasons


def busy_reasons(instance: Instance, candidates: Candidates, ledger: Ledger,
                 index: int) -> list[Reason]:
    """The blockers of the mode closest to fitting the plan (fewest blocked resources)."""
    task = instance.tasks[index]
    best: list[Reason] | None = None
    best_mode = None
    for mode in candidates.modes[index]:
        visit = Visit(index, mode.day, mode.slot.start, mode.slot.end, mode.site)
        found = (staff_blockers(instance, ledger, task, mode, visit)
                 + room_blockers(instance, ledger, task, mode, visit)
                 + unit_blockers(instance, ledger, task, mode, visit))
        if best is None or len(found) < len(best):
            best, best_mode = found, mode
        if not found:
            break
    if best:
        return best
    return [Reason(N_("it fits on {when} with the people, room and equipment free then, but the "
                      "search stopped before placing it (raise the time limit)"),
                   {"when": when_text(instance, [best_mode.slot])})]


def unmet_reasons(instance: Instance, candidates: Candidates, ledger: Ledger,
                  index: int) -> tuple[Reason, ...]:
    """At least one reason, always."""
    if not candidates.modes[index]:
        return tuple(static_reasons(instance, candidates, index))
    return tuple(busy_reasons(instance, candidates, ledger, index))
