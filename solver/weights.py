"""The documented weights of the soft objectives, in points.

Coverage is not weighted: it is optimised first, priority level by priority level, and each
level's best count is then kept as a constraint (a higher priority need is never dropped to
meet any number of lower ones). What remains is one weighted sum, in points:

| term | unit | points |
|---|---|---|
| stability (re-planning) | each previous facilitator, room or unit not kept, or time moved | 10000 |
| travel | minute of day travel (commute included) | 6 |
| contract shortfall | minute below `weekly_minutes.min`, per person and week | 4 |
| contract target | minute away from `weekly_minutes.target`, per person and week | 1 |
| avoid | minute worked inside an `avoid` window | 2 |
| preferred | met need served by none of its preferred facilitators | 120 |
| unmet fairness | minute of unmet need away from the site's share of declared minutes | 2 |
| pooled fairness | minute pooled to a site away from its share of `pool_share` | 1 |
| understaffing | facilitator missing below a weighted staff line's count | its `under_weight` |
| overstaffing | facilitator beyond a weighted staff line's count | its `over_weight` |
| work requests | rostering request to work not kept | its `weight` |
| off requests | rostering request not to work not kept | its `weight` |

Stability outweighs any travel one change could save (10000 points is 1667 travel minutes).
A minute of travel costs more than the contract minutes it could fill (shortfall 4 plus target
1): travel between places of work is worked time, and with a cheaper travel the plan would send
people across the network to pad their hours (and the model's bound would fall apart);
fairness shares are whole percent, so its deviation is counted in hundredths of a minute.
The rostering terms (extension "rostering rules") are counted in the scenario's own weights,
one point per unit of weight. The model's integer objective is the points times `SCALE`.
"""

from __future__ import annotations

STABILITY = 10000
TRAVEL = 6
SHORTFALL = 4
TARGET = 1
AVOID = 2
NOT_PREFERRED = 120
UNMET_FAIRNESS = 2
POOLED_FAIRNESS = 1

SCALE = 100
"""Model units per point; fairness deviations are already in hundredths of a minute."""

TERMS: dict[str, tuple[int, str]] = {
    "stability": (STABILITY, "changes"),
    "travel": (TRAVEL, "minutes"),
    "contract_shortfall": (SHORTFALL, "minutes"),
    "contract_target": (TARGET, "minutes"),
    "avoid": (AVOID, "minutes"),
    "not_preferred": (NOT_PREFERRED, "needs"),
    "unmet_fairness": (UNMET_FAIRNESS, "minutes"),
    "pooled_fairness": (POOLED_FAIRNESS, "minutes"),
    "understaffing": (1, "weight"),
    "overstaffing": (1, "weight"),
    "work_requests": (1, "weight"),
    "off_requests": (1, "weight"),
}
"""Term name -> (points per unit, unit), as the plan's KPIs show them."""

FAIRNESS_TERMS = ("unmet_fairness", "pooled_fairness")
"""Terms measured in hundredths of their unit, so weighed without `SCALE`."""


def model_weight(term: str) -> int:
    """The model's integer coefficient of one unit of a term (one hundredth for fairness)."""
    points = TERMS[term][0]
    return points if term in FAIRNESS_TERMS else points * SCALE
