"""Form fields that read what people type without English-only parse errors, and the placing
of a use case's problems under nested fields (`staff[0].skill`, `availability[2].end`).

Business rules live in `pooling`; these fields only turn text into values. A value that cannot
be read gets a translated message and is passed on as missing, so that the use case still
reports everything else at once.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, FieldList, FormField, SelectChoice, SelectMultipleField, StringField
from wtforms.widgets import CheckboxInput, ListWidget

from pooling.errors import InvalidInput
from webui.navigation import current_language

TIME_PATTERN = re.compile(r"\s*([01]?[0-9]|2[0-4])\s*[:hH]\s*([0-5][0-9])?\s*")


def minutes_of(text: str) -> int | None:
    """`14:30`, `9h30` or `9h` as minutes since midnight; None when it is not a time."""
    match = TIME_PATTERN.fullmatch(text)
    if not match:
        return None
    minutes = int(match.group(1)) * 60 + int(match.group(2) or 0)
    return minutes if minutes <= 24 * 60 else None


class TimeOfDayField(StringField):
    """A time of day as minutes since midnight (`data`); blank is None."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {"type": "time", "step": 300})
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        self.data = None
        self.raw = valuelist[0].strip() if valuelist else ""
        if self.raw:
            self.data = minutes_of(self.raw)
            if self.data is None:
                raise ValueError(_l("Give a time such as 14:30."))

    def process_data(self, value):
        self.data = value
        self.raw = "" if value is None else f"{value // 60:02d}:{value % 60:02d}"

    def _value(self):
        return self.raw


class WholeNumberField(StringField):
    """A whole number >= 0 (`data`); blank is `default`."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {"inputmode": "numeric", "type": "number", "min": 0})
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        self.raw = valuelist[0].strip() if valuelist else ""
        self.data = self.default
        if self.raw:
            if not self.raw.isascii() or not self.raw.isdigit():
                raise ValueError(_l("Give a whole number such as 12."))
            self.data = int(self.raw)

    def process_data(self, value):
        self.data = value
        self.raw = "" if value is None else str(value)

    def _value(self):
        return self.raw


def options(pairs) -> list[SelectChoice]:
    """Choices of a select, radio or checkbox list from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


class CheckboxesField(SelectMultipleField):
    """Several choices as a list of checkboxes; choices are checked by the use case."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("validate_choice", False)
        super().__init__(label, validators, **kwargs)


# --- problems of a use case under their fields ------------------------------------------------

STEP = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]|\.")


def field_at(form: FlaskForm, where: str) -> Field | None:
    """The field a problem names (`staff[0].skill`), or None when the form has no such field."""
    node: object = form
    position = 0
    while position < len(where):
        match = STEP.match(where, position)
        if match is None:
            return None
        name, index = match.groups()
        if name is not None:
            fields = getattr(node.form if isinstance(node, FormField) else node, "_fields", {})
            node = fields.get(name)
        elif index is not None:
            entries = getattr(node, "entries", [])
            node = entries[int(index)] if int(index) < len(entries) else None
        if node is None:
            return None
        position = match.end()
    return node if isinstance(node, Field) and not isinstance(node, (FieldList, FormField)) \
        else None


ROW = re.compile(r"^(\w+)\[(\d+)\]")


def renumbered(error: InvalidInput, filled: dict[str, list[int]]) -> InvalidInput:
    """The problems with `name[i]` naming the form's row: blank rows of a list are not sent to
    the use case, so its i-th entry is the i-th filled row (`filled[name]`)."""
    def row(match: re.Match) -> str:
        rows = filled.get(match.group(1))
        index = int(match.group(2))
        if rows is None or index >= len(rows):
            return match.group(0)
        return f"{match.group(1)}[{rows[index]}]"

    return InvalidInput([replace(problem, where=ROW.sub(row, problem.where, count=1))
                         for problem in error.problems])


def show_problems(form: FlaskForm, error: InvalidInput) -> None:
    """Each problem under the field it names; a problem of the whole form (empty place) or of
    no field of the form goes above the form, its place in front when it has one."""
    language = current_language()
    for problem in error.problems:
        field = field_at(form, problem.where) if problem.where else None
        if field is not None:
            if problem.text(language) not in field.errors:
                field.errors = [*field.errors, problem.text(language)]
        elif problem.where:
            form.form_errors.append(problem.render(language))
        else:
            form.form_errors.append(problem.text(language))
