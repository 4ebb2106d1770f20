"""Every message of the coordinator's use cases has its French translation in the module's own
catalogue, with the same placeholders, and the catalogues hold nothing else."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from pooling.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("adjust", "resources", "rota_grid", "runs", "scenario_files")


def message_ids(module: str) -> set[str]:
    """The literal argument of every `N_(...)` call in `pooling/<module>.py`."""
    tree = ast.parse((ROOT / "pooling" / f"{module}.py").read_text(encoding="utf-8"))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("module", MODULES)
def test_each_message_is_translated_with_the_same_placeholders(module):
    own = json.loads((ROOT / "pooling" / "locale" / "fr" / f"{module}.json")
                     .read_text(encoding="utf-8"))
    assert set(own) == message_ids(module)
    for message in own:
        french = catalogue("fr")[message]
        assert french != message and placeholders(french) == placeholders(message), message
