"""The CP-SAT model of a scope of tasks: the variables and the rule groups that constrain them.

A scope is either the whole plan (every task free) or a neighbourhood of the search: some
tasks free, the rest of the plan frozen as it is. Frozen placements enter the model as
constants (the literal `1`) only where a rule adds up a whole day or week of a person (worked
time, travel, break chains, days worked); every pairwise rule against them (overlaps, travel
gaps, daily rest, rooms, units) is settled by pruning the free candidates that clash, since a
visit that clashes alone clashes in any larger plan.

Each rule group lives in `solver/rules/`, adds its constraints and returns its named
objective terms: linear expressions whose sum is the term's quantity in its unit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from solver.candidates import Candidates, Mode
from solver.instance import Instance
from solver.matching import match_lines
from solver.solution import Placement
from solver.timeline import Ledger, Visit

Lit = Any
"""A Boolean variable of the model, or the int 1 for a frozen fact."""


@dataclass(frozen=True)
class Scope:
    """What the model decides: `free` tasks; `frozen` placements stay as they are."""

    free: tuple[int, ...]
    frozen: dict[int, Placement] = field(default_factory=dict)
    persons: frozenset[int] | None = None
    """People the free tasks may use (None: any candidate)..."""
    people_of: dict[int, frozenset[int]] = field(default_factory=dict)
    """...and, for the tasks listed here, only these people."""
    days: frozenset[int] | None = None
    """Days the free tasks may use (None: any of their days)."""
    starts_per_day: int | None = None
    """Flexible tasks keep at most this many starts per day and site (None: all of them)..."""
    keep: dict[int, tuple[int, int]] = field(default_factory=dict)
    """...and always the (day, start) given here for a task (the plan the search starts from)."""
    kept: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Free tasks that stay met where they are, with these people staying on them: only their
    other people are chosen (among `persons`). Their placement without the others is in the
    frozen ledger, so their time, room and units are taken."""


@dataclass(frozen=True, eq=False)
class Node:
    """A task on a person's day: chosen when `lit` is true (always when frozen)."""

    lit: Lit
    task: int
    day: int
    start: int
    end: int
    site: int

    @property
    def frozen(self) -> bool:
        return isinstance(self.lit, int)

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass
class Choice:
    """A usable mode of a free task and its variables."""

    mode: Mode
    lit: Lit
    persons: dict[int, Lit] = field(default_factory=dict)
    rooms: dict[int, Lit] = field(default_factory=dict)
    units: dict[int, Lit] = field(default_factory=dict)


@dataclass
class PersonDay:
    """A person's day in the model: its nodes in time order and the variables of its journey."""

    nodes: list[Node]
    works: Lit
    states: list[tuple[int, dict[int, Any]]] = field(default_factory=list)
    """(last node position of a group, site -> "the last chosen node so far is there")."""
    leaves: dict[int, Lit] = field(default_factory=dict)
    """Node position -> "chosen first, leaving home for it"."""
    moves: dict[int, Any] = field(default_factory=dict)
    """Node position -> minutes travelled to it from the previous chosen node's site."""


class PlanModel:
    """The variables of a scope, filled in by the rule groups."""

    def __init__(self, instance: Instance, candidates: Candidates, scope: Scope,
                 ledger: Ledger | None = None, check_pins: bool = False, relaxed: bool = False):
        self.instance = instance
        self.relaxed = relaxed
        """Travel between sites left out of worked time: a relaxation that bounds coverage."""
        self.pin_guards: dict[int, Any] | None = {} if check_pins else None
        """Pinned task -> the assumption its pins hold under (when checking pins)."""
        self.candidates = candidates
        self.scope = scope
        self.cp = cp_model.CpModel()
        self.true = self.cp.new_constant(1)
        self.frozen_ledger = ledger if ledger is not None else Ledger(instance)
        self.choices: dict[int, list[Choice]] = {
            t: [Choice(m, None) for m in (
                partial_modes(instance, candidates, scope, self.frozen_ledger, t)
                if t in scope.kept else
                usable_modes(instance, candidates, scope, self.frozen_ledger, t))]
            for t in scope.free}
        self.met: dict[int, Any] = {}
        self.terms: dict[str, list[Any]] = defaultdict(list)
        self.person_nodes: dict[int, dict[int, list[Node]]] = defaultdict(lambda: defaultdict(list))
        self.person_days: dict[tuple[int, int], PersonDay] = {}
        self.works: dict[tuple[int, int], Any] = {}
        """(person, modelled day) -> "works that day" (1 when a frozen visit is there)."""
        self.worked_total: dict[int, Any] = {}
        """Person -> worked minutes over the horizon (frozen days as constants)."""
        self.line_seats: dict[int, dict[tuple[int, int], Any]] = {}
        """Free task -> (line, person) -> "fills this line" (tasks with several lines)."""

    def bool(self, name: str) -> Any:
        return self.cp.new_bool_var(name)

    def add_terms(self, terms: dict[str, list[Any]]) -> None:
        for name, exprs in terms.items():
            self.terms[name].extend(exprs)

    def levels(self) -> list[list[Any]]:
        """The met literal of every free task, per priority level."""
        found: list[list[Any]] = [[] for _ in self.instance.priorities]
        for task, met in self.met.items():
            found[self.instance.tasks[task].priority].append(met)
        return found


