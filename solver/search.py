"""Building a scope's model and solving it: coverage first, then the soft terms.

Coverage is one objective whose weights are exactly lexicographic (one task of a priority
outweighs every task of the lower ones), bounded beforehand on a relaxed model that is much
faster to prove; the counts it reaches are then kept as constraints while the soft terms are
minimised as one weighted sum. Every stage starts from the best plan so far, fully hinted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ortools.sat.python import cp_model

from solver.budget import Budget
from solver.candidates import Candidates
from solver.hints import complete_hint
from solver.model import PlanModel, Scope, solved_placements
from solver.rules.equipment import add_units
from solver.rules.fairness import add_pooled_fairness, add_unmet_fairness
from solver.rules.people import add_people
from solver.rules.rooms import add_rooms
from solver.rules.rostering import add_rostering
from solver.rules.stability import add_stability
from solver.rules.tasks import add_task_choices
from solver.rules.wishes import add_avoid, add_preferred
from solver.solution import Placement
from solver.timeline import Ledger
from solver.weights import model_weight

FEW_WORKERS = 3
"""Up to this many workers the full-problem worker is `max_lp`: its cuts give the bounds that
prove coverage and bring the soft gap down, where the default portfolio needs more cores."""

BUILD_SECONDS_PER_VARIABLE = 3e-5
"""Python time to build a neighbourhood's model, per variable, as measured; charged when time
is deterministic, so that a repeatable run lasts about as long as its time limit."""

HARD_GROUPS = (add_task_choices, add_people, add_rostering, add_rooms, add_units)
SOFT_GROUPS = (add_avoid, add_preferred, add_unmet_fairness, add_pooled_fairness, add_stability)


def build_model(instance, candidates: Candidates, scope: Scope, ledger: Ledger | None = None,
                check_pins: bool = False, relaxed: bool = False, soft: bool = True) -> PlanModel:
    """The model of a scope with its rule groups (tasks first); without `soft` the wishes,
    fairness and stability are left out (coverage only); a relaxed model has no soft terms and
    no travel between sites in worked time, and serves to bound coverage."""
    model = PlanModel(instance, candidates, scope, ledger, check_pins, relaxed)
    for group in HARD_GROUPS + (SOFT_GROUPS if soft and not relaxed else ()):
        model.add_terms(group(model))
    return model


def soft_objective(model: PlanModel) -> Any:
    return sum(model_weight(term) * sum(exprs) for term, exprs in model.terms.items())


@dataclass
class Settings:
    workers: int
    seed: int
    budget: Budget
    on_solution: Callable[[str, float | None, float | None, dict[int, Placement]], None] | None
    """Called on each improving solution: phase, objective, bound, placements of the scope."""
    bound_worker: bool = True
    """With few workers, give the full-problem worker to `max_lp` (strong bounds)."""


@dataclass
class Outcome:
    placements: dict[int, Placement]
    proven: bool
    """Every stage proved optimal (and, with the soft stage, the soft optimum)."""
    improved: bool
    """Better than the start: more coverage, or the same and a lower soft objective."""
    objective: float | None
    bound: float | None
    infeasible: bool = False
    """A stage proved that the model has no solution at all."""


class SolutionReporter(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution, and stops once the objective reaches a known bound."""

    def __init__(self, model: PlanModel, phase: str, settings: Settings, target: int | None):
        super().__init__()
        self.model = model
        self.phase = phase
        self.settings = settings
        self.target = target

    def on_solution_callback(self) -> None:
        if self.settings.on_solution is not None:
            placements = solved_placements(self.model, self.literal_value)
            self.settings.on_solution(self.phase, self.objective_value,
                                      self.best_objective_bound, placements)
        if self.target is not None and self.objective_value >= self.target:
            self.stop_search()

    def literal_value(self, lit) -> bool:
        return bool(lit) if isinstance(lit, int) else self.boolean_value(lit)


