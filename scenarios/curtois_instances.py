"""The Curtois & Qu nurse rostering instances 1-24, read as their own model.

The files and their model are described in `shared/data/curtois/FORMAT.md` (sections, fields,
hard and soft constraints). This module only reads them: `scenarios/curtois.py` turns an
instance into a Pooling scenario, `scenarios/curtois_check.py` checks a roster against it.
Bad files never crash: every problem is reported at its line, all at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pooling.errors import InvalidInput, Problem
from pooling.i18n import N_

DIRECTORY_VARIABLE = "POOLING_CURTOIS_DIR"
INSTANCE_NUMBERS = tuple(range(1, 25))
SECTIONS = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_DAYS_OFF",
            "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER")


@dataclass(frozen=True)
class ShiftType:
    id: str
    minutes: int
    forbidden_next: tuple[str, ...]
    """Shift types that may not be worked the day after this one."""


@dataclass(frozen=True)
class Employee:
    id: str
    max_shifts: dict[str, int]
    max_total_minutes: int
    min_total_minutes: int
    max_consecutive_shifts: int
    min_consecutive_shifts: int
    min_consecutive_days_off: int
    max_weekends: int
    days_off: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ShiftRequest:
    employee: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True)
class Cover:
    day: int
    shift: str
    requirement: int
    under_weight: int
    over_weight: int


@dataclass(frozen=True)
class Instance:
    name: str
    horizon: int
    """Days; day 0 is a Monday."""
    shifts: tuple[ShiftType, ...]
    employees: tuple[Employee, ...]
    on_requests: tuple[ShiftRequest, ...]
    off_requests: tuple[ShiftRequest, ...]
    cover: tuple[Cover, ...]

    @property
    def weeks(self) -> int:
        return -(-self.horizon // 7)

    @property
    def shift_by_id(self) -> dict[str, ShiftType]:
        return {shift.id: shift for shift in self.shifts}


Roster = Mapping[str, Mapping[int, str | None] | Sequence[str | None]]
"""Employee id -> day -> shift id or None (a day off); a sequence is indexed by day."""
Worked = tuple[str, int, str]
"""One shift worked: employee, day, shift id (the `x[i, d, t] = 1` of the model)."""


def curtois_dir() -> Path:
    """The folder of the instance files: `$POOLING_CURTOIS_DIR`, else `shared/data/curtois`
    beside the repository (as CI and the workspace lay them out)."""
    given = os.environ.get(DIRECTORY_VARIABLE)
    return Path(given) if given else Path(__file__).parents[1].parent / "shared" / "data" / "curtois"


def instance_path(number: int) -> Path:
    return curtois_dir() / f"Instance{number}.txt"


def read_instance(path: Path | str) -> Instance:
    path = Path(path)
    return parse_instance(path.read_text(encoding="ascii", errors="replace"), path.stem)


@dataclass
class Reader:
    """The lines of one file, sorted into sections, with the problems found on the way."""

    name: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int | None, message: str, **params: object) -> None:
        """A problem at a line, or of the whole file when `line` is None."""
        where = self.name if line is None else f"{self.name}, line {line}"
        self.problems.append(Problem(where, message, params))

    def integer(self, line: int, text: str, low: int = 0) -> int | None:
        """A whole number at least `low` (`-0` reads as 0, as in Instance15)."""
        try:
            value = int(text)
        except ValueError:
            self.add(line, N_("{value} is not a whole number"), value=text)
            return None
        if value < low:
            self.add(line, N_("{value} is below {low}"), value=text, low=low)
            return None
        return value

    def fields(self, line: int, text: str, count: int) -> list[str] | None:
        found = text.split(",")
        if len(found) != count:
            self.add(line, N_("expected {count} fields separated by commas, not {found}"),
                     count=count, found=len(found))
            return None
        return found


def sections(reader: Reader, text: str) -> dict[str, list[tuple[int, str]]]:
    """`(line number, text)` of the data lines of each section; comments and blanks skipped."""
    found: dict[str, list[tuple[int, str]]] = {}
    current = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            if line not in SECTIONS:
                reader.add(number, N_("unknown section {section}: the sections are {sections}"),
                           section=line, sections=", ".join(SECTIONS))
                current = None
            elif line in found:
                reader.add(number, N_("section {section} is given twice"), section=line)
                current = None
            else:
                current = found.setdefault(line, [])
            continue
        if current is None:
            reader.add(number, N_("this line belongs to no section: put it under a SECTION_ "
                                  "line"))
        else:
            current.append((number, line))
    for name in SECTIONS:
        if name not in found:
            reader.add(None, N_("section {section} is missing"), section=name)
    return found


def parse_instance(text: str, name: str) -> Instance:
    """An instance from the text of its file; raises `InvalidInput` with every problem."""
    reader = Reader(name)
    found = sections(reader, text)
    horizon = read_horizon(reader, found.get("SECTION_HORIZON", []))
    shifts = read_shifts(reader, found.get("SECTION_SHIFTS", []))
    shift_ids = {shift.id for shift in shifts}
    employees = read_staff(reader, found.get("SECTION_STAFF", []), shift_ids)
    days_off = read_days_off(reader, found.get("SECTION_DAYS_OFF", []), employees, horizon)
    known = Known(reader, horizon, shift_ids, {e.id for e in employees})
    instance = Instance(
        name=name,
        horizon=horizon or 0,
        shifts=shifts,
        employees=tuple(replace(employee, days_off=days_off.get(employee.id, frozenset()))
                        for employee in employees),
        on_requests=read_requests(known, found.get("SECTION_SHIFT_ON_REQUESTS", [])),
        off_requests=read_requests(known, found.get("SECTION_SHIFT_OFF_REQUESTS", [])),
        cover=read_cover(known, found.get("SECTION_COVER", [])),
    )
    if reader.problems:
        raise InvalidInput(reader.problems)
    return instance


def read_horizon(reader: Reader, lines: list[tuple[int, str]]) -> int | None:
    if len(lines) != 1:
        reader.add(lines[1][0] if len(lines) > 1 else None,
                   N_("SECTION_HORIZON holds one whole number of days, not {count} lines"),
                   count=len(lines))
        return None
    return reader.integer(*lines[0], low=1)


def read_shifts(reader: Reader, lines: list[tuple[int, str]]) -> tuple[ShiftType, ...]:
    """`ShiftID,LengthMinutes,ForbiddenNext` with the forbidden shifts `|`-separated; a shift
    is kept even with an unreadable length (reported), so that the lines naming it are not
    reported too."""
    shifts: dict[str, ShiftType] = {}
    for number, line in lines:
        fields = reader.fields(number, line, 3)
        if fields is None:
            continue
        ident, length, forbidden = fields
        minutes = reader.integer(number, length, low=1)
        if check_new_id(reader, number, ident, shifts):
            shifts[ident] = ShiftType(ident, minutes or 0,
                                      tuple(filter(None, forbidden.split("|"))))
    numbers = dict(zip((line.split(",")[0] for _, line in lines), (n for n, _ in lines)))
    for shift in shifts.values():
        for other in shift.forbidden_next:
            if other not in shifts:
                reader.add(numbers[shift.id], N_("unknown shift {shift}: use one listed in "
                                                 "SECTION_SHIFTS"), shift=other)
    return tuple(shifts.values())


def check_new_id(reader: Reader, number: int, ident: str, known: Mapping[str, object]) -> bool:
    if not ident:
        reader.add(number, N_("the id is empty"))
        return False
    if ident in known:
        reader.add(number, N_("{id} is defined twice"), id=ident)
        return False
    return True


def read_staff(reader: Reader, lines: list[tuple[int, str]],
               shift_ids: set[str]) -> tuple[Employee, ...]:
    """Employees are kept even with an unreadable limit (reported), so that the lines naming
    them are not reported too."""
    employees: dict[str, Employee] = {}
    for number, line in lines:
        fields = reader.fields(number, line, 8)
        if fields is None:
            continue
        ident, max_shifts, *limits = fields
        numbers = [reader.integer(number, text) for text in limits]
        maxima = read_max_shifts(reader, number, max_shifts, shift_ids)
        if check_new_id(reader, number, ident, employees):
            employees[ident] = Employee(ident, maxima or {}, *(value or 0 for value in numbers))
    return tuple(employees.values())


def read_max_shifts(reader: Reader, number: int, text: str,
                    shift_ids: set[str]) -> dict[str, int] | None:
    """`E=14|L=14`: the most shifts of each type; 0 means never."""
    maxima: dict[str, int] = {}
    for item in filter(None, text.split("|")):
        shift, equals, limit = item.partition("=")
        if not equals:
            reader.add(number, N_("expected shift=number, not {value}"), value=item)
            return None
        if shift not in shift_ids:
            reader.add(number, N_("unknown shift {shift}: use one listed in SECTION_SHIFTS"),
                       shift=shift)
            return None
        value = reader.integer(number, limit)
        if value is None:
            return None
        maxima[shift] = value
    return maxima


@dataclass
class Known:
    """What a request or cover line may name."""

    reader: Reader
    horizon: int | None
    shifts: set[str]
    employees: set[str]

    def day(self, number: int, text: str) -> int | None:
        day = self.reader.integer(number, text)
        if day is not None and self.horizon is not None and day >= self.horizon:
            self.reader.add(number, N_("day {day} is outside the horizon, days 0 to {last}"),
                            day=day, last=self.horizon - 1)
            return None
        return day

    def name(self, number: int, ident: str, kind: str) -> bool:
        if kind == "shift" and ident not in self.shifts:
            self.reader.add(number, N_("unknown shift {shift}: use one listed in SECTION_SHIFTS"),
                            shift=ident)
            return False
        if kind == "employee" and ident not in self.employees:
            self.reader.add(number, N_("unknown employee {employee}: use one listed in "
                                       "SECTION_STAFF"), employee=ident)
            return False
        return True


def read_days_off(reader: Reader, lines: list[tuple[int, str]], employees: tuple[Employee, ...],
                  horizon: int | None) -> dict[str, frozenset[int]]:
    known = Known(reader, horizon, set(), {e.id for e in employees})
    days_off: dict[str, frozenset[int]] = {}
    for number, line in lines:
        ident, *days = line.split(",")
        if not known.name(number, ident, "employee"):
            continue
        if ident in days_off:
            reader.add(number, N_("{id} is defined twice"), id=ident)
            continue
        read = [known.day(number, text) for text in days if text]
        days_off[ident] = frozenset(day for day in read if day is not None)
    return days_off


def read_requests(known: Known, lines: list[tuple[int, str]]) -> tuple[ShiftRequest, ...]:
    requests = []
    for number, line in lines:
        fields = known.reader.fields(number, line, 4)
        if fields is None:
            continue
        employee, day_text, shift, weight_text = fields
        day, weight = known.day(number, day_text), known.reader.integer(number, weight_text)
        employee_known = known.name(number, employee, "employee")
        shift_known = known.name(number, shift, "shift")
        if employee_known and shift_known and None not in (day, weight):
            requests.append(ShiftRequest(employee, day, shift, weight))
    return tuple(requests)


def read_cover(known: Known, lines: list[tuple[int, str]]) -> tuple[Cover, ...]:
    cover: dict[tuple[int, str], Cover] = {}
    for number, line in lines:
        fields = known.reader.fields(number, line, 5)
        if fields is None:
            continue
        day_text, shift, *numbers = fields
        day = known.day(number, day_text)
        values = [known.reader.integer(number, text) for text in numbers]
        if not known.name(number, shift, "shift") or day is None or None in values:
            continue
        if (day, shift) in cover:
            known.reader.add(number, N_("the cover of day {day}, shift {shift} is given twice"),
                             day=day, shift=shift)
            continue
        cover[day, shift] = Cover(day, shift, *values)
    return tuple(cover.values())


def worked_shifts(instance: Instance, roster: Roster) -> tuple[Worked, ...]:
    """The shifts a roster gives; unknown employees, shifts or days are reported at once."""
    problems = []
    employees = {employee.id for employee in instance.employees}
    shifts = instance.shift_by_id
    worked = []
    for employee, days in roster.items():
        if employee not in employees:
            problems.append(Problem(f"roster, employee {employee}", N_(
                "unknown employee {employee}: use one listed in SECTION_STAFF"),
                {"employee": employee}))
            continue
        by_day = days.items() if isinstance(days, Mapping) else enumerate(days)
        for day, shift in by_day:
            if shift is None:
                continue
            where = f"roster, employee {employee}, day {day}"
            if not (isinstance(day, int) and 0 <= day < instance.horizon):
                problems.append(Problem(where, N_(
                    "day {day} is outside the horizon, days 0 to {last}"),
                    {"day": day, "last": instance.horizon - 1}))
            elif shift not in shifts:
                problems.append(Problem(where, N_(
                    "unknown shift {shift}: use one listed in SECTION_SHIFTS"), {"shift": shift}))
            else:
                worked.append((employee, day, shift))
    if problems:
        raise InvalidInput(problems)
    return tuple(worked)