def usable_modes(instance: Instance, candidates: Candidates, scope: Scope, ledger: Ledger,
                 task: int) -> list[Mode]:
    """The task's modes within the scope, without what clashes with the frozen plan."""
    modes = candidates.modes[task]
    if scope.days is not None:
        modes = [m for m in modes if m.day in scope.days]
    if scope.starts_per_day is not None:
        modes = thin_starts(modes, scope.starts_per_day, scope.keep.get(task))
    if scope.persons is None and not scope.people_of and not ledger.placements:
        return list(modes)
    return [m for m in (trim(instance, scope, ledger, mode) for mode in modes) if m is not None]


def partial_modes(instance: Instance, candidates: Candidates, scope: Scope, ledger: Ledger,
                  task: int) -> list[Mode]:
    """The one mode of a task that stays where it is: its placement's time and site, with
    its kept people and those of the scope who could join them (no room, no units: those stay
    booked in the ledger)."""
    placed = ledger.placements[task]
    mode = next(m for m in candidates.modes[task]
                if (m.day, m.slot.start, m.site) == (placed.day, placed.start, placed.site))
    visit = Visit(task, placed.day, placed.start, placed.end, placed.site)
    kept = set(scope.kept[task])
    lines = tuple((*scope.kept[task], *(p for p in line if p in scope.persons and p not in kept
                                        and ledger.person_fits(p, visit)))
                  for line in mode.lines)
    return [Mode(task, mode.slot, mode.site, (), lines, ())]


def thin_starts(modes: list[Mode], per_day: int, kept: tuple[int, int] | None) -> list[Mode]:
    """At most `per_day` evenly spread starts per day and site, `kept` (day, start) kept."""
    groups: dict[tuple[int, int], list[Mode]] = defaultdict(list)
    for mode in modes:
        groups[(mode.day, mode.site)].append(mode)
    thinned: list[Mode] = []
    for group in groups.values():
        if len(group) <= per_day:
            thinned.extend(group)
            continue
        step = (len(group) - 1) / (per_day - 1)
        chosen = {round(i * step) for i in range(per_day)}
        thinned.extend(mode for i, mode in enumerate(group)
                       if i in chosen or (mode.day, mode.slot.start) == kept)
    return thinned


def trim(instance: Instance, scope: Scope, ledger: Ledger, mode: Mode) -> Mode | None:
    """The mode with only what is in scope and free of the frozen plan (None if it no longer
    holds: lines that cannot be filled, no room, too few units, a pin lost)."""
    task = instance.tasks[mode.task]
    visit = Visit(mode.task, mode.day, mode.slot.start, mode.slot.end, mode.site)
    fits: dict[int, bool] = {}

    only = scope.people_of.get(mode.task)

    def person_fits(p: int) -> bool:
        if p not in fits:
            fits[p] = ((scope.persons is None or p in scope.persons)
                       and (only is None or p in only)
                       and ledger.person_fits(p, visit))
        return fits[p]

    lines = tuple(tuple(p for p in line if person_fits(p)) for line in mode.lines)
    pins = task.pins
    required = pins.persons if pins is not None else ()
    if match_lines(task.fewest, lines, required) is None:
        return None
    rooms = tuple(r for r in mode.rooms if not ledger.room_clashes(r, visit))
    if task.room is not None and not rooms:
        return None
    units = tuple(tuple(u for u in usable if not ledger.unit_clashes(u, visit))
                  for usable in mode.units)
    if any(len(usable) < count for (_, count), usable in zip(task.equipment, units)):
        return None
    if pins is not None and not set(pins.units) <= {u for usable in units for u in usable}:
        return None
    return Mode(mode.task, mode.slot, mode.site, rooms, lines, units)


def interval_cliques(nodes: list[Node]) -> list[list[Node]]:
    """Maximal sets of pairwise overlapping intervals (sweep over start times)."""
    events = sorted(nodes, key=lambda n: (n.start, n.end))
    cliques: list[list[Node]] = []
    active: list[Node] = []
    grew = False
    for node in events:
        still = [a for a in active if a.end > node.start]
        if len(still) < len(active) and grew:
            cliques.append(active)
            grew = False
        active = still + [node]
        grew = True
    if grew and active:
        cliques.append(active)
    return [c for c in cliques if len(c) > 1]


def solved_placements(model: PlanModel, value) -> dict[int, Placement]:
    """The placements of the free tasks in a solution (`value` reads a literal)."""
    placed = {}
    for task, choices in model.choices.items():
        for choice in choices:
            if not value(choice.lit):
                continue
            persons = tuple(p for p, lit in choice.persons.items() if value(lit))
            room = next((r for r, lit in choice.rooms.items() if value(lit)), None)
            units = tuple(u for u, lit in choice.units.items() if value(lit))
            slot = choice.mode.slot
            placed[task] = Placement(task, slot.day, slot.start, slot.end, choice.mode.site, room,
                                     persons, units)
    return placed
