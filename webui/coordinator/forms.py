"""The coordinator's forms. Fields only carry text: what it means and whether it is right is
decided by the use cases of `pooling`, whose problems `webui.forms.show_problems` places."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, Field, IntegerField, SelectField, SelectMultipleField,
                     StringField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange

from pooling.resources import form_columns
from pooling.runs import MAX_TIME_LIMIT
from pooling.spreadsheets import cells
from pooling.spreadsheets.columns import ROSTERING_COLUMNS, Column
from webui.coordinator.labels import COLUMN_LABELS, PRIORITY_LABELS

LONG_TEXT = ("availability", "unavailable", "avoid", "skills", "staff")
"""Columns whose text is a list of clauses: a text area rather than one line."""
SITE_COLUMNS = ("site", "home_site")
ROSTERING_FIELDS = frozenset(column.name for column in ROSTERING_COLUMNS)


def options(pairs) -> list[SelectChoice]:
    """(value, label) pairs as the choices of a select field."""
    return [SelectChoice(value, label) for value, label in pairs]


class ImportForm(FlaskForm):
    file = FileField(_l("Scenario file"),
                     validators=[FileRequired(_l("Choose the file to import."))],
                     render_kw={"accept": ".json,.xlsx,.zip"})


class SolveForm(FlaskForm):
    time_limit = IntegerField(
        _l("Time limit in seconds"), default=30,
        validators=[InputRequired(_l("Give a time limit in seconds.")),
                    NumberRange(1, int(MAX_TIME_LIMIT),
                                _l("Give a time limit between 1 and %(max)s seconds.",
                                   max=int(MAX_TIME_LIMIT)))],
        render_kw={"inputmode": "numeric", "min": 1, "max": int(MAX_TIME_LIMIT)})
    method = SelectField(_l("Method"), default="cpsat",
                         choices=options([("cpsat", _l("Best plan within the time limit")),
                                          ("greedy", _l("Quick first plan"))]))
    keep_pins = BooleanField(_l("Keep the assignments pinned by hand"), default=True)


class ActionForm(FlaskForm):
    """A button that sends nothing but its security token (publish, cancel, delete)."""


class AdjustForm(FlaskForm):
    facilitators = SelectMultipleField(_l("Facilitators"), validate_choice=False,
                                       render_kw={"size": 10})
    room = SelectField(_l("Room"), validate_choice=False)
    equipment = SelectMultipleField(_l("Equipment units"), validate_choice=False)
    date = SelectField(_l("Date"), validate_choice=False)
    start = StringField(_l("Start (HH:MM)"), render_kw={"inputmode": "numeric"})
    pin = BooleanField(_l("Pin this assignment, so that a re-solve keeps it"), default=True)


def column_field(column: Column, sites: list[tuple[str, str]], read_only: bool) -> Field:
    """One form field for a column of the workbook: a choice where the column has few values,
    else text in the sheet's grammar."""
    label = COLUMN_LABELS.get(column.name, column.name)
    if column.name in SITE_COLUMNS:
        return SelectField(label, validate_choice=False,
                           choices=options([("", "—"), *((code, f"{name} ({code})")
                                                         for code, name in sites)]))
    if column.codec is cells.PRIORITY:
        return SelectField(label, validate_choice=False,
                           choices=options([("", "—"), *PRIORITY_LABELS.items()]))
    if column.codec in (cells.YES_NO, cells.PRESENCE):
        return SelectField(label, validate_choice=False,
                           choices=options([("", "—"), ("yes", _l("yes")), ("no", _l("no"))]))
    if column.name in LONG_TEXT:
        return TextAreaField(label, render_kw={"rows": 3})
    return StringField(label, render_kw={"readonly": True} if read_only else None)


def resource_form(kind: str, sites: list[tuple[str, str]], editing: bool,
                  texts: dict[str, str] | None = None) -> FlaskForm:
    """The form of one object of `kind`, its fields named after the workbook's columns and
    filled with `texts` until it is sent; the id cannot change once the object exists."""

    class ResourceForm(FlaskForm):
        pass

    for column in form_columns(kind):
        setattr(ResourceForm, column.name,
                column_field(column, sites, editing and column.name == "id"))
    return ResourceForm(data=texts)


def field_groups(form: FlaskForm) -> tuple[list[Field], list[Field]]:
    """The fields of a resource form, then its rostering rules: few people have any, so the
    page shows them apart under their own heading."""
    fields = [field for name, field in form._fields.items() if name != "csrf_token"]
    return ([field for field in fields if field.name not in ROSTERING_FIELDS],
            [field for field in fields if field.name in ROSTERING_FIELDS])


def form_texts(form: FlaskForm) -> dict[str, str]:
    """What was typed in each field of a resource form."""
    return {name: (field.data or "") for name, field in form._fields.items()
            if name != "csrf_token"}
