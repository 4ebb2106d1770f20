"""The forms of a site manager: a need (declared or edited), the needs sheet upload, and the
buttons that change the week (copy, delete)."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, FieldList, Form, FormField, RadioField, SelectField, StringField
from wtforms.validators import Length

from pooling.domain import WEEKDAYS, EquipmentRequest, StaffLine
from pooling.needs import NeedChoices, NeedRequest
from webui.form_fields import CheckboxesField, TimeOfDayField, WholeNumberField, options
from webui.text import date_text

STAFF_LINES = 3
EQUIPMENT_LINES = 3

WEEKDAY_LABELS = (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"),
                  _l("Saturday"), _l("Sunday"))
PRIORITY_LABELS = {"required": _l("Required"), "high": _l("High"), "normal": _l("Normal"),
                   "low": _l("Low")}
SCHEDULE_LABELS = {
    "once": _l("Once, on one date"),
    "weekly": _l("Every week, on the chosen weekdays"),
    "flexible": _l("At a flexible time: the rota picks the day and time within the window"),
}


class StaffLineForm(Form):
    skill = SelectField(_l("Skill"), validate_choice=False)
    level = SelectField(_l("Level"), choices=options([("1", "1"), ("2", "2"), ("3", "3")]),
                        validate_choice=False, default="1")
    count = WholeNumberField(_l("People"), default=1)


class EquipmentLineForm(Form):
    type = SelectField(_l("Equipment"), validate_choice=False)
    count = WholeNumberField(_l("Units"), default=1)


class NeedForm(FlaskForm):
    site = SelectField(_l("Site"), validate_choice=False)
    title = StringField(_l("Activity"), validators=[Length(max=200)])
    kind = StringField(_l("Kind of activity (optional)"), validators=[Length(max=100)])
    schedule = RadioField(_l("Kind of schedule"), choices=options(SCHEDULE_LABELS.items()),
                          default="once", validate_choice=False)
    date = SelectField(_l("Date"), validate_choice=False)
    weekdays = CheckboxesField(_l("Weekdays"),
                               choices=options(zip(WEEKDAYS, WEEKDAY_LABELS)))
    days = CheckboxesField(_l("Possible dates"))
    start = TimeOfDayField(_l("Start (or earliest start)"))
    end = TimeOfDayField(_l("End (or latest end)"))
    duration_minutes = WholeNumberField(_l("Duration in minutes (flexible time only)"))
    staff = FieldList(FormField(StaffLineForm), min_entries=STAFF_LINES,
                      max_entries=STAFF_LINES)
    attendees = WholeNumberField(_l("Expected attendees"), default=0)
    uses_room = BooleanField(_l("The activity needs a room"), default=True)
    room_features = CheckboxesField(_l("The room must have"))
    equipment = FieldList(FormField(EquipmentLineForm), min_entries=EQUIPMENT_LINES,
                          max_entries=EQUIPMENT_LINES)
    priority = SelectField(_l("Priority"), choices=options(PRIORITY_LABELS.items()),
                           default="normal", validate_choice=False)

    def offer(self, sites: list[tuple[str, str]], dates: list[date],
              choices: NeedChoices) -> None:
        """Fill the choice lists from the week: the person's sites, its dates, the network's
        skills, room features and equipment types."""
        self.site.choices = options(sites)
        labelled = [(day.isoformat(), date_text(day)) for day in dates]
        self.date.choices = options([("", _l("Choose a date"))] + labelled)
        self.days.choices = options(labelled)
        self.room_features.choices = options((f, f) for f in choices.features)
        for line in self.staff:
            line.form.skill.choices = options([("", _l("No one"))]
                                              + [(s, s) for s in choices.skills])
        for line in self.equipment:
            line.form.type.choices = options([("", _l("None"))]
                                             + [(t, t) for t in choices.equipment_types])

    def fill(self, request: NeedRequest) -> None:
        """Show an existing need (to edit it)."""
        self.site.data, self.title.data, self.kind.data = request.site, request.title, \
            request.kind or ""
        self.schedule.data = request.schedule
        self.date.data = request.date.isoformat() if request.date else ""
        self.days.data = [day.isoformat() for day in request.days]
        self.start.process_data(request.start)
        self.end.process_data(request.end)
        self.duration_minutes.process_data(request.duration_minutes)
        for line, value in zip(self.staff, request.staff):
            line.form.skill.data, line.form.level.data = value.skill, str(value.level)
            line.form.count.process_data(value.count)
        self.attendees.process_data(request.attendees)
        self.uses_room.data = request.uses_room
        self.room_features.data = list(request.room_features)
        for line, value in zip(self.equipment, request.equipment):
            line.form.type.data = value.type
            line.form.count.process_data(value.count)
        self.priority.data = request.priority

    def filled_lines(self) -> dict[str, list[int]]:
        """Which rows of the staff and equipment lists were filled, in order."""
        return {"staff": [i for i, line in enumerate(self.staff) if line.form.skill.data],
                "equipment": [i for i, line in enumerate(self.equipment)
                              if line.form.type.data]}

    def request(self) -> NeedRequest:
        """What was asked for, as the use case reads it (unreadable values left out)."""
        return NeedRequest(
            site=self.site.data or "", title=self.title.data or "",
            kind=(self.kind.data or "").strip() or None, schedule=self.schedule.data or "",
            date=iso_date(self.date.data), weekdays=tuple(self.weekdays.data or ()),
            days=tuple(d for d in map(iso_date, self.days.data or ()) if d is not None),
            start=self.start.data, end=self.end.data,
            duration_minutes=self.duration_minutes.data,
            staff=tuple(StaffLine(line.form.skill.data, int_or(line.form.level.data, 1),
                                  line.form.count.data if line.form.count.data is not None
                                  else 1)
                        for line in self.staff if line.form.skill.data),
            attendees=self.attendees.data or 0, uses_room=bool(self.uses_room.data),
            room_features=tuple(self.room_features.data or ()),
            equipment=tuple(EquipmentRequest(line.form.type.data,
                                             line.form.count.data
                                             if line.form.count.data is not None else 1)
                            for line in self.equipment if line.form.type.data),
            priority=self.priority.data or "")


def iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def int_or(text: str | None, default: int) -> int:
    return int(text) if text and text.isascii() and text.isdigit() else default


class UploadForm(FlaskForm):
    workbook = FileField(_l("Needs sheet (XLSX)"))


class ActionForm(FlaskForm):
    """A button that changes the week (copy, delete): only its CSRF token."""
