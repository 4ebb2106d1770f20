"""Large-neighbourhood search: re-solve a small part of the plan with CP-SAT, keep the rest.

Three kinds of neighbourhood, each a few dozen tasks and the people around them:
- around an unmet task: the tasks that block it (holding its people, room or units, or
  filling its people's days and weeks), with the people who could take those over;
- a day and a geographic cluster of sites: every task there that day;
- a few people living near each other, over two consecutive days.
Unmet tasks come first, highest priority first, each solved for coverage only; then the
other kinds improve the soft terms. Each neighbourhood starts from the current plan as a
hint, so the plan never gets worse.
"""

from __future__ import annotations

import random
from dataclasses import replace

from solver.candidates import Candidates
from solver.instance import Instance
from solver.model import Scope
from solver.search import Settings, build_model, solve_staged
from solver.repair import blockers
from solver.timeline import Ledger

NEIGHBOURHOOD_TASKS = 40
NEIGHBOURHOOD_PERSONS = 30
MODES_LOOKED_AT = 6
CLUSTER_SITES = 6
PEOPLE_TOGETHER = 8
SECONDS_PER_NEIGHBOURHOOD = 3.0
COVERING_SECONDS = 4.0
ATTEMPTS = 3
"""Neighbourhoods around each unmet task before unmet tasks are tried less often."""
DEPTH = 3
"""Layers of tasks in the way (of tasks in the way...) a neighbourhood goes down at most."""
BUILD_SECONDS_PER_VARIABLE = 3e-5
"""Python time to build a neighbourhood's model, per variable, as measured; charged when time
is deterministic, so that a repeatable run lasts about as long as its time limit."""
EMPTY_CHARGE = 0.001


def nearest(instance: Instance, site: int, count: int) -> list[int]:
    row = instance.travel[site]
    return sorted(range(len(instance.sites)), key=lambda s: (row[s], s))[:count]


class Neighbourhoods:
    """Draws scopes around the current plan (kept in a ledger)."""

    def __init__(self, instance: Instance, candidates: Candidates, rng: random.Random):
        self.instance = instance
        self.candidates = candidates
        self.rng = rng
        self.attempts: dict[int, int] = {}
        self.by_day: dict[int, list[int]] = {}
        for t, modes in enumerate(candidates.modes):
            for day in dict.fromkeys(m.day for m in modes):
                self.by_day.setdefault(day, []).append(t)

    def sample(self, items: list, count: int) -> list:
        return items if len(items) <= count else self.rng.sample(items, count)

    def around_unmet(self, ledger: Ledger, unmet: list[int]) -> tuple[Scope, int]:
        """The least tried unmet task (highest priority first) and the tasks in its way, most
        in the way first; from the second attempt on, those in their way too, and so on.

        Every person who could serve one of these tasks may take it; the rest of the plan
        stays. Returns the scope and the attempt number."""
        instance = self.instance
        modes_of = self.candidates.modes
        target = min(unmet, key=lambda t: (self.attempts.get(t, 0),
                                           instance.tasks[t].priority, t))
        attempt = self.attempts[target] = self.attempts.get(target, 0) + 1
        size = NEIGHBOURHOOD_TASKS * min(attempt, DEPTH)
        modes = self.sample(list(modes_of[target]), MODES_LOOKED_AT * min(attempt, DEPTH))
        chosen = dict.fromkeys(blockers(ledger, modes, target)[:size - 1])
        layer = list(chosen)
        for _ in range(min(attempt, DEPTH) - 1):
            layer = [t for b in layer for t in blockers(ledger, modes_of[b], b)
                     if t not in chosen and t != target]
            chosen.update(dict.fromkeys(layer[:size - 1 - len(chosen)]))
        free = (target, *chosen)
        persons = {p for t in free for m in (modes if t == target else modes_of[t])
                   for p in m.persons}
        days = {m.day for t in free for m in modes_of[t]}
        return scope_of(ledger, list(free), persons, days), attempt

    def day_cluster(self, ledger: Ledger) -> Scope:
        instance = self.instance
        day = self.rng.choice(sorted(self.by_day))
        site = self.rng.randrange(len(instance.sites))
        sites = set(nearest(instance, site, CLUSTER_SITES))
        persons = {p for p, person in enumerate(instance.persons) if person.home in sites}
        tasks = [t for t in self.by_day[day]
                 if any(m.site in sites for m in self.candidates.modes[t] if m.day == day)]
        return self.scope(ledger, tasks, {day}, persons)

    def people_together(self, ledger: Ledger) -> Scope:
        instance = self.instance
        first = self.rng.randrange(len(instance.persons))
        home = instance.persons[first].home
        near = sorted(range(len(instance.persons)),
                      key=lambda p: (instance.travel[home][instance.persons[p].home], p))
        persons = set(near[:PEOPLE_TOGETHER])
        day = self.rng.randrange(instance.days)
        days = {day, min(day + 1, instance.days - 1)}
        tasks = [t for t, placed in ledger.placements.items() if placed.day in days
                 and persons & set(placed.persons)]
        return self.scope(ledger, tasks, days, persons)

    def scope(self, ledger: Ledger, seeds: list[int], days: set[int], persons: set[int],
              size: int = NEIGHBOURHOOD_TASKS) -> Scope:
        """Free: the seeds, what `persons` do on `days`, and unmet tasks they could do then;
        at most `size` of them."""
        instance = self.instance
        plan = ledger.placements
        free = dict.fromkeys(seeds)
        for day in sorted(days):
            for p in sorted(persons):
                free.update(dict.fromkeys(v.task for v in ledger.day_of(p, day)))
            for t in self.by_day.get(day, ()):
                if t not in plan and any(
                        persons.intersection(m.persons)
                        for m in self.candidates.modes[t] if m.day == day):
                    free[t] = None
        chosen = list(free)
        kept = [t for t in seeds if t in free]
        if len(chosen) > size:
            rest = [t for t in chosen if t not in set(kept)]
            chosen = kept[:size] + self.sample(rest, size - len(kept))
        return scope_of(ledger, chosen, persons, days)


