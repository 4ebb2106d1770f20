"""Rules 5-7 for each person, and the travel and contract-hours objectives.

Times are fixed once a mode is chosen, so the order of a person's day is known in advance and
no circuit is needed. Overlaps are cliques of intervals; travel gaps and 20-minute break
chains are pairwise rules between any two candidates of the day (the reading of
`solver.timeline`, exact when travel obeys the triangle inequality). A day spread over
several sites follows the person through the candidates in time order (where they were last,
how far they came), which gives the travel between places of work (worked time) and the
day's travel with the commute; a day at a single site only has its commute. The 11 h rest is
a pairwise rule between consecutive days; weekly caps, days worked and contract hours add up
the days. A person with nothing free in the model is left out: their frozen days are
constants of the objective, which no choice of the model changes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from solver.instance import DAY_MINUTES, Person
from solver.model import Node, PersonDay, PlanModel, interval_cliques
from solver.timeline import BREAK_MINUTES, CHAIN_LIMIT_MINUTES, DAILY_REST_MINUTES, day_travel


def add_people(model: PlanModel) -> dict[str, list[Any]]:
    terms: dict[str, list[Any]] = defaultdict(list)
    ledger = model.frozen_ledger
    for p, person in enumerate(model.instance.persons):
        modelled = model.person_nodes.get(p, {})
        if not modelled:
            continue
        worked: dict[int, list[Any]] = defaultdict(list)
        works: dict[int, list[Any]] = defaultdict(list)
        for day, visits in sorted(ledger.person_days[p].items()):
            if visits and day not in modelled:
                week = model.instance.week_of_day[day]
                worked[week].append(ledger.day_worked[p][day])
                works[week].append(1)
                terms["travel"].append(day_travel(visits, person.home, model.instance.travel))
        for day in sorted(modelled):
            nodes = modelled[day] + [Node(1, v.task, day, v.start, v.end, v.site)
                                     for v in ledger.day_of(p, day)]
            day_works, day_worked, day_trips = add_person_day(model, p, person, day, nodes)
            week = model.instance.week_of_day[day]
            worked[week].append(day_worked)
            works[week].append(day_works)
            terms["travel"].append(day_trips)
            model.works[(p, day)] = day_works
        model.worked_total[p] = sum(sum(week) for week in worked.values())
        add_daily_rest(model, modelled)
        for week in range(model.instance.weeks):
            add_week(model, p, person, week, worked[week], works[week], terms)
    return terms


def add_person_day(model: PlanModel, p: int, person: Person, day: int, nodes: list[Node]):
    """No overlap, travel gaps, daily caps, break chains; returns (works, worked, travel)."""
    cp = model.cp
    travel = model.instance.travel
    ordered = sorted(nodes, key=lambda n: (n.start, n.end, n.task))
    free = [n for n in ordered if not n.frozen]
    for clique in interval_cliques(free):
        cp.add_at_most_one(n.lit for n in clique)
    for i, a in enumerate(free):
        for b in free[i + 1:]:
            if a.end <= b.start < a.end + travel[a.site][b.site]:
                cp.add_at_most_one([a.lit, b.lit])
    tight = [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]
             if 0 <= b.start - a.end - travel[a.site][b.site] < BREAK_MINUTES]
    add_break_chains(model, p, day, tight)
    works = works_on(model, p, day, nodes)
    path = model.person_days[(p, day)] = PersonDay(ordered, works)
    if model.relaxed:
        between, commute = [], 0
    elif len({n.site for n in nodes}) == 1:
        site = nodes[0].site
        between: list[Any] = []
        commute: Any = (travel[person.home][site] + travel[site][person.home]) * works
    else:
        between, commute = day_journey(model, p, person, day, path)
    worked = sum(n.minutes * n.lit for n in nodes) + sum(between)
    trips = commute + sum(between)
    cp.add(worked <= person.daily_max)
    if person.daily_travel_max is not None and not isinstance(trips, int):
        cp.add(trips <= person.daily_travel_max)
    return works, worked, trips


def works_on(model: PlanModel, p: int, day: int, nodes: list[Node]) -> Any:
    """1 when a frozen visit is there, else true exactly when some node is chosen (the sum of
    the nodes when they all overlap: at most one of them is, and the equality is tighter)."""
    if any(n.frozen for n in nodes):
        return 1
    if len(nodes) == 1:
        return nodes[0].lit
    works = model.bool(f"works_{p}_{day}")
    if max(n.start for n in nodes) < min(n.end for n in nodes):
        model.cp.add(works == sum(n.lit for n in nodes))
        return works
    for n in nodes:
        model.cp.add_implication(n.lit, works)
    model.cp.add(works <= sum(n.lit for n in nodes))
    return works


HOME = -1
"""The state "not left home yet" of a day's journey."""


