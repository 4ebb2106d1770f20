"""Rule 11, the rostering rules of each person over the horizon, and their requests (soft).

Everything is read off two facts per person and day: "works that day" (the `works` literal of
the day in `solver.rules.people`, 1 on a frozen day, 0 on a day with nothing to do) and "serves
a task of kind k that day" (the day's node literals of that kind). Runs of work and of days
off are clauses over windows of days, which is exact and propagates well:
- at most `max_run` worked days in any `max_run + 1` consecutive days;
- no run of `s < min_run` worked days with a day off on both sides inside the horizon, and
  likewise for runs of days off (runs touching either end are never too short);
- a weekend is worked when one of its days is; at most `max_weekends` of them;
- at most `max_by_kind[k]` tasks of kind k; no kind of `forbidden_next[k]` the day after k;
- worked minutes over the horizon between `min_total` and `max_total`.
A request costs its weight when it is not kept: `work_requests` and `off_requests`.
A person with nothing free in the model is left alone: their frozen plan already holds. The
relaxed model (no travel in worked time) keeps no minimum of total minutes, which it would
make stricter.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from solver.instance import Rules
from solver.model import PlanModel


def add_rostering(model: PlanModel) -> dict[str, list[Any]]:
    terms: dict[str, list[Any]] = defaultdict(list)
    for p, person in enumerate(model.instance.persons):
        if person.rules is None or p not in model.person_nodes:
            continue
        works = day_facts(model, p)
        kinds = kind_facts(model, p)
        rules = person.rules
        add_runs(model, works, rules)
        add_weekends(model, p, works, rules)
        add_kinds(model, kinds, rules)
        total = model.worked_total[p]
        if rules.max_total is not None:
            model.cp.add(total <= rules.max_total)
        if rules.min_total and not model.relaxed:
            model.cp.add(total >= rules.min_total)
        add_requests(model, p, rules, works, kinds, terms)
    return terms


def day_facts(model: PlanModel, p: int) -> list[Any]:
    """"Works that day" for each day of the horizon: a literal, or the constant 0 or 1."""
    ledger = model.frozen_ledger
    return [model.works.get((p, day), 1 if ledger.day_of(p, day) else 0)
            for day in range(model.instance.days)]


def clause(model: PlanModel, facts: list[tuple[Any, bool]]) -> None:
    """At least one of the facts holds as given (value, wanted); constants settle it early."""
    literals = []
    for value, wanted in facts:
        if isinstance(value, int):
            if bool(value) == wanted:
                return
            continue
        literals.append(value if wanted else ~value)
    model.cp.add_bool_or(literals)


def add_runs(model: PlanModel, works: list[Any], rules: Rules) -> None:
    days = len(works)
    if rules.max_run is not None and rules.max_run < days:
        width = rules.max_run + 1
        for first in range(days - width + 1):
            window = works[first:first + width]
            if not all(isinstance(w, int) for w in window):
                model.cp.add(sum(window) <= rules.max_run)
    for minimum, worked in ((rules.min_run, True), (rules.min_off, False)):
        for length in range(1, (minimum or 1)):
            for before in range(days - length - 1):
                after = before + length + 1
                inner = works[before + 1:after]
                if all(isinstance(w, int) for w in (works[before], works[after], *inner)):
                    continue
                clause(model, [(works[before], worked), (works[after], worked),
                               *((w, not worked) for w in inner)])


def add_weekends(model: PlanModel, p: int, works: list[Any], rules: Rules) -> None:
    weekends = model.instance.weekends
    if rules.max_weekends is None or rules.max_weekends >= len(weekends):
        return
    worked = []
    for index, days in enumerate(weekends):
        facts = [works[d] for d in days]
        if any(isinstance(f, int) and f for f in facts):
            worked.append(1)
            continue
        free = [f for f in facts if not isinstance(f, int)]
        if not free:
            continue
        if len(free) == 1:
            worked.append(free[0])
            continue
        weekend = model.bool(f"weekend_{p}_{index}")
        for f in free:
            model.cp.add_implication(f, weekend)
        worked.append(weekend)
    model.cp.add(sum(worked) <= rules.max_weekends)


def kind_facts(model: PlanModel, p: int) -> dict[int, list[tuple[str | None, Any]]]:
    """Per day, (kind, literal) of each task the person may serve then (1 when frozen)."""
    tasks = model.instance.tasks
    facts: dict[int, list[tuple[str | None, Any]]] = defaultdict(list)
    for day, nodes in model.person_nodes[p].items():
        facts[day] += [(tasks[n.task].kind, n.lit) for n in nodes]
    for day, visits in model.frozen_ledger.person_days[p].items():
        facts[day] += [(tasks[v.task].kind, 1) for v in visits]
    return facts


def add_kinds(model: PlanModel, facts: dict[int, list[tuple[str | None, Any]]],
              rules: Rules) -> None:
    for kind, limit in rules.max_by_kind.items():
        served = [lit for day_facts in facts.values() for k, lit in day_facts if k == kind]
        if not all(isinstance(lit, int) for lit in served):
            model.cp.add(sum(served) <= limit)
    for day, today in sorted(facts.items()):
        add_next_day_bans(model, today, facts.get(day + 1, ()), rules)


def add_next_day_bans(model: PlanModel, today: list[tuple[str | None, Any]],
                      tomorrow: list[tuple[str | None, Any]], rules: Rules) -> None:
    """No kind of `forbidden_next[k]` the day after k. The kinds of a day sharing the same banned
    kinds share one literal "one of them is served" that bans those kinds the next day: as many
    clauses as kinds, not as forbidden pairs (32 kinds with most pairs banned would be 1000
    clauses a day)."""
    sharing: dict[frozenset[str], list[Any]] = defaultdict(list)
    for kind, lit in today:
        banned = rules.forbidden_next.get(kind)
        if banned:
            sharing[banned].append(lit)
    for banned, lits in sharing.items():
        later = [next_lit for kind, next_lit in tomorrow if kind in banned]
        if not later:
            continue
        served = lits[0] if len(lits) == 1 else any_served(model, lits)
        for next_lit in later:
            clause(model, [(served, False), (next_lit, False)])


def any_served(model: PlanModel, lits: list[Any]) -> Any:
    """1 when one of `lits` is the constant 1, else a literal implied by each of them (it may
    be true with none: it then only bans more, which the solver avoids when it costs)."""
    if any(isinstance(lit, int) and lit for lit in lits):
        return 1
    free = [lit for lit in lits if not isinstance(lit, int)]
    if len(free) <= 1:
        return free[0] if free else 0
    served = model.bool(f"served_{len(model.cp.proto.variables)}")
    for lit in free:
        model.cp.add_implication(lit, served)
    return served


def add_requests(model: PlanModel, p: int, rules: Rules, works: list[Any],
                 facts: dict[int, list[tuple[str | None, Any]]],
                 terms: dict[str, list[Any]]) -> None:
    """Each request's weight when it is not kept: a wish to work a kind (or any task) that
    day, or to be spared it."""
    for index, request in enumerate(rules.requests):
        if request.kind is None:
            held = works[request.day]
        else:
            held = any_of(model, [lit for kind, lit in facts.get(request.day, ())
                                  if kind == request.kind], f"asked_{p}_{index}")
        if request.work:
            terms["work_requests"].append(request.weight * (1 - held))
        else:
            terms["off_requests"].append(request.weight * held)


def any_of(model: PlanModel, lits: list[Any], name: str) -> Any:
    """A literal true exactly when one of `lits` is (0 for none, 1 if one is frozen)."""
    if not lits:
        return 0
    if any(isinstance(lit, int) for lit in lits):
        return 1
    if len(lits) == 1:
        return lits[0]
    held = model.bool(name)
    for lit in lits:
        model.cp.add_implication(lit, held)
    model.cp.add_bool_or([~held, *lits])
    return held
