"""The XLSX workbook and the CSV folder hold a scenario without loss, and look the part."""

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import (make_equipment, make_facilitator, make_need, make_network, make_room,
                       make_scenario, make_site)
from pooling.domain import (PRIORITIES, SLOT_SIZES, WEEKDAYS, DayPeriod, Equipment,
                            EquipmentRequest, Facilitator, Need, Network, Pin, Room, RoomRequest,
                            Scenario, Site, StaffLine, WeeklyMinutes, Window)
from pooling.spreadsheets import read_csv_folder, read_xlsx, write_csv_folder, write_xlsx
from pooling.spreadsheets.columns import NETWORK_FIELDS, SHEETS


def rich_scenario() -> Scenario:
    """Every optional field, both kinds of time, pins, extras, and names the grammar must quote."""
    return make_scenario(
        network=make_network(name="Réseau « Val », test", days=14, slot_minutes=30,
                             timezone="Europe/Paris", extra={"source": "tableur", "n": [1, 2.5]}),
        sites=[make_site("007", commune="Guéret", lat=46.171967, lon=1.869143, pool_share=1.5,
                         extra={"siret": "123"}),
               make_site("S 2", name="  La Fabrique, atelier", pool_share=0.0),
               make_site("S;3", name='"Le Lab"')],
        travel_minutes={("007", "S 2"): 25, ("S 2", "007"): 25, ("007", "S;3"): 40,
                        ("S 2", "S;3"): 15, ("S;3", "S;3"): 0},
        skills=("accueil", "mediation_numerique", "fab lab"),
        facilitators=[
            make_facilitator("F1", name="Camille", home_site="007",
                             skills={"accueil": 2, "mediation_numerique": 3},
                             availability=[("mon", "09:00", "12:30"), ("mon", "14:00", "17:00"),
                                           ("tue", "09:00", "17:00"), ("2026-03-05", "09:00",
                                                                       "12:00")],
                             unavailable=["2026-03-03", ("2026-03-04", "14:00", None),
                                          ("2026-03-06", None, "10:00"),
                                          ("fri", "08:00", "10:00")],
                             avoid=[("fri", "16:00", "18:00")], sites=["007", "S 2"],
                             weekly_minutes={"min": 600, "target": 1200, "max": 2100},
                             max_daily_minutes=480, max_days_per_week=5,
                             max_daily_travel_minutes=90, extra={"role": "coordinatrice"}),
            make_facilitator("F2", home_site="S 2", skills={}, availability=[], sites=[]),
            make_facilitator("F3", home_site="S;3", skills={"fab lab": 1}),
        ],
        rooms=[make_room("R1", site="007", capacity=12, features=["ecran", "accès PMR"],
                         availability=[("mon", "09:00", "18:00"), ("2026-03-07", "10:00",
                                                                   "12:00")],
                         extra={"étage": 1}),
               make_room("R2", site="S 2", availability=[]),
               make_room("R3", site="S;3")],
        equipment=[make_equipment("E1", type="malle_tablettes", name="Malle n°1",
                                  home_site="007", mobile=False,
                                  unavailable=["2026-03-03", ("wed", "14:00", None)],
                                  extra={"inventaire": "A-12"}),
                   make_equipment("E2", type="videoprojecteur", home_site="S 2")],
        needs=[
            make_need("N1", site="007", kind="atelier", date="2026-03-03", start="14:00",
                      end="17:00", staff=[("mediation_numerique", 2, 2), "accueil"],
                      attendees=10, room={"features": ["ecran"], "at": ["007", "S 2"]},
                      equipment=[("malle_tablettes", 1), ("videoprojecteur", 2)],
                      priority="high", preferred_facilitators=["F1"],
                      pinned={"facilitators": ["F1"], "room": "R1", "equipment": ["E1"],
                              "date": "2026-03-03", "start": "14:00"},
                      extra={"public": "seniors"}),
            make_need("N2", site="S 2", days=["2026-03-04", "2026-03-11"], window_start="09:00",
                      window_end="18:00", duration_minutes=120, staff=[], room=None,
                      priority="low", window_extra={"souple": True}),
            make_need("N3", site="S;3", pinned={}, staff=[("fab lab", 1, 1)], priority="required",
                      room={"at": ["S;3"]}),
        ],
        extra={"export": "2026-02-20"},
    )


