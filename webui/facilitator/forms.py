"""The form of a facilitator's times: when they can work, their absences, what to avoid."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, SelectField, StringField

from pooling.availability import AvailabilityRequest
from pooling.domain import WEEKDAYS, DayPeriod, Facilitator
from webui.form_fields import TimeOfDayField, options
from webui.site_manager.forms import WEEKDAY_LABELS

BLANK_ROWS = 2
"""Empty rows offered under each list, to add entries without scripts."""
LISTS = ("availability", "unavailable", "avoid")


class WindowForm(Form):
    day = SelectField(_l("Day"), validate_choice=False)
    start = TimeOfDayField(_l("From"))
    end = TimeOfDayField(_l("To"))


class AbsenceForm(Form):
    day = StringField(_l("Date"))
    start = TimeOfDayField(_l("From (optional)"))
    end = TimeOfDayField(_l("Until (optional)"))


class TimesForm(FlaskForm):
    availability = FieldList(FormField(WindowForm))
    unavailable = FieldList(FormField(AbsenceForm))
    avoid = FieldList(FormField(WindowForm))

    def show(self, person: Facilitator) -> None:
        """The person's lists as stored, each followed by blank rows."""
        for name in LISTS:
            for entry in getattr(person, name):
                getattr(self, name).append_entry(
                    {"day": entry.day, "start": entry.start, "end": entry.end})
        self.add_blank_rows()

    def add_blank_rows(self) -> None:
        for name in LISTS:
            for _ in range(BLANK_ROWS):
                getattr(self, name).append_entry()

    def offer_days(self) -> None:
        """Weekdays, plus any dated day already in a row (kept as it was written)."""
        choices = [("", _l("Choose a day"))] + list(zip(WEEKDAYS, WEEKDAY_LABELS))
        for name in ("availability", "avoid"):
            for row in getattr(self, name):
                day = row.form.day.data
                extra = [(day, day)] if day and day not in WEEKDAYS else []
                row.form.day.choices = options(choices + extra)

    def filled(self) -> dict[str, list[int]]:
        """Rows holding anything, per list, in order (blank rows are left out)."""
        return {name: [index for index, row in enumerate(getattr(self, name))
                       if any(is_given(field) for field in row.form)]
                for name in LISTS}

    def request(self) -> AvailabilityRequest:
        filled = self.filled()

        def rows(name: str):
            return [getattr(self, name)[index].form for index in filled[name]]

        return AvailabilityRequest(**{
            name: tuple(DayPeriod(row.day.data or "", row.start.data, row.end.data)
                        for row in rows(name))
            for name in LISTS})


def is_given(field) -> bool:
    """Something was typed (a time that could not be read counts: it has its message)."""
    return bool(getattr(field, "raw", None) or (field.data not in (None, "")))


def is_date(text: str | None) -> bool:
    try:
        date.fromisoformat(text or "")
    except ValueError:
        return False
    return True
