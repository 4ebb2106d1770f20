"""How much time a search has left, in seconds or in repeatable deterministic time."""

from __future__ import annotations

import time

DETERMINISTIC_RATE = 0.25
"""CP-SAT deterministic time per second of wall time, as measured on two shared cores."""


class Budget:
    """Time left: wall-clock seconds, or, when runs must be repeatable, CP-SAT deterministic
    time (the time limit converted at `DETERMINISTIC_RATE`, Python work charged at rates
    measured beforehand), so that the same input always takes the same path.

    Amounts are in the budget's own unit; a slice is a budget of its own whose spending also
    counts in its parent.
    """

    def __init__(self, seconds: float, deterministic: bool, parent: Budget | None = None):
        self.deterministic = deterministic
        self.rate = DETERMINISTIC_RATE if deterministic else 1.0
        self.total = seconds * self.rate
        self.parent = parent
        self.started = time.monotonic()
        self.spent = 0.0

    def elapsed(self) -> float:
        """Wall-clock seconds since the start (for reports)."""
        return time.monotonic() - self.started

    def remaining(self) -> float:
        used = self.spent if self.deterministic else self.elapsed()
        left = max(0.0, self.total - used)
        return min(left, self.parent.remaining()) if self.parent is not None else left

    def charge(self, deterministic_time: float) -> None:
        self.spent += deterministic_time
        if self.parent is not None:
            self.parent.charge(deterministic_time)

    def charge_python(self, seconds: float) -> None:
        """Count Python work (measured seconds) when time is deterministic; the clock already
        counts it otherwise."""
        if self.deterministic:
            self.charge(seconds * self.rate)

    def seconds_left(self) -> float:
        """What remains, in seconds (converted back from deterministic time when it is that)."""
        return self.remaining() / self.rate

    def slice(self, seconds: float) -> Budget:
        part = Budget(0.0, self.deterministic, self)
        part.total = min(seconds * self.rate, self.remaining())
        return part

    def share(self, fraction: float) -> Budget:
        """A slice of this fraction of what remains."""
        return self.slice(self.seconds_left() * fraction)

    def at_least(self, seconds: float) -> Budget:
        """A slice of `seconds`, or a budget of its own when less is left: for work that a
        valid plan cannot do without."""
        if self.remaining() >= seconds * self.rate:
            return self.slice(seconds)
        return Budget(seconds, self.deterministic)

    def deadline(self, keep: float, step: float):
        """A check that turns true once only `keep` of the budget remains; each check costs
        `step` seconds of Python work."""
        def passed() -> bool:
            self.charge_python(step)
            return self.remaining() < keep
        return passed

    def limit(self, params, share: float = 1.0) -> None:
        if self.deterministic:
            params.max_deterministic_time = self.remaining() * share
        else:
            params.max_time_in_seconds = self.remaining() * share