def scope_of(ledger: Ledger, free: list[int], persons: set[int], days: set[int]) -> Scope:
    """The scope freeing `free`, widened to the people, days and pinned people they have now
    (so the current plan stays one of its solutions); everything else frozen."""
    instance = ledger.instance
    plan = ledger.placements
    for t in free:
        if t in plan:
            persons |= set(plan[t].persons)
            days.add(plan[t].day)
        if instance.tasks[t].pins is not None:
            persons |= set(instance.tasks[t].pins.persons)
    chosen = set(free)
    frozen = {t: p for t, p in plan.items() if t not in chosen}
    return Scope(tuple(free), frozen, frozenset(persons), frozenset(days))


def improve_by_neighbourhoods(instance: Instance, candidates: Candidates, tracker,
                              settings: Settings) -> None:
    """Re-solve neighbourhoods until the time is up; the tracker keeps the best plan.

    While some unmet task with a mode has been tried fewer than `ATTEMPTS` times, three
    neighbourhoods in four surround one of them and are solved for coverage only (one in two
    afterwards); the others are solved for coverage, then the soft terms.
    """
    rng = random.Random(settings.seed)
    draws = Neighbourhoods(instance, candidates, rng)
    budget = settings.budget
    local = replace(settings, on_solution=None, bound_worker=False)
    ledger = Ledger(instance)
    for placement in tracker.best.values():
        ledger.add(placement)
    round_ = 0
    while budget.remaining() > 0.05:
        round_ += 1
        unmet = [t for t in range(len(instance.tasks))
                 if t not in ledger.placements and candidates.modes[t]]
        fresh = any(draws.attempts.get(t, 0) < ATTEMPTS for t in unmet)
        covering = bool(unmet) and (fresh or round_ % 2 == 0)
        attempt = 1
        if covering:
            scope, attempt = draws.around_unmet(ledger, unmet)
        elif round_ % 2:
            scope = draws.day_cluster(ledger)
        else:
            scope = draws.people_together(ledger)
        if not scope.free:
            budget.charge_python(EMPTY_CHARGE)
            continue
        start = {t: ledger.remove(t) for t in scope.free if t in ledger.placements}
        model = build_model(instance, candidates, scope, ledger, soft=not covering)
        budget.charge_python(BUILD_SECONDS_PER_VARIABLE
                             * (len(model.cp.proto.variables) + len(instance.tasks)))
        seconds = (COVERING_SECONDS * min(attempt, DEPTH) if covering
                   else SECONDS_PER_NEIGHBOURHOOD)
        outcome = solve_staged(model, start, replace(local, budget=budget.slice(seconds)),
                               relax=False, soft=not covering)
        placements = outcome.placements if outcome.improved else start
        for placement in placements.values():
            ledger.add(placement)
        if outcome.improved:
            tracker.offer("neighbourhoods", dict(ledger.placements))
