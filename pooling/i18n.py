"""Translatable messages without a web framework.

Messages are written in English with `{name}` placeholders (the English text is the message id,
as in gettext). Each module that emits messages keeps its French catalogue in
`pooling/locale/fr/<module>.json` (`{"English id": "Texte français"}`), so that catalogues can
grow side by side without touching one shared file. `translate` falls back to English.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def N_(message: str) -> str:
    """Mark a message id for translation where it is defined; translated where it is shown."""
    return message


@cache
def catalogue(language: str) -> dict[str, str]:
    """Every message of `language` merged from its catalogue files."""
    merged: dict[str, str] = {}
    if language == "en":
        return merged
    folder = resources.files("pooling") / "locale" / language
    if not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def translate(message: str, language: str = "en", **params: Any) -> str:
    """The message in `language` (English when no translation exists), placeholders filled."""
    text = catalogue(language).get(message, message)
    return text.format(**params) if params else text
