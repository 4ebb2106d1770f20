"""`solve`: pins, then a first-fit plan and its repair, then CP-SAT.

The first-fit plan (hardest needs first) is the first solution, repaired by short ejection
chains; every later search starts from the best plan so far. A small plan is then solved as
one CP-SAT model, which can prove it optimal (status "optimal" only when no one was pruned
for living out of reach, and once proven with thinned starts, again with every start); a
mid-size plan is improved by large-neighbourhood search, then by the whole model, which gives
a bound; a large one by neighbourhoods only (`solver.lns`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import replace

from solver.budget import Budget
from solver.candidates import Candidates
from solver.evaluation import Evaluation, evaluate, kpis
from solver.greedy import greedy_plan
from solver.instance import Instance
from solver.lns import improve_by_neighbourhoods
from solver.model import Scope
from solver.pins import pinned_plan
from solver.reasons import unmet_reasons
from solver.repair import repair
from solver.rosters import mend_rosters, placements_hold_minimums
from solver.search import Outcome, Settings, build_model, solve_staged
from solver.solution import Placement, Progress, Solution, Unplaced
from solver.timeline import Ledger
from solver.weights import SCALE

WHOLE_MODEL_LIMIT = 4_000
"""Up to this many (task, mode, person) candidates the whole plan is one CP-SAT model..."""
BOUNDED_MODEL_LIMIT = 20_000
"""...up to this many, neighbourhoods first, then the whole model for the rest of the time
(it proves a bound); beyond, neighbourhoods only."""
NEIGHBOURHOOD_SHARE = 0.5
REPAIR_SHARE = 0.25
"""At most this share of the time limit goes to moving single tasks out of the way."""
REPAIR_STEP = 0.0002
"""Seconds one repair move costs, as measured, when time is deterministic."""
STARTS_PER_DAY = 4
"""A flexible task's starts per day in the whole model (its start in the greedy plan too)."""


class Tracker:
    """The best plan so far, when each improvement came, and the progress callback."""

    def __init__(self, instance: Instance, budget: Budget,
                 progress: Callable[[Progress], None] | None):
        self.instance = instance
        self.budget = budget
        self.progress = progress
        self.best: dict[int, Placement] = {}
        self.score: Evaluation | None = None
        self.history: list[tuple[float, int]] = []
        self.totals = tuple(sum(1 for t in instance.tasks if t.priority == level)
                            for level in range(len(instance.priorities)))

    def offer(self, phase: str, placements: dict[int, Placement],
              bound: float | None = None) -> bool:
        """Keep `placements` if better (coverage first, then soft points) and holding every
        rostering minimum (a first fit may miss one); report it."""
        if self.instance.has_minimum_rules and not placements_hold_minimums(self.instance,
                                                                            placements):
            return False
        score = evaluate(self.instance, placements)
        if self.score is not None and score.key() >= self.score.key():
            return False
        self.best, self.score = dict(placements), score
        elapsed = self.budget.elapsed()
        self.history.append((elapsed, sum(score.met_by_priority)))
        if self.progress is not None:
            self.progress(Progress(elapsed, phase, score.points / SCALE, bound,
                                   score.met_by_priority, self.totals))
        return True

    def timings(self) -> dict[str, float]:
        final = sum(self.score.met_by_priority)
        return {"first_plan": self.history[0][0],
                "final_coverage": next(t for t, met in self.history if met >= final),
                "total": self.budget.elapsed()}


def model_size(candidates: Candidates) -> int:
    return sum(len(mode.persons) for modes in candidates.modes for mode in modes)


def solve(instance: Instance, *, method: str = "cpsat", time_limit: float = 30.0,
          workers: int | None = None, seed: int = 0,
          progress: Callable[[Progress], None] | None = None) -> Solution:
    """The best plan found within the time limit; `PinConflict` when pins cannot all hold.

    With one worker the time limit is counted in CP-SAT's deterministic time so that the same
    instance and seed always give the same plan.
    """
    workers = workers or os.cpu_count() or 1
    budget = Budget(time_limit, deterministic=workers == 1)
    tracker = Tracker(instance, budget, progress)
    candidates = Candidates(instance)
    gc.collect()
    gc.freeze()
    try:
        return search(instance, candidates, tracker, method, Settings(workers, seed, budget, None))
    finally:
        gc.unfreeze()


