"""The solver's output: placements, unplaced tasks with their reasons, and what was paid."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["optimal", "feasible", "unknown"]


@dataclass(frozen=True)
class Placement:
    """A task served: when, where, by whom and with what (indexes into the instance)."""

    task: int
    day: int
    start: int
    end: int
    site: int
    room: int | None
    persons: tuple[int, ...]
    units: tuple[int, ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why a task is unmet: an English message id with `{placeholders}` and their values."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)


@dataclass(frozen=True)
class Unplaced:
    task: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Progress:
    """One improving solution, as the CLI's progress bar and the web UI show it."""

    elapsed: float
    phase: str
    """"greedy", "coverage <priority>", "soft" or "neighbourhoods"."""
    objective: float | None
    bound: float | None
    met_by_priority: tuple[int, ...]
    total_by_priority: tuple[int, ...]

    @property
    def met(self) -> int:
        return sum(self.met_by_priority)

    @property
    def total(self) -> int:
        return sum(self.total_by_priority)


@dataclass(frozen=True)
class Solution:
    status: Status
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    objective: float | None
    bound: float | None
    kpis: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds to the first plan, to the final coverage, in total."""
