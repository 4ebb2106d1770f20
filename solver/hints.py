"""Starting CP-SAT from a plan: every variable of a model hinted from its placements."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.budget import Budget
from solver.matching import match_lines
from solver.model import PlanModel
from solver.rules.people import HOME
from solver.solution import Placement


def hint(model: PlanModel, placements: dict[int, Placement]) -> None:
    """Hint every decision of the model from a plan (tasks, people, rooms, units, paths)."""
    cp = model.cp
    cp.clear_hints()
    chosen: dict[int, int] = {}

    def put(lit, value: int) -> None:
        """Hint a literal or an integer variable once (frozen constants need none)."""
        if not isinstance(lit, int) and lit.index not in chosen:
            chosen[lit.index] = value
            cp.add_hint(lit, value)

    for t, choices in model.choices.items():
        placed = placements.get(t)
        task = model.instance.tasks[t]
        for choice in choices:
            mode = choice.mode
            here = placed is not None and (placed.day, placed.start, placed.site) == (
                mode.day, mode.slot.start, mode.site)
            put(choice.lit, int(here))
            for p, lit in choice.persons.items():
                put(lit, int(here and p in placed.persons))
            for r, lit in choice.rooms.items():
                put(lit, int(here and placed.room == r))
            for u, lit in choice.units.items():
                put(lit, int(here and u in placed.units))
        seats = model.line_seats.get(t)
        if seats:
            persons = placed.persons if placed is not None else ()
            eligible = [[p for (line, p) in seats if line == index and p in persons]
                        for index in range(len(task.staff))]
            lines = match_lines([line.count for line in task.staff], eligible) if placed else None
            for (line, p), lit in seats.items():
                put(lit, int(lines is not None and p in lines[line]))
    for day in model.person_days.values():
        put(day.works, int(any(n.frozen or chosen.get(n.lit.index, 0) for n in day.nodes)))
        hint_journey(day, chosen, put, model.instance.travel)


def hint_journey(day, chosen: dict[int, int], put, travel) -> None:
    """Walk the day in time order: where the person is, how they got to each chosen node."""
    states = dict(day.states)
    here = HOME
    for k, node in enumerate(day.nodes):
        taken = bool(node.frozen or chosen.get(node.lit.index, 0))
        if k in day.leaves:
            put(day.leaves[k], int(taken and here == HOME))
        if k in day.moves:
            put(day.moves[k], travel[here][node.site] if taken and here != HOME else 0)
        if taken:
            here = node.site
        for site, lit in states.get(k, {}).items():
            put(lit, int(site == here))


def complete_hint(model: PlanModel, placements: dict[int, Placement],
                  budget: Budget) -> float | None:
    """Hint every variable, auxiliaries included, so CP-SAT starts from the plan as a solution;
    returns the plan's value of the model's objective (None if it could not be completed).

    The decisions are hinted from the plan, then CP-SAT fills in the rest with the decisions
    fixed (pure propagation); a complete, feasible hint is taken as the first solution.
    """
    hint(model, placements)
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    budget.limit(solver.parameters, 0.2)
    status = solver.solve(model.cp)
    budget.charge(solver.deterministic_time)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    model.cp.clear_hints()
    for index in range(len(model.cp.proto.variables)):
        var = model.cp.get_int_var_from_proto_index(index)
        model.cp.add_hint(var, solver.value(var))
    return solver.objective_value
