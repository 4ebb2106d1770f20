"""Rules 1-3, 8 (which room) and 9 (which units) for each free task, and its pins (rule 10).

A task is met through exactly one of its modes or not at all; a chosen mode gets exactly the
staff count of distinct people, one suitable room when the task asks for one, and exactly the
requested number of units of each type. With several staff lines a person-to-line matching is
modelled too (rule 3); with one line every candidate already qualifies for it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from solver.model import Node, PlanModel


def add_task_choices(model: PlanModel) -> dict[str, list[Any]]:
    cp = model.cp
    for t, choices in model.choices.items():
        task = model.instance.tasks[t]
        if not choices:
            model.met[t] = 0
            continue
        if len(choices) == 1:
            choices[0].lit = model.met[t] = model.bool(f"met_{t}")
        else:
            for c, choice in enumerate(choices):
                choice.lit = model.bool(f"mode_{t}_{c}")
            model.met[t] = model.bool(f"met_{t}")
            cp.add(sum(choice.lit for choice in choices) == model.met[t])
        for c, choice in enumerate(choices):
            mode = choice.mode
            choice.persons = {p: model.bool(f"staff_{t}_{c}_{p}") for p in mode.persons}
            if task.staff:
                cp.add(sum(choice.persons.values()) == task.staff_count * choice.lit)
            choice.rooms = {r: model.bool(f"room_{t}_{c}_{r}") for r in mode.rooms}
            if task.room is not None:
                cp.add(sum(choice.rooms.values()) == choice.lit)
            for (_, count), usable in zip(task.equipment, mode.units):
                lits = {u: model.bool(f"unit_{t}_{c}_{u}") for u in usable}
                choice.units.update(lits)
                cp.add(sum(lits.values()) == count * choice.lit)
            for p, lit in choice.persons.items():
                model.person_nodes[p][mode.day].append(
                    Node(lit, t, mode.day, mode.slot.start, mode.slot.end, mode.site))
        if len(task.staff) > 1:
            add_line_matching(model, t)
        if task.pins is not None:
            add_pins(model, t)
    return {}


def add_line_matching(model: PlanModel, t: int) -> None:
    """Each chosen person fills one line they qualify for; each line gets its count."""
    cp = model.cp
    task = model.instance.tasks[t]
    choices = model.choices[t]
    chosen: dict[int, list[Any]] = defaultdict(list)
    for choice in choices:
        for p, lit in choice.persons.items():
            chosen[p].append(lit)
    seats: dict[int, list[Any]] = defaultdict(list)
    for line_index, line in enumerate(task.staff):
        qualified = dict.fromkeys(p for choice in choices
                                  for p in choice.mode.lines[line_index])
        lits = {p: model.bool(f"line_{t}_{line_index}_{p}") for p in qualified}
        for p, lit in lits.items():
            seats[p].append(lit)
            model.line_seats.setdefault(t, {})[(line_index, p)] = lit
        cp.add(sum(lits.values()) == line.count * model.met[t])
    for p, lits in chosen.items():
        cp.add(sum(seats[p]) == sum(lits))


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
