"""What the referee found: the hard rules a plan breaks, and the plan's KPIs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pooling.i18n import N_, translate

LINE = N_("rule {rule} [{ids}]: {text}")


@dataclass(frozen=True)
class Violation:
    """One broken hard rule: its number (spec §Hard rules), the ids involved, what is wrong.

    `message` is an English message id with `{name}` placeholders filled from `params`,
    translated when shown (as `pooling.errors.Problem`).
    """

    rule: int
    ids: tuple[str, ...]
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        return translate(self.message, language, **self.params)

    def line(self, language: str = "en") -> str:
        return translate(LINE, language, rule=self.rule, ids=", ".join(self.ids),
                         text=self.text(language))


@dataclass(frozen=True)
class Report:
    violations: list[Violation]
    kpis: dict[str, Any]

    @property
    def ok(self) -> bool:
        """True when the plan breaks no hard rule."""
        return not self.violations

    def lines(self, language: str = "en") -> list[str]:
        """One readable line per violation, in rule order."""
        return [violation.line(language) for violation in self.violations]
