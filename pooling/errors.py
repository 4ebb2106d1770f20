"""Problems found in input, reported all at once with their place and what to fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pooling.i18n import translate


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    `where` names the place: a JSON path (`$.needs[3].start`) or a spreadsheet cell
    (`sheet needs, row 5, column start`). `message` is an English message id with `{name}`
    placeholders filled from `params`, translated when shown.
    """

    where: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        return translate(self.message, language, **self.params)

    def render(self, language: str = "en") -> str:
        return f"{self.where}: {self.text(language)}"


class InvalidInput(Exception):
    """Raised with every problem of an input; nothing has been written when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s):\n" + self.render("en"))

    def __reduce__(self):
        """Rebuilt from its problems, so that it crosses process boundaries (benchmarks)."""
        return InvalidInput, (self.problems,)

    def render(self, language: str = "en") -> str:
        return "\n".join(p.render(language) for p in self.problems)