def day_journey(model: PlanModel, p: int, person: Person, day: int, path: PersonDay):
    """Travel between places of work and the commute of a day spread over several sites.

    The nodes are taken in time order, in groups that all overlap (at most one of a group is
    chosen). `where[s]` says that the last chosen node before the group is at site s (HOME
    before the first): leaving home for a chosen node is the commute, coming from another
    site costs the travel from there. Once the chosen nodes are known everything follows by
    propagation, with no order to search for. Returns (travel terms between sites, commute).
    """
    cp = model.cp
    travel = model.instance.travel
    home = person.home
    where: dict[int, Any] = {HOME: 1}
    between: list[Any] = []
    commute: list[Any] = []
    for group in overlapping_groups(path.nodes):
        for k, node in group:
            if HOME in where and travel[home][node.site]:
                leaves = path.leaves[k] = model.bool(f"leave_{p}_{day}_{k}")
                cp.add_bool_or([~as_lit(model, where[HOME]), ~as_lit(model, node.lit), leaves])
                commute.append(travel[home][node.site] * leaves)
            origins = {s: lit for s, lit in where.items() if s != HOME and travel[s][node.site]}
            if origins:
                between.append(add_move(model, path, k, node, origins, f"move_{p}_{day}_{k}"))
        frozen = [node for _, node in group if node.frozen]
        if frozen:
            where = {frozen[0].site: 1}
            continue
        after = {site: model.bool(f"at_{p}_{day}_{group[0][0]}_{site}")
                 for site in dict.fromkeys([*where, *(node.site for _, node in group)])}
        cp.add_exactly_one(after.values())
        for _, node in group:
            cp.add_implication(node.lit, after[node.site])
        for site, lit in where.items():
            cp.add_bool_or([~as_lit(model, lit), after[site], *(node.lit for _, node in group)])
        for site, lit in after.items():
            cp.add(lit <= where.get(site, 0)
                   + sum(node.lit for _, node in group if node.site == site))
        path.states.append((group[-1][0], after))
        where = after
    commute += [travel[site][home] * lit for site, lit in where.items() if site != HOME]
    return between, sum(commute)


def overlapping_groups(nodes: list[Node]) -> list[list[tuple[int, Node]]]:
    """Consecutive runs of the time-ordered nodes that all overlap one another."""
    groups: list[list[tuple[int, Node]]] = []
    ends = 0
    for k, node in enumerate(nodes):
        if groups and node.start < ends:
            groups[-1].append((k, node))
            ends = min(ends, node.end)
        else:
            groups.append([(k, node)])
            ends = node.end
    return groups


def as_lit(model: PlanModel, lit: Any) -> Any:
    """A model literal for a frozen fact too (the constant true)."""
    return model.true if isinstance(lit, int) else lit