def search(instance: Instance, candidates: Candidates, tracker: Tracker, method: str,
           settings: Settings) -> Solution:
    """The instance and its candidates stay for the whole search: the garbage collector is told
    to leave them alone (`gc.freeze`), which halves the time to build each model."""
    budget = settings.budget

    def on_solution(phase, objective, bound, placements):
        tracker.offer(phase, placements, bound / SCALE if phase == "soft" else None)

    pinned = pinned_plan(instance, candidates, settings)
    ledger = greedy_plan(instance, candidates, pinned.values(), hardest=method == "cpsat")
    tracker.offer("greedy", dict(ledger.placements))
    proven = False
    bound = None
    if method == "cpsat":
        repair(ledger, candidates,
               budget.deadline(keep=budget.remaining() * (1 - REPAIR_SHARE), step=REPAIR_STEP))
    if instance.has_minimum_rules:
        mend_rosters(ledger, candidates, settings)
    tracker.offer("repair" if method == "cpsat" else "greedy", dict(ledger.placements))
    if method == "cpsat":
        size = model_size(candidates)
        if size > WHOLE_MODEL_LIMIT:
            share = NEIGHBOURHOOD_SHARE if size <= BOUNDED_MODEL_LIMIT else 1.0
            improve_by_neighbourhoods(instance, candidates, tracker,
                                      replace(settings, budget=budget.share(share)))
        if size <= BOUNDED_MODEL_LIMIT and budget.remaining() > 0:
            settings.on_solution = on_solution
            outcome, every_start = solve_whole(instance, candidates, tracker, settings,
                                               STARTS_PER_DAY)
            if outcome.proven and not every_start and budget.remaining() > 0:
                again, every_start = solve_whole(instance, candidates, tracker, settings, None)
                outcome = again if again.bound is not None else replace(outcome, proven=False)
            proven = outcome.proven and every_start and not candidates.pruned
            bound = outcome.bound / SCALE if outcome.bound is not None else None
    return finish(instance, candidates, tracker, proven, bound)


def solve_whole(instance: Instance, candidates: Candidates, tracker: Tracker,
                settings: Settings, starts_per_day: int | None) -> tuple[Outcome, bool]:
    """The whole plan as one model, from the best plan so far, with at most `starts_per_day`
    starts for a flexible task (None: all); the outcome and whether every start was in it.

    A model with thinned starts that is proven optimal is solved again with every start
    (`search`): it proves the plan optimal, or finds a better one, where the thinned optimum
    alone proves nothing (the small planted network of seed 2: optimal at 1.8 s). When time
    runs out before it has a bound, the plan keeps the thinned model's, not proven."""
    keep = {t: (p.day, p.start) for t, p in tracker.best.items()}
    scope = Scope(tuple(range(len(instance.tasks))), starts_per_day=starts_per_day, keep=keep)
    model = build_model(instance, candidates, scope)
    outcome = solve_staged(model, tracker.best, settings)
    tracker.offer("soft", outcome.placements)
    every_start = all(len(choices) == len(candidates.modes[t])
                      for t, choices in model.choices.items())
    return outcome, every_start


def finish(instance: Instance, candidates: Candidates, tracker: Tracker, proven: bool,
           bound: float | None) -> Solution:
    ledger = Ledger(instance)
    for placement in tracker.best.values():
        ledger.add(placement)
    unplaced = tuple(Unplaced(t, unmet_reasons(instance, candidates, ledger, t))
                     for t in range(len(instance.tasks)) if t not in tracker.best)
    placements = tuple(sorted(tracker.best.values(), key=lambda p: p.task))
    return Solution("optimal" if proven else "feasible", placements, unplaced,
                    tracker.score.points / SCALE, bound, kpis(instance, tracker.score),
                    tracker.timings())