@pytest.fixture(scope="module")
def rich():
    return rich_scenario()


def test_the_rich_scenario_survives_the_workbook(rich, tmp_path):
    write_xlsx(rich, tmp_path / "scenario.xlsx")
    assert read_xlsx(tmp_path / "scenario.xlsx") == rich


def test_the_rich_scenario_survives_the_csv_folder(rich, tmp_path):
    write_csv_folder(rich, tmp_path / "scenario")
    assert read_csv_folder(tmp_path / "scenario") == rich


def test_the_workbook_shows_readable_cells(rich, tmp_path):
    write_xlsx(rich, tmp_path / "scenario.xlsx")
    book = openpyxl.load_workbook(tmp_path / "scenario.xlsx")
    people = rows_by_id(book["facilitators"])
    assert people["F1"]["availability"] == ("mon 09:00-12:30 14:00-17:00; tue 09:00-17:00; "
                                            "2026-03-05 09:00-12:00")
    assert people["F1"]["unavailable"] == ("2026-03-03; 2026-03-04 from 14:00; "
                                           "2026-03-06 until 10:00; fri 08:00-10:00")
    assert people["F1"]["skills"] == "accueil:2, mediation_numerique:3"
    assert people["F1"]["weekly_minutes_target"] == 1200
    assert (people["F2"]["skills"], people["F2"]["availability"], people["F2"]["sites"]) == (
        "-", "-", "-")
    assert people["F3"]["sites"] is None
    needs = rows_by_id(book["needs"])
    assert needs["N1"]["staff"] == "mediation_numerique>=2 x2; accueil"
    assert needs["N1"]["equipment"] == "malle_tablettes, videoprojecteur x2"
    assert (needs["N1"]["room"], needs["N1"]["room_at"]) == ("yes", "007, S 2")
    assert (needs["N2"]["room"], needs["N2"]["days"]) == ("no", "2026-03-04, 2026-03-11")
    assert needs["N2"]["window_extra"] == '{"souple": true}'
    assert (needs["N3"]["pinned"], needs["N3"]["pinned_room"]) == ("yes", None)
    sites = rows_by_id(book["sites"])
    assert sites["S 2"]["name"] == '"  La Fabrique, atelier"'
    assert sites["007"]["lat"] == 46.171967


def test_the_network_sheet_has_one_row_per_field(rich, tmp_path):
    write_xlsx(rich, tmp_path / "scenario.xlsx")
    rows = book_rows(tmp_path / "scenario.xlsx", "network")
    assert [(row["field"], row["value"]) for row in rows] == [
        ("format", "pooling-scenario/1"), ("name", "Réseau « Val », test"),
        ("week_start", "2026-03-02"), ("days", 14), ("slot_minutes", 30),
        ("timezone", "Europe/Paris"), ("extra", '{"source": "tableur", "n": [1, 2.5]}'),
        ("scenario_extra", '{"export": "2026-02-20"}')]