def run(model: PlanModel, phase: str, settings: Settings, share: float = 1.0,
        target: int | None = None):
    """Solve the model's current objective within the budget (a share of what is left)."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = settings.workers
    params.random_seed = settings.seed
    if settings.workers <= FEW_WORKERS and settings.bound_worker:
        params.subsolvers.append("max_lp")
    settings.budget.limit(params, share)
    status = solver.solve(model.cp, SolutionReporter(model, phase, settings, target))
    settings.budget.charge(solver.deterministic_time)
    return solver, status


def value_reader(solver: cp_model.CpSolver):
    return lambda lit: bool(lit) if isinstance(lit, int) else solver.boolean_value(lit)


def coverage_weights(model: PlanModel) -> list[int]:
    """Exact lexicographic weights: one task of a level outweighs every task of lower levels."""
    weights = [0] * len(model.instance.priorities)
    weight = 1
    for level in reversed(range(len(weights))):
        weights[level] = weight
        weight *= len(reachable(model, level)) + 1
    return weights


def reachable(model: PlanModel, level: int) -> list[Any]:
    """The met literals of the free tasks of a level that have at least one mode."""
    return [m for m in model.levels()[level] if not isinstance(m, int)]


def coverage_value(model: PlanModel, placements: dict[int, Placement]) -> int:
    weights = coverage_weights(model)
    return sum(weights[level] * count_level(model, placements, level)
               for level in range(len(weights)))


def most_coverage(model: PlanModel) -> int:
    """The coverage value if every task with a mode were met."""
    weights = coverage_weights(model)
    return sum(w * len(reachable(model, level)) for level, w in enumerate(weights))


def coverage_objective(model: PlanModel) -> Any:
    weights = coverage_weights(model)
    return sum(weights[level] * sum(reachable(model, level)) for level in range(len(weights)))


def coverage_ceiling(model: PlanModel, start: dict[int, Placement], settings: Settings) -> int:
    """The best coverage value of the relaxed model (no travel between sites in worked time):
    a bound for the real model, found much faster. Only trusted when proven."""
    relaxation = build_model(model.instance, model.candidates, model.scope, model.frozen_ledger,
                             relaxed=True)
    relaxation.cp.maximize(coverage_objective(relaxation))
    complete_hint(relaxation, start, settings.budget)
    solver, status = run(relaxation, "bound", replace(settings, on_solution=None), share=0.3)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    if status == cp_model.FEASIBLE:
        return int(solver.best_objective_bound + 1e-6)
    return most_coverage(model)


def solve_staged(model: PlanModel, start: dict[int, Placement], settings: Settings,
                 relax: bool = True, soft: bool = True) -> Outcome:
    """The best coverage (levels weighted lexicographically), then (if `soft`) the weighted
    soft terms; without `soft`, the first better coverage will do.

    With `relax`, coverage is first bounded on the relaxed model; a plan reaching that bound
    is a proven optimum (the search stops there), and when the start plan already reaches it
    the coverage stage is skipped.
    """
    best = dict(start)
    have = coverage_value(model, best)
    ceiling = most_coverage(model)
    if relax and have < ceiling:
        ceiling = coverage_ceiling(model, best, settings)
    proven = have >= ceiling
    infeasible = False
    if not proven and settings.budget.remaining() > 0:
        model.cp.maximize(coverage_objective(model))
        complete_hint(model, best, settings.budget)
        solver, status = run(model, "coverage", settings, share=0.5 if soft else 1.0,
                             target=ceiling if soft else have + 1)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = solved_placements(model, value_reader(solver))
            if coverage_value(model, found) > have:
                best = keep_frozen(best, model) | found
        infeasible = status == cp_model.INFEASIBLE
        proven = status == cp_model.OPTIMAL or coverage_value(model, best) >= ceiling
    improved = coverage_value(model, best) > have
    for level in range(len(model.instance.priorities)):
        model.cp.add(sum(reachable(model, level)) >= count_level(model, best, level))
    objective = bound = None
    if soft and settings.budget.remaining() > 0:
        model.cp.minimize(soft_objective(model))
        before = complete_hint(model, best, settings.budget)
        solver, status = run(model, "soft", settings)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best = keep_frozen(best, model) | solved_placements(model, value_reader(solver))
            objective, bound = solver.objective_value, solver.best_objective_bound
            improved = improved or before is None or objective < before
        infeasible = infeasible or status == cp_model.INFEASIBLE
        proven = proven and status == cp_model.OPTIMAL
    else:
        proven = False
    return Outcome(best, proven, improved, objective, bound, infeasible)


def count_level(model: PlanModel, placements: dict[int, Placement], level: int) -> int:
    """Free tasks of `level` met in `placements` (those kept where they are do not count:
    they are met whatever the model does)."""
    return sum(1 for t in model.choices
               if t in placements and model.instance.tasks[t].priority == level
               and not isinstance(model.met.get(t), int))


def keep_frozen(placements: dict[int, Placement], model: PlanModel) -> dict[int, Placement]:
    """The placements of tasks outside the model's free tasks."""
    return {t: p for t, p in placements.items() if t not in model.choices}


def solve_feasible(model: PlanModel, start: dict[int, Placement],
                   settings: Settings) -> Outcome:
    """Any plan of the model, with no objective: where the start breaks a rule (a rostering
    minimum), finding a plan at all is the hard part, and an objective slows it down (one
    Curtois roster over 364 days: 20 s without, nothing in 60 s with the soft terms)."""
    complete_hint(model, start, settings.budget)
    solver, status = run(model, "feasible", settings)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    placements = (keep_frozen(start, model) | solved_placements(model, value_reader(solver))
                  if found else dict(start))
    return Outcome(placements, False, found, None, None, status == cp_model.INFEASIBLE)


def resolve(ledger: Ledger, candidates: Candidates, scope: Scope, settings: Settings,
            covering: bool = False, feasible_only: bool = False) -> Outcome:
    """Re-solve the free tasks of a scope inside the plan of `ledger` (for coverage only when
    `covering`, for any plan holding every rule when `feasible_only`); the ledger takes the
    answer when it is better (`Outcome.improved`: more coverage, a lower objective, or the
    first plan holding every rule), else gets its plan back. Tasks the scope keeps where
    they are stay in the ledger with their kept people while the model is built, so that
    their time, room and units remain taken."""
    instance = ledger.instance
    start = {t: ledger.remove(t) for t in scope.free if t in ledger.placements}
    for t, people in scope.kept.items():
        ledger.add(replace(start[t], persons=people))
    model = build_model(instance, candidates, scope, ledger,
                        soft=not (covering or feasible_only))
    settings.budget.charge_python(BUILD_SECONDS_PER_VARIABLE
                                  * (len(model.cp.proto.variables) + len(instance.tasks)))
    outcome = (solve_feasible(model, start, settings) if feasible_only else
               solve_staged(model, start, settings, relax=False, soft=not covering))
    for t in scope.kept:
        ledger.remove(t)
    for placement in (outcome.placements if outcome.improved else start).values():
        ledger.add(placement)
    return outcome