def add_move(model: PlanModel, path: PersonDay, k: int, node: Node, origins: dict[int, Any],
             name: str) -> Any:
    """Minutes travelled to the k-th node from the site of the previous chosen node, exactly
    (0 when the node is not chosen): worked time counts it, so it may be neither more nor less.
    The commute, by contrast, only needs a lower bound, which minimising travel makes exact."""
    cp = model.cp
    travel = model.instance.travel
    costs = {s: travel[s][node.site] for s in origins}
    most = max(costs.values())
    moved = path.moves[k] = cp.new_int_var(0, most, name)
    came_from = sum(cost * origins[s] for s, cost in costs.items())
    cp.add(moved <= came_from)
    if not node.frozen:
        cp.add(moved <= most * node.lit)
    cp.add(moved >= came_from - most * (1 - node.lit))
    return moved


def add_break_chains(model: PlanModel, p: int, day: int, tight: list[tuple[Node, Node]]) -> None:
    """Nodes under 20 idle minutes apart are chained; a chain spans at most 6 h.

    `chain_start[b] <= chain_start[a]` and `chain_start[b] >= b.end - 360` for each chosen
    tight pair, written only where some chain through the pair could last over 6 h.
    """
    earliest: dict[Node, int] = {}
    for a, b in sorted(tight, key=lambda pair: (pair[1].start, pair[0].start)):
        earliest[b] = min(earliest.get(b, b.start), earliest.get(a, a.start))
    latest: dict[Node, int] = {}
    for a, b in sorted(tight, key=lambda pair: (-pair[0].start, -pair[1].start)):
        latest[a] = max(latest.get(a, a.end), latest.get(b, b.end))
    risky = [(a, b) for a, b in tight
             if latest.get(b, b.end) - earliest.get(a, a.start) > CHAIN_LIMIT_MINUTES]
    chain_start = {}
    for node in dict.fromkeys(n for pair in risky for n in pair):
        chain_start[node] = model.cp.new_int_var(earliest.get(node, node.start), node.start,
                                                 f"chain_{p}_{day}_{node.task}")
    for a, b in risky:
        when = [n.lit for n in (a, b) if not n.frozen]
        model.cp.add(chain_start[b] <= chain_start[a]).only_enforce_if(when)
        if earliest.get(b, b.start) < b.end - CHAIN_LIMIT_MINUTES:
            model.cp.add(chain_start[b] >= b.end - CHAIN_LIMIT_MINUTES).only_enforce_if(when)


def add_daily_rest(model: PlanModel, days: dict[int, list[Node]]) -> None:
    """11 h between a day's last end and the next day's first start (free pairs; frozen ones
    were pruned with the candidates)."""
    for day in sorted(days):
        following = days.get(day + 1)
        if not following:
            continue
        for a in days[day]:
            for b in following:
                if DAY_MINUTES - a.end + b.start < DAILY_REST_MINUTES:
                    model.cp.add_bool_or([~a.lit, ~b.lit])


def add_week(model: PlanModel, p: int, person: Person, week: int, worked: list[Any],
             works: list[Any], terms: dict[str, list[Any]]) -> None:
    """Weekly cap and days cap (rule 6), contract shortfall and target distance (soft)."""
    cp = model.cp
    total = sum(worked)
    if any(not isinstance(w, int) for w in worked):
        cp.add(total <= person.weekly_max)
        cp.add(sum(works) <= person.days_max)
    if person.weekly_min > 0:
        if isinstance(total, int):
            terms["contract_shortfall"].append(max(0, person.weekly_min - total))
        else:
            short = cp.new_int_var(0, person.weekly_min, f"short_{p}_{week}")
            cp.add(short >= person.weekly_min - total)
            terms["contract_shortfall"].append(short)
    if person.weekly_target is not None:
        if isinstance(total, int):
            terms["contract_target"].append(abs(total - person.weekly_target))
        else:
            away = cp.new_int_var(0, max(person.weekly_target, person.weekly_max),
                                  f"target_{p}_{week}")
            cp.add(away >= total - person.weekly_target)
            cp.add(away >= person.weekly_target - total)
            terms["contract_target"].append(away)