def rows_by_id(sheet) -> dict[str, dict]:
    header = [cell.value for cell in sheet[1]]
    return {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_the_workbook_has_a_frozen_bold_header_and_sized_columns(rich, tmp_path):
    write_xlsx(rich, tmp_path / "scenario.xlsx")
    book = openpyxl.load_workbook(tmp_path / "scenario.xlsx")
    assert book.sheetnames == ["lisez-moi", "network", "sites", "travel", "skills",
                               "facilitators", "rooms", "equipment", "needs"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    facilitators = book["facilitators"]
    assert facilitators.column_dimensions["E"].width > facilitators.column_dimensions["A"].width


def test_the_read_me_documents_every_column_in_french_and_english(rich, tmp_path):
    write_xlsx(rich, tmp_path / "scenario.xlsx")
    readme = book_rows(tmp_path / "scenario.xlsx", "lisez-moi")
    documented = {(row["sheet"], row["column"]) for row in readme}
    for sheet in SHEETS:
        columns = NETWORK_FIELDS if sheet.name == "network" else sheet.columns
        assert {(sheet.name, column.name) for column in columns} <= documented
    assert all(row["français"] and row["english"] for row in readme)


def test_the_documentation_names_every_sheet_and_column():
    text = (Path(__file__).resolve().parents[1] / "docs" / "spreadsheets.md").read_text("utf-8")
    for sheet in SHEETS:
        assert f"`{sheet.name}`" in text
        for column in NETWORK_FIELDS if sheet.name == "network" else sheet.columns:
            assert f"`{column.name}`" in text, column.name


def book_rows(path, sheet_name) -> list[dict]:
    sheet = openpyxl.load_workbook(path)[sheet_name]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_nested_extras_get_columns_only_when_used(tmp_path):
    write_xlsx(make_scenario(), tmp_path / "plain.xlsx")
    header = [cell.value for cell in openpyxl.load_workbook(tmp_path / "plain.xlsx")["needs"][1]]
    assert "extra" in header and "window_extra" not in header and "pinned_extra" not in header


def test_a_scenario_without_a_skills_list_has_no_skills_sheet_or_file(tmp_path):
    scenario = make_scenario()
    write_csv_folder(rich_scenario(), tmp_path / "folder")
    write_csv_folder(scenario, tmp_path / "folder")
    assert not (tmp_path / "folder" / "skills.csv").exists()
    assert read_csv_folder(tmp_path / "folder") == scenario
    write_xlsx(scenario, tmp_path / "plain.xlsx")
    assert "skills" not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames


def test_an_empty_skills_sheet_means_no_skill_may_be_used(tmp_path):
    scenario = make_scenario(skills=(), facilitators=[make_facilitator(skills={})],
                             needs=[make_need(staff=[])])
    write_xlsx(scenario, tmp_path / "none.xlsx")
    assert read_xlsx(tmp_path / "none.xlsx").skills == ()


def test_csv_files_are_utf8_with_a_byte_order_mark(rich, tmp_path):
    write_csv_folder(rich, tmp_path / "folder")
    raw = (tmp_path / "folder" / "network.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert "Réseau « Val », test" in raw.decode("utf-8-sig")
    assert {path.name for path in (tmp_path / "folder").iterdir()} == {
        f"{name}.csv" for name in ("lisez-moi", "network", "sites", "travel", "skills",
                                   "facilitators", "rooms", "equipment", "needs")}


def test_csv_files_saved_by_french_excel_with_semicolons_are_read(rich, tmp_path):
    folder = tmp_path / "folder"
    write_csv_folder(rich, folder)
    for path in folder.glob("*.csv"):
        parsed = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(parsed)
        path.write_bytes(out.getvalue().encode("utf-8"))
    assert read_csv_folder(folder) == rich


def test_numbers_dates_and_times_typed_as_such_in_excel_are_accepted(tmp_path):
    scenario = make_scenario(needs=[make_need(date="2026-03-03", start="14:00", end="17:00",
                                              attendees=7)])
    path = tmp_path / "typed.xlsx"
    write_xlsx(scenario, path)
    book = openpyxl.load_workbook(path)
    sheet = book["needs"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(2, header.index("date") + 1).value = datetime(2026, 3, 3)
    sheet.cell(2, header.index("start") + 1).value = time(14, 0)
    sheet.cell(2, header.index("attendees") + 1).value = 7.0
    days = next(row for row in book["network"].iter_rows() if row[0].value == "days")
    days[1].value = 7
    book.save(path)
    assert read_xlsx(path) == scenario


def test_ids_that_look_like_numbers_keep_their_zeros(tmp_path):
    scenario = make_scenario(sites=[make_site("007")], facilitators=[
        make_facilitator("0042", home_site="007")], rooms=[make_room("01", site="007")],
        needs=[make_need("1.50", site="007")])
    write_xlsx(scenario, tmp_path / "ids.xlsx")
    assert read_xlsx(tmp_path / "ids.xlsx") == scenario


def test_travel_minutes_past_excels_15_digits_are_written_exactly(tmp_path):
    """Excel keeps 15 significant digits: a longer whole number is written as its text."""
    scenario = make_scenario(sites=[make_site("S1"), make_site("S2")],
                             travel_minutes={("S1", "S2"): 2**53 + 1})
    write_xlsx(scenario, tmp_path / "travel.xlsx")
    assert read_xlsx(tmp_path / "travel.xlsx") == scenario


# --- any valid scenario -----------------------------------------------------------------------

idents = st.text(alphabet='aé 7,;:"=>x-', min_size=1, max_size=5).filter(str.strip)
"""Ids made of the characters the cell grammars give a meaning to."""
names = st.text(max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**18, 10**18)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner,
                                                                  max_size=2), max_leaves=4)
extras = st.none() | st.dictionaries(st.text(max_size=4), json_values, max_size=2)
WEEK_START = date(2026, 3, 2)


def some(draw, items, min_size=0) -> tuple:
    return tuple(draw(st.lists(st.sampled_from(items), min_size=min_size, unique=True))) \
        if items else ()


def span(draw, slot) -> tuple[int, int]:
    start = draw(st.integers(0, 24 * 60 // slot - 1)) * slot
    return start, draw(st.integers(start // slot + 1, 24 * 60 // slot)) * slot


def day_spec(draw) -> str:
    return draw(st.sampled_from(WEEKDAYS) | st.dates(date(2026, 1, 1), date(2026, 12, 31))
                .map(date.isoformat))


def windows(draw, slot) -> tuple[Window, ...]:
    return tuple(Window(day_spec(draw), *span(draw, slot))
                 for _ in range(draw(st.integers(0, 3))))


def periods(draw, slot) -> tuple[DayPeriod, ...]:
    found = []
    for _ in range(draw(st.integers(0, 2))):
        start, end = span(draw, slot)
        found.append(DayPeriod(day_spec(draw), draw(st.sampled_from([start, None])),
                               draw(st.sampled_from([end, None]))))
    return tuple(found)


@st.composite
def scenarios(draw) -> Scenario:
    slot = draw(st.sampled_from(SLOT_SIZES))
    network = Network(draw(names), WEEK_START, draw(st.integers(1, 14)), slot,
                      draw(names), extra=draw(extras))
    located = st.tuples(st.floats(-90, 90), st.floats(-180, 180))
    sites = tuple(Site(ident, draw(names), draw(st.none() | names),
                       *draw(located | st.just((None, None))), draw(st.floats(0, 1e6)),
                       extra=draw(extras))
                  for ident in draw(st.lists(idents, min_size=1, max_size=3, unique=True)))
    site_ids = [site.id for site in sites]
    travel = {}
    for i, a in enumerate(sites):
        for b in sites[i:]:
            if None in (a.lat, b.lat) or draw(st.booleans()):
                pair = draw(st.sampled_from([(a.id, b.id), (b.id, a.id)]))
                travel[pair] = 0 if a is b else draw(st.integers(0, 10**16))
    skills = draw(st.lists(idents, min_size=1, max_size=3, unique=True))
    facilitators = tuple(facilitator(draw, ident, slot, site_ids, skills)
                         for ident in draw(st.lists(idents, max_size=3, unique=True)))
    rooms = tuple(Room(ident, draw(st.sampled_from(site_ids)), draw(names),
                       draw(st.integers(0, 10**16)), some(draw, skills),
                       draw(st.none() | st.just(windows(draw, slot))), extra=draw(extras))
                  for ident in draw(st.lists(idents, max_size=3, unique=True)))
    units = tuple(Equipment(ident, draw(idents), draw(st.sampled_from(site_ids)),
                            draw(st.none() | names), draw(st.booleans()), periods(draw, slot),
                            extra=draw(extras))
                  for ident in draw(st.lists(idents, max_size=2, unique=True)))
    needs = tuple(need(draw, ident, network, site_ids, skills, facilitators, rooms, units)
                  for ident in draw(st.lists(idents, max_size=3, unique=True)))
    return Scenario(network, sites, facilitators, rooms, units, needs, travel,
                    draw(st.none() | st.just(tuple(skills))), extra=draw(extras))


def facilitator(draw, ident, slot, site_ids, skills) -> Facilitator:
    low, target, high = sorted(draw(st.lists(st.integers(0, 5000), min_size=3, max_size=3)))
    return Facilitator(
        ident, draw(names), draw(st.sampled_from(site_ids)),
        {skill: draw(st.integers(1, 3)) for skill in some(draw, skills)},
        windows(draw, slot), periods(draw, slot), windows(draw, slot),
        draw(st.none() | st.just(some(draw, site_ids))),
        WeeklyMinutes(low, draw(st.sampled_from([target, None])), high),
        draw(st.integers(0, 1440)), draw(st.integers(0, 7)), draw(st.none() | st.integers(0, 600)),
        extra=draw(extras))


def need(draw, ident, network, site_ids, skills, facilitators, rooms, units) -> Need:
    slot = network.slot_minutes
    start, end = span(draw, slot)
    if draw(st.booleans()):
        days = some(draw, network.dates, min_size=1)
        duration = draw(st.integers(1, (end - start) // slot)) * slot
        timing = {"days": days, "window_start": start, "window_end": end,
                  "duration_minutes": duration, "window_extra": draw(extras)}
        pin_start = draw(st.integers(start // slot, (end - duration) // slot)) * slot
    else:
        days = (draw(st.sampled_from(network.dates)),)
        timing = {"date": days[0], "start": start, "end": end}
        pin_start = start
    room = draw(st.none() | st.just(RoomRequest(
        some(draw, skills), draw(st.none() | st.just(some(draw, site_ids, min_size=1))))))
    room_ids = [r.id for r in rooms] if room is not None else []
    pinned = draw(st.none() | st.just(Pin(
        some(draw, [f.id for f in facilitators]),
        draw(st.none() | st.sampled_from(room_ids)) if room_ids else None,
        some(draw, [u.id for u in units]), draw(st.none() | st.sampled_from(days)),
        draw(st.sampled_from([pin_start, None])))))
    return Need(
        ident, draw(st.sampled_from(site_ids)), draw(names), draw(st.none() | names), **timing,
        staff=tuple(StaffLine(draw(st.sampled_from(skills)), draw(st.integers(1, 3)),
                              draw(st.integers(1, 3))) for _ in range(draw(st.integers(0, 2)))),
        attendees=draw(st.integers(0, 40)), room=room,
        equipment=tuple(EquipmentRequest(draw(idents), draw(st.integers(1, 3)))
                        for _ in range(draw(st.integers(0, 2)))),
        priority=draw(st.sampled_from(PRIORITIES)),
        preferred_facilitators=some(draw, [f.id for f in facilitators]),
        pinned=pinned, extra=draw(extras))


ROUND_TRIPS = settings(max_examples=25, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow,
                                              HealthCheck.function_scoped_fixture])


@ROUND_TRIPS
@given(scenarios())
def test_any_scenario_survives_the_workbook(tmp_path, scenario):
    write_xlsx(scenario, tmp_path / "scenario.xlsx")
    assert read_xlsx(tmp_path / "scenario.xlsx") == scenario


@ROUND_TRIPS
@given(scenarios())
def test_any_scenario_survives_the_csv_folder(tmp_path, scenario):
    write_csv_folder(scenario, tmp_path / "scenario")
    assert read_csv_folder(tmp_path / "scenario") == scenario
