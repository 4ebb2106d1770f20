"""Large-neighbourhood search: re-solve a small part of the plan with CP-SAT, keep the rest.

Three kinds of neighbourhood, each a few dozen tasks and the people around them (four with
rostering rules or staff targets):
- around an unmet task, in turn: the tasks in its way (holding its people, room or units, or
  filling its people's days and weeks; deeper each round), its competitors at the same time,
  or the whole horizon of the people who could serve it;
- a day and a geographic cluster of sites: every task there that day;
- a few people living near each other, over two consecutive days;
- with rostering rules or staff targets, everyone over a few consecutive days or a few people
  over a longer stretch, the tasks there staying where they are with their other people
  (`solver.rosters`): the rules run over days, and a day's cover is shared by many people.
  Their size adapts: larger after one that found nothing better, smaller after one that did
  or ran out of time.
Unmet tasks come first, highest priority first, each neighbourhood solved for coverage only
(the first better plan will do); the other kinds improve coverage, then the soft terms.
Each neighbourhood starts from the current plan as a hint, so the plan never gets worse.
"""

from __future__ import annotations

import random
from dataclasses import replace

from solver.candidates import Candidates
from solver.instance import Instance
from solver.model import Scope
from solver.repair import blockers
from solver.rosters import own_roster_scope
from solver.search import Outcome, Settings, resolve
from solver.timeline import Ledger

