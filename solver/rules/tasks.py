"""Rules 1-3, 8 (which room) and 9 (which units) for each free task, and its pins (rule 10).

A task is met through exactly one of its modes or not at all; a chosen mode gets exactly the
staff count of distinct people, one suitable room when the task asks for one, and exactly the
requested number of units of each type. With several staff lines a person-to-line matching is
modelled too (rule 3); with one line every candidate already qualifies for it.

A task that stays where it is (`Scope.kept`) is met by its one mode, its kept people as the
constant 1 beside the literals of those who may join them.

A line with a target (an under or over weight) holds between its fewest and its most people;
each one missing below the count costs the under weight (an unmet task misses the whole
count), each one beyond it the over weight: the terms `understaffing` and `overstaffing`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from solver.model import Node, PlanModel


def add_task_choices(model: PlanModel) -> dict[str, list[Any]]:
    cp = model.cp
    terms: dict[str, list[Any]] = defaultdict(list)
    for t, choices in model.choices.items():
        task = model.instance.tasks[t]
        if not choices:
            model.met[t] = 0
            continue
        kept = model.scope.kept.get(t)
        if kept is not None:
            choices[0].lit = model.met[t] = 1
        elif len(choices) == 1:
            choices[0].lit = model.met[t] = model.bool(f"met_{t}")
        else:
            for c, choice in enumerate(choices):
                choice.lit = model.bool(f"mode_{t}_{c}")
            model.met[t] = model.bool(f"met_{t}")
            cp.add(sum(choice.lit for choice in choices) == model.met[t])
        for c, choice in enumerate(choices):
            mode = choice.mode
            choice.persons = {p: 1 if kept and p in kept else model.bool(f"staff_{t}_{c}_{p}")
                              for p in mode.persons}
            if task.has_targets:
                fewest, most = staff_range(task, mode.lines)
                cp.add(sum(choice.persons.values()) >= fewest * choice.lit)
                cp.add(sum(choice.persons.values()) <= most * choice.lit)
            elif task.staff:
                cp.add(sum(choice.persons.values()) == task.staff_count * choice.lit)
            choice.rooms = {r: model.bool(f"room_{t}_{c}_{r}") for r in mode.rooms}
            if task.room is not None and kept is None:
                cp.add(sum(choice.rooms.values()) == choice.lit)
            for (_, count), usable in zip(task.equipment if kept is None else (), mode.units):
                lits = {u: model.bool(f"unit_{t}_{c}_{u}") for u in usable}
                choice.units.update(lits)
                cp.add(sum(lits.values()) == count * choice.lit)
            for p, lit in choice.persons.items():
                if not isinstance(lit, int):
                    model.person_nodes[p][mode.day].append(
                        Node(lit, t, mode.day, mode.slot.start, mode.slot.end, mode.site))
        sizes = (add_line_matching(model, t) if len(task.staff) > 1 else
                 [sum(lit for choice in choices for lit in choice.persons.values())])
        if task.has_targets:
            add_targets(model, t, sizes, terms)
        if task.pins is not None and kept is None:
            add_pins(model, t)
    return terms


def line_most(line, candidates: int) -> int:
    """The most people a line may hold: its count, or every candidate with an over weight."""
    return line.count if line.over is None else max(line.count, candidates)


def staff_range(task, lines) -> tuple[int, int]:
    """The fewest and the most people a mode of a task with targets may have."""
    return (sum(task.fewest),
            sum(line_most(line, len(people)) for line, people in zip(task.staff, lines)))


def add_targets(model: PlanModel, t: int, sizes: list[Any],
                terms: dict[str, list[Any]]) -> None:
    """People missing below each weighted line's count, and beyond it, at their weights."""
    cp = model.cp
    task = model.instance.tasks[t]
    for index, (line, size) in enumerate(zip(task.staff, sizes)):
        if line.under is not None and line.count > 0:
            missing = cp.new_int_var(0, line.count, f"under_{t}_{index}")
            cp.add(missing >= line.count - size)
            terms["understaffing"].append(line.under * missing)
        if line.over is not None:
            most = max(line_most(line, len(choice.mode.lines[index]))
                       for choice in model.choices[t])
            if most > line.count:
                extra = cp.new_int_var(0, most - line.count, f"over_{t}_{index}")
                cp.add(extra >= size - line.count)
                terms["overstaffing"].append(line.over * extra)


def add_line_matching(model: PlanModel, t: int) -> list[Any]:
    """Each chosen person fills one line they qualify for; each line gets its count (between
    its fewest and most with a target); returns the people on each line."""
    cp = model.cp
    task = model.instance.tasks[t]
    choices = model.choices[t]
    chosen: dict[int, list[Any]] = defaultdict(list)
    for choice in choices:
        for p, lit in choice.persons.items():
            chosen[p].append(lit)
    seats: dict[int, list[Any]] = defaultdict(list)
    sizes = []
    for line_index, line in enumerate(task.staff):
        qualified = dict.fromkeys(p for choice in choices
                                  for p in choice.mode.lines[line_index])
        lits = {p: model.bool(f"line_{t}_{line_index}_{p}") for p in qualified}
        for p, lit in lits.items():
            seats[p].append(lit)
            model.line_seats.setdefault(t, {})[(line_index, p)] = lit
        size = sum(lits.values())
        if line.is_target:
            cp.add(size >= line.fewest * model.met[t])
            cp.add(size <= line_most(line, len(lits)) * model.met[t])
        else:
            cp.add(size == line.count * model.met[t])
        sizes.append(size)
    for p, lits in chosen.items():
        cp.add(sum(seats[p]) == sum(lits))
    return sizes


def add_pins(model: PlanModel, t: int) -> None:
    """A pinned task is met, with its pinned people and units (date, start, room: in modes).

    When the model checks pins, each task's pins hold under an assumption literal, so that an
    infeasible set of pins can be named.
    """
    cp = model.cp
    pins = model.instance.tasks[t].pins
    guard = []
    if model.pin_guards is not None:
        guard = [model.pin_guards.setdefault(t, model.bool(f"pin_{t}"))]
    cp.add(model.met[t] == 1).only_enforce_if(guard)
    for p in pins.persons:
        cp.add(sum(choice.persons.get(p, 0) for choice in model.choices[t]) == 1
               ).only_enforce_if(guard)
    for u in pins.units:
        cp.add(sum(choice.units.get(u, 0) for choice in model.choices[t]) == 1
               ).only_enforce_if(guard)
