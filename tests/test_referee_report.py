"""The report reads well in both languages and never crashes on a broken plan."""

import ast
import json
import string
from datetime import timedelta
from pathlib import Path

from factories import (WEEK_START, make_assignment, make_equipment, make_facilitator, make_need,
                       make_plan, make_room, make_scenario, make_site, make_unmet)
from hypothesis import given, settings
from hypothesis import strategies as st

from pooling.domain import Assignment, Unmet
from pooling.referee import Report, check_plan

REFEREE = Path(__file__).resolve().parents[1] / "pooling" / "referee"
CATALOGUE = REFEREE.parent / "locale" / "fr" / "referee.json"


def referee_messages() -> set[str]:
    """Every message id marked with N_() in the referee."""
    return {ast.literal_eval(node.args[0])
            for path in REFEREE.glob("*.py")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_a_french_translation_with_the_same_placeholders():
    french = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    messages = referee_messages()
    assert len(messages) > 40
    assert sorted(messages - french.keys()) == []
    assert sorted(french.keys() - messages) == []
    assert [m for m in messages if placeholders(m) != placeholders(french[m])] == []


def test_lines_name_the_rule_and_the_ids_in_each_language():
    report = check_plan(make_scenario(), make_plan([], [make_unmet(reasons=[])]))
    assert report.lines() == ["rule 1 [N1]: unmet[0] gives no non-empty reason"]
    assert report.lines("fr") == ["règle 1 [N1] : unmet[0] ne donne aucune raison non vide"]
    assert not report.ok


def small_scenario():
    needs = [make_need("N1", equipment=[("projector", 1)], pinned={"facilitators": ["F1"]}),
             make_need("N2", site="S2", room=None, days=[0, 1], duration_minutes=60,
                       staff=[("animation", 1, 2)]),
             make_need("N3", date=1, start="14:00", end="16:00", room={"at": ["S1", "S2"]})]
    return make_scenario(
        sites=[make_site("S1"), make_site("S2", lat=45.0, lon=4.0),
               make_site("S3", lat=45.1, lon=4.1)],
        travel_minutes={("S1", "S2"): 25, ("S1", "S3"): 35},
        facilitators=[make_facilitator("F1", max_daily_travel_minutes=30),
                      make_facilitator("F2", home_site="S2", sites=["S2"],
                                       unavailable=["tue"], avoid=[("mon", "08:00", "10:00")],
                                       weekly_minutes={"min": 60, "target": 120})],
        rooms=[make_room("R1"),
               make_room("R2", site="S2", availability=[("mon", "08:00", "18:00")])],
        equipment=[make_equipment("E1"), make_equipment("E2", mobile=False, home_site="S2")],
        needs=needs)


def ids(known):
    return st.sampled_from([*known, "", "X", "N1 ", "zz"])


assignments = st.builds(
    Assignment,
    need=ids(["N1", "N2", "N3"]),
    date=st.integers(-3, 12).map(lambda d: WEEK_START + timedelta(days=d)),
    start=st.integers(-60, 1500), end=st.integers(-60, 1500),
    site=ids(["S1", "S2", "S3"]),
    room=st.none() | ids(["R1", "R2"]),
    facilitators=st.lists(ids(["F1", "F2"]), max_size=3).map(tuple),
    equipment=st.lists(ids(["E1", "E2"]), max_size=3).map(tuple))
unmet = st.builds(Unmet, need=ids(["N1", "N2", "N3"]),
                  reasons=st.lists(st.sampled_from(["", " ", "no room"]), max_size=2).map(tuple))


@settings(max_examples=300, deadline=None)
@given(st.lists(assignments, max_size=6), st.lists(unmet, max_size=3))
def test_check_plan_never_raises_on_a_perturbed_plan(perturbed, unmet_entries):
    scenario = small_scenario()
    report = check_plan(scenario, make_plan([make_assignment(), *perturbed], unmet_entries))
    assert isinstance(report, Report)
    assert report.ok == (report.violations == [])
    assert all(1 <= v.rule <= 10 for v in report.violations)
    assert [v.rule for v in report.violations] == sorted(v.rule for v in report.violations)
    assert len(report.lines("fr")) == len(report.lines("en")) == len(report.violations)
    assert json.loads(json.dumps(report.kpis)) == report.kpis
