"""When a plan may be called optimal, and which bound it reports."""

from dataclasses import replace

from factories import make_facilitator, make_need
from solver_fixtures import assignment, solved, two_sites

from solver import engine


def flexible_need():
    """Two days of 09:00-18:00 for 2 hours: 29 starts a day, more than the thinned model keeps."""
    return make_need("N1", room=None, days=[0, 1], window_start="09:00", window_end="18:00",
                     duration_minutes=120)


def test_a_flexible_need_with_more_starts_than_the_thinned_model_keeps_is_proven_optimal():
    """The whole model first keeps `STARTS_PER_DAY` starts a day; its optimum is proven again
    with every start, or the plan could not be called optimal."""
    plan = solved(two_sites(needs=[flexible_need()], facilitators=[make_facilitator("F1")]))
    assert len(assignment(plan, "N1").facilitators) == 1
    assert (plan.status, plan.objective) == ("optimal", plan.bound)


def test_a_plan_keeps_the_thinned_bound_when_the_every_start_pass_finds_none(monkeypatch):
    """Out of time before the every-start model has a bound: the thinned model's bound is
    reported, and the plan is not called optimal."""
    solve_whole = engine.solve_whole

    def out_of_time_with_every_start(instance, candidates, tracker, settings, starts_per_day):
        outcome, every_start = solve_whole(instance, candidates, tracker, settings,
                                           starts_per_day)
        return (replace(outcome, proven=False, bound=None) if starts_per_day is None
                else outcome), every_start

    monkeypatch.setattr(engine, "solve_whole", out_of_time_with_every_start)
    plan = solved(two_sites(needs=[flexible_need()], facilitators=[make_facilitator("F1")]))
    assert (plan.status, plan.bound) == ("feasible", plan.objective)
