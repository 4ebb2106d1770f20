"""Ids of a scenario: unique within their kind, and every reference pointing at one of them."""

from __future__ import annotations

from typing import Any

from pooling.i18n import N_
from pooling.interchange.fields import Fields, Problems, item_path, key_path, shown

KINDS = ("sites", "facilitators", "rooms", "equipment", "needs")
UNKNOWN_ID = {
    "sites": N_("no site has id {id}: use an id listed in $.sites"),
    "facilitators": N_("no facilitator has id {id}: use an id listed in $.facilitators"),
    "rooms": N_("no room has id {id}: use an id listed in $.rooms"),
    "equipment": N_("no equipment unit has id {id}: use an id listed in $.equipment"),
}


class Ids:
    """The ids declared in a document, by kind, read before the entities that refer to them."""

    def __init__(self, problems: Problems, top: Fields):
        self.problems = problems
        self.known: dict[str, set[str]] = {}
        for kind in KINDS:
            self.known[kind] = self._declared(top.at(kind), top.get(kind))

    def _declared(self, path: str, entities: Any) -> set[str]:
        """Every usable id of a list of entities; a second use of an id is a problem."""
        first_seen: dict[str, str] = {}
        for index, entity in enumerate(entities if isinstance(entities, list) else ()):
            ident = entity.get("id") if isinstance(entity, dict) else None
            if not isinstance(ident, str) or not ident.strip():
                continue
            where = item_path(path, index)
            if ident in first_seen:
                self.problems.add(key_path(where, "id"),
                                  N_("id {id} is already used by {other}: give each its own id"),
                                  id=shown(ident), other=first_seen[ident])
            else:
                first_seen[ident] = where
        return set(first_seen)

    def refer(self, where: str, kind: str, ident: str | None) -> None:
        """Note a problem when `ident` (already checked to be a string) names nothing."""
        if ident is not None and ident not in self.known[kind]:
            self.problems.add(where, UNKNOWN_ID[kind], id=shown(ident))

    def references(self, fields: Fields, key: str, kind: str) -> tuple[str, ...] | None:
        """A list of ids of `kind` at `key`; None when absent."""
        values = fields.strings(key)
        raw = fields.get(key)
        if values and isinstance(raw, list):
            for index, ident in enumerate(raw):
                if isinstance(ident, str) and ident.strip():
                    self.refer(item_path(fields.at(key), index), kind, ident)
        return values