NEIGHBOURHOOD_TASKS = 40
GROWTH = 20
"""More tasks freed for each layer deeper."""
MODES_LOOKED_AT = 6
CLUSTER_SITES = 6
PEOPLE_TOGETHER = 8
TAKERS = 6
"""People, besides its own and the unmet task's, who may take over a task in the way."""
ROSTER_CELLS = 1500
"""People x days x task kinds of the first neighbourhoods of people over a stretch of days, at
most (a quarter of the plan's, when smaller)..."""
ROSTER_MIN_CELLS = 120
"""...at least, whatever they shrink to..."""
ROSTER_MOST_SHARE = 0.5
"""...and at most this share of the plan's, whatever they grow to."""
GROW = 1.03
"""One of those neighbourhoods solved to optimality without a better plan makes the next this
much larger, one with a better plan this much smaller, so that the size settles where about
half of them improve: small ones improve the most per second at first, then stop improving
at all (on Curtois 13 at a fixed size, 45 of 61 improved in the first 30 s, 2 of 141 after
270 s)..."""
SHRINK = 1.2
"""...and one that runs out of time makes the next this much smaller."""
ROSTER_DAYS = (7, 14, 28)
SECONDS_PER_NEIGHBOURHOOD = 3.0
COVERING_SECONDS = 3.0
DEPTH = 3
"""Layers of tasks in the way (of tasks in the way...) a neighbourhood goes down at most."""
ATTEMPTS = 9
"""Neighbourhoods around each unmet task before unmet tasks are tried less often."""
EMPTY_CHARGE = 0.001
"""Deterministic time charged for a draw that freed nothing (so that the loop always ends)."""


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
        self.kinds = len({task.kind for task in instance.tasks})
        whole = len(instance.persons) * instance.days * self.kinds
        self.roster_cells = float(min(ROSTER_CELLS, max(ROSTER_MIN_CELLS, whole // 4)))
        self.most_roster_cells = max(self.roster_cells, whole * ROSTER_MOST_SHARE)
        self.by_day: dict[int, list[int]] = {}
        for t, modes in enumerate(candidates.modes):
            for day in dict.fromkeys(m.day for m in modes):
                self.by_day.setdefault(day, []).append(t)

    def sample(self, items: list, count: int) -> list:
        return items if len(items) <= count else self.rng.sample(items, count)

    def around_unmet(self, ledger: Ledger, unmet: list[int]) -> Scope:
        """The least tried unmet task (highest priority first) with, in turn from one attempt
        to the next: the tasks in its way (and, deeper each round, those in their way), its
        competitors (the tasks at overlapping times that its people could serve), or the
        whole horizon of the people who could serve it.

        The tasks freed keep their own people and may take a few others and any of the unmet
        task's; the rest of the plan stays."""
        instance = self.instance
        modes_of = self.candidates.modes
        target = min(unmet, key=lambda t: (self.attempts.get(t, 0),
                                           instance.tasks[t].priority, t))
        attempt = self.attempts[target] = self.attempts.get(target, 0) + 1
        depth = min((attempt + 2) // 3, DEPTH)
        size = NEIGHBOURHOOD_TASKS + GROWTH * (depth - 1)
        modes = self.sample(list(modes_of[target]), MODES_LOOKED_AT * depth)
        target_people = {p for m in modes for p in m.persons}
        flavour = attempt % 3
        if flavour == 1:
            chosen = self.in_the_way(ledger, target, modes, depth, size - 1)
        elif flavour == 2:
            chosen = self.competitors(ledger, target, modes, target_people, size - 1)
        else:
            chosen = self.sample([t for t, placed in ledger.placements.items()
                                  if target_people.intersection(placed.persons)], size - 1)
        people_of = {}
        for t in chosen:
            able = list(dict.fromkeys(p for m in modes_of[t] for p in m.persons))
            people_of[t] = frozenset(
                [*ledger.placements[t].persons, *self.sample(able, TAKERS),
                 *(p for p in able if p in target_people)])
        persons = target_people.union(*people_of.values())
        free = [target, *chosen]
        days = {m.day for t in free for m in modes_of[t]}
        return replace(scope_of(ledger, free, persons, days), people_of=people_of)

    def in_the_way(self, ledger: Ledger, target: int, modes, depth: int,
                   size: int) -> list[int]:
        """Tasks in the way of the target's modes, then in the way of those, `depth` layers."""
        chosen = dict.fromkeys(blockers(ledger, modes, target)[:size])
        layer = list(chosen)
        for _ in range(depth - 1):
            layer = [t for b in layer for t in blockers(ledger, self.candidates.modes[b], b)
                     if t not in chosen and t != target]
            chosen.update(dict.fromkeys(layer[:size - len(chosen)]))
        return list(chosen)

    def competitors(self, ledger: Ledger, target: int, modes, people: set[int],
                    size: int) -> list[int]:
        """Placed tasks overlapping one of the target's modes that its people could serve."""
        found = [t for t, placed in ledger.placements.items()
                 if any(placed.day == m.day and placed.start < m.slot.end
                        and m.slot.start < placed.end for m in modes)
                 and any(people.intersection(m.persons) for m in self.candidates.modes[t])]
        return self.sample(found, size)

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

    def people_stretch(self, ledger: Ledger) -> Scope:
        """People over a stretch of days, each keeping their own roster, `roster_cells`
        people x days x kinds (`adapt_roster_size`): everyone over a few days, or a few people
        over a longer stretch."""
        cells = int(self.roster_cells)
        if self.rng.random() < 0.5:
            return self.everyone_over_days(ledger, cells)
        return self.few_over_stretch(ledger, cells)

    def everyone_over_days(self, ledger: Ledger, cells: int) -> Scope:
        """Everyone over as many consecutive days as `cells` holds (one at least): a day's
        cover rebalanced between all who could serve it."""
        people, horizon = len(self.instance.persons), self.instance.days
        length = max(1, min(horizon, cells // (people * self.kinds)))
        return own_roster_scope(ledger, self.candidates, set(range(people)),
                                self.consecutive_days(length))

    def few_over_stretch(self, ledger: Ledger, cells: int) -> Scope:
        """A few people, the first drawn at random and the others among those sharing their
        tasks, over a week or more, or the whole horizon: their sequences rebalanced."""
        people, horizon = len(self.instance.persons), self.instance.days
        length = min(horizon, self.rng.choice((*ROSTER_DAYS, horizon)))
        days = self.consecutive_days(length)
        count = max(2, min(people, cells // (length * self.kinds)))
        first = self.rng.randrange(people)
        mates = [p for t, placed in ledger.placements.items() if placed.day in days
                 and first in placed.persons for p in placed.persons if p != first]
        others = list(dict.fromkeys(mates)) or [p for p in range(people) if p != first]
        persons = {first, *self.sample(others, count - 1)}
        return own_roster_scope(ledger, self.candidates, persons, days)

    def consecutive_days(self, length: int) -> set[int]:
        """`length` consecutive days from a first day drawn at random."""
        first_day = self.rng.randrange(self.instance.days - length + 1)
        return set(range(first_day, first_day + length))

    def adapt_roster_size(self, outcome: Outcome) -> None:
        """Grow the people over a stretch of days when one was solved to optimality and found
        nothing better, shrink them when one found a better plan or ran out of time (variable
        neighbourhood search: larger ones once the small ones are exhausted)."""
        if not outcome.proven:
            self.roster_cells = max(ROSTER_MIN_CELLS, self.roster_cells / SHRINK)
        elif outcome.improved:
            self.roster_cells = max(ROSTER_MIN_CELLS, self.roster_cells / GROW)
        else:
            self.roster_cells = min(self.most_roster_cells, self.roster_cells * GROW)

    def scope(self, ledger: Ledger, seeds: list[int], days: set[int], persons: set[int],
              size: int = NEIGHBOURHOOD_TASKS) -> Scope:
        """Free: the seeds, what `persons` do on `days`, and unmet tasks they could do then;
        at most `size` of them."""
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
    return Scope(tuple(free), frozen, persons=frozenset(persons), days=frozenset(days))


def improve_by_neighbourhoods(instance: Instance, candidates: Candidates, tracker,
                              settings: Settings) -> None:
    """Re-solve neighbourhoods until the time is up; the tracker keeps the best plan.

    While some unmet task with a mode has been tried fewer than `ATTEMPTS` times, every
    neighbourhood surrounds one of them and is solved for coverage only (one in two
    afterwards); the others are solved for coverage, then the soft terms. With few workers
    each keeps the `max_lp` worker of `solver.search.run`, whose LP guides CP-SAT's own
    neighbourhoods (ours alone for 60 s on Curtois 11: 3805 without it, 3443 with it; the
    225-site network's objective 1.8 % lower).
    """
    rng = random.Random(settings.seed)
    draws = Neighbourhoods(instance, candidates, rng)
    budget = settings.budget
    local = replace(settings, on_solution=None)
    ledger = Ledger(instance)
    for placement in tracker.best.values():
        ledger.add(placement)
    rostering = instance.has_rules or any(task.has_targets for task in instance.tasks)
    round_ = 0
    while budget.remaining() > 0.05:
        round_ += 1
        unmet = [t for t in range(len(instance.tasks))
                 if t not in ledger.placements and candidates.modes[t]]
        fresh = any(draws.attempts.get(t, 0) < ATTEMPTS for t in unmet)
        covering = bool(unmet) and (fresh or round_ % 2 == 0)
        stretch = not covering and rostering and round_ % 3
        if covering:
            scope = draws.around_unmet(ledger, unmet)
        elif stretch:
            scope = draws.people_stretch(ledger)
        elif round_ % 2:
            scope = draws.day_cluster(ledger)
        else:
            scope = draws.people_together(ledger)
        if not scope.free:
            budget.charge_python(EMPTY_CHARGE)
            continue
        seconds = COVERING_SECONDS if covering else SECONDS_PER_NEIGHBOURHOOD
        part = replace(local, budget=budget.slice(seconds))
        outcome = resolve(ledger, candidates, scope, part, covering)
        if stretch:
            draws.adapt_roster_size(outcome)
        if outcome.improved:
            tracker.offer("neighbourhoods", dict(ledger.placements))

