"""A broken workbook or CSV folder yields every problem at once, each at its sheet, row and
column, in words a coordinator can act on (and in French)."""

import ast
import json
import string
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import make_facilitator, make_need, make_scenario, make_site
from pooling.errors import InvalidInput
from pooling.i18n import catalogue
from pooling.spreadsheets import read_csv_folder, read_xlsx, write_csv_folder, write_xlsx
from pooling.spreadsheets.reading import scenario_from_sheets
from pooling.spreadsheets.writing import sheets_from_scenario

ROOT = Path(__file__).resolve().parents[1]


def scenario():
    return make_scenario(
        sites=[make_site("S1", lat=46.1, lon=1.8), make_site("S2", lat=46.2, lon=1.9)],
        facilitators=[make_facilitator("F1"), make_facilitator("F2"), make_facilitator("F3")],
        needs=[make_need("N1"), make_need("N2"), make_need("N3", days=["2026-03-03"])])


def edit_workbook(path, edits: dict[tuple[str, int, str], object]) -> None:
    """Set cells named by (sheet, spreadsheet row, column name)."""
    book = openpyxl.load_workbook(path)
    for (sheet_name, row, column), value in edits.items():
        sheet = book[sheet_name]
        header = [cell.value for cell in sheet[1]]
        if column not in header:
            sheet.cell(1, len(header) + 1).value = column
            header.append(column)
        sheet.cell(row, header.index(column) + 1).value = value
    book.save(path)


def problems_of(read, path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read(path)
    return [problem.render() for problem in caught.value.problems]


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "scenario.xlsx"
    write_xlsx(scenario(), path)
    return path


def test_a_broken_workbook_reports_every_problem_at_its_cell(workbook):
    edit_workbook(workbook, {
        ("needs", 2, "start"): "25:00",
        ("needs", 3, "site"): "S9",
        ("facilitators", 2, "availability"): "lundi matin",
        ("facilitators", 4, "availability"): "mon 09:00-12:00 14:00",
    })
    assert problems_of(read_xlsx, workbook) == [
        "sheet facilitators, row 2, column availability: cannot read the times matin of mon: "
        "write ranges such as 09:00-12:30 14:00-17:00",
        "sheet facilitators, row 4, column availability: cannot read the times 09:00-12:00 "
        "14:00 of mon: write ranges such as 09:00-12:30 14:00-17:00",
        'sheet needs, row 2, column start: must be a time written HH:MM from 00:00 to 24:00, '
        'not "25:00"',
        'sheet needs, row 3, column site: no site has id "S9": use an id listed in $.sites',
    ]


def test_the_same_problems_name_the_file_of_a_csv_folder(tmp_path):
    folder = tmp_path / "folder"
    write_csv_folder(scenario(), folder)
    needs = folder / "needs.csv"
    needs.write_text(needs.read_text(encoding="utf-8-sig").replace("S1,Atelier N2",
                                                                   "S9,Atelier N2"),
                     encoding="utf-8")
    assert problems_of(read_csv_folder, folder) == [
        'file needs.csv, row 3, column site: no site has id "S9": use an id listed in $.sites']


def test_a_problem_inside_a_list_cell_names_the_item(workbook):
    edit_workbook(workbook, {("facilitators", 3, "availability"): "mon 09:00-10:00 11:10-12:00",
                             ("facilitators", 2, "skills"): "animation:2, accueil:5"})
    assert problems_of(read_xlsx, workbook) == [
        "sheet facilitators, row 2, column skills, item accueil: must be between 1 and 3, not 5",
        "sheet facilitators, row 3, column availability, item 2: time 11:10 is not on the "
        "15-minute grid: use 11:00 or 11:15",
    ]


def test_a_missing_value_is_shown_at_its_empty_cell(workbook):
    edit_workbook(workbook, {("needs", 4, "window_end"): None, ("sites", 2, "name"): None})
    assert problems_of(read_xlsx, workbook) == [
        "sheet sites, row 2, column name: missing required field name",
        "sheet needs, row 4, column window_end: missing required field end",
    ]


def test_a_problem_of_a_nested_object_names_its_columns(workbook):
    edit_workbook(workbook, {("needs", 4, "window_start"): "21:00",
                             ("needs", 4, "window_extra"): '{"note": 1}'})
    assert problems_of(read_xlsx, workbook)[0] == (
        "sheet needs, row 4, columns window_start, window_end: start 21:00 must be before end "
        "20:00")


def test_a_missing_sheet_is_reported_once(workbook):
    book = openpyxl.load_workbook(workbook)
    del book["needs"]
    book.save(workbook)
    assert problems_of(read_xlsx, workbook) == [
        "sheet needs: this sheet is missing: add it with the columns id, site, title, kind, "
        "date, start, end, days, window_start, window_end, duration_minutes, window_extra, "
        "staff, attendees, room, room_features, room_at, room_extra, equipment, priority, "
        "preferred_facilitators, pinned, pinned_facilitators, pinned_room, pinned_equipment, "
        "pinned_date, pinned_start, pinned_extra, extra"]


def test_missing_and_unknown_columns_are_reported_once_each(workbook):
    book = openpyxl.load_workbook(workbook)
    sheet = book["facilitators"]
    sheet.delete_cols([cell.value for cell in sheet[1]].index("home_site") + 1)
    sheet.cell(1, 30).value = "email"
    sheet.cell(2, 30).value = "camille@example.org"
    book.save(workbook)
    problems = problems_of(read_xlsx, workbook)
    assert problems[0].startswith("sheet facilitators, row 1, column email: unknown column "
                                  "email: the columns of this sheet are id, name, home_site,")
    assert problems[1:] == ["sheet facilitators, row 1: the column home_site is missing"]


def test_headers_forgive_case_and_spaces(tmp_path):
    path = tmp_path / "scenario.xlsx"
    write_xlsx(scenario(), path)
    book = openpyxl.load_workbook(path)
    for cell in book["needs"][1]:
        cell.value = f" {cell.value.replace('_', ' ').title()} "
    book.save(path)
    assert read_xlsx(path) == scenario()


@pytest.mark.parametrize("edits, expected", [
    ({("needs", 2, "extra"): "{note: 1}"},
     "sheet needs, row 2, column extra: cannot read this JSON text (Expecting property name "
     "enclosed in double quotes: line 1 column 2 (char 1)): write an object in braces, with its "
     "keys in double quotes"),
    ({("needs", 2, "room"): "no", ("needs", 2, "room_features"): "ecran"},
     "sheet needs, row 2, column room_features: this cell is filled but room says no: clear one "
     "of them"),
    ({("needs", 2, "attendees"): "douze"},
     "sheet needs, row 2, column attendees: expected a whole number, not douze"),
    ({("equipment", 2, "mobile"): "peut-être", ("equipment", 2, "id"): "E1",
      ("equipment", 2, "type"): "t", ("equipment", 2, "home_site"): "S1"},
     "sheet equipment, row 2, column mobile: expected yes or no, not peut-être"),
    ({("needs", 2, "staff"): "animation >= deux"},
     "sheet needs, row 2, column staff: cannot read the staff line animation >= deux: write a "
     "skill, then >= and a level, then x and a number of people, for example "
     "mediation_numerique>=2 x2; accueil"),
])
def test_unreadable_cells_are_reported_without_repeats(workbook, edits, expected):
    edit_workbook(workbook, edits)
    assert problems_of(read_xlsx, workbook) == [expected]


def test_network_fields_are_checked_one_per_row(workbook):
    book = openpyxl.load_workbook(workbook)
    sheet = book["network"]
    sheet.append(["days", 8])
    sheet.append(["weeks", 2])
    sheet.append([None, "orphan"])
    book.save(workbook)
    assert problems_of(read_xlsx, workbook) == [
        "sheet network, row 10, column field: the field days is already given in row 5: keep one",
        "sheet network, row 11, column field: unknown field weeks: did you mean week_start?",
        "sheet network, row 12, column field: a value without a field name: name its field or "
        "clear the row",
    ]


def test_travel_rows_must_be_whole_and_given_once(workbook):
    book = openpyxl.load_workbook(workbook)
    for row in (["S1", "S2", 20], ["S1", "S2", 25], ["S2", None, 5], ["S1", "S2", "vingt"]):
        book["travel"].append(row)
    book.save(workbook)
    assert problems_of(read_xlsx, workbook) == [
        "sheet travel, row 3: the travel time from S1 to S2 is already given in row 2: keep one",
        "sheet travel, row 4, column to: this cell is empty: fill it or clear the row",
        "sheet travel, row 5, column minutes: expected a whole number, not vingt",
        "sheet travel, row 5: the travel time from S1 to S2 is already given in row 2: keep one",
    ]


def test_a_file_that_is_not_a_workbook_is_a_problem(tmp_path):
    path = tmp_path / "scenario.xlsx"
    path.write_text("id,name\n", encoding="utf-8")
    [problem] = problems_of(read_xlsx, path)
    assert problem.startswith(f"{path}: cannot open this workbook: ")


def test_a_csv_file_saved_in_another_encoding_is_a_problem(tmp_path):
    folder = tmp_path / "folder"
    write_csv_folder(scenario(), folder)
    sites = folder / "sites.csv"
    sites.write_bytes(sites.read_text(encoding="utf-8-sig").replace("Tiers-lieu", "Café")
                      .encode("cp1252"))
    assert problems_of(read_csv_folder, folder) == [
        "file sites.csv: this file is not UTF-8 text: save it again as CSV UTF-8"]


def test_a_missing_folder_is_a_problem(tmp_path):
    assert problems_of(read_csv_folder, tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: no folder of CSV files here"]


def test_problems_render_in_french(workbook):
    edit_workbook(workbook, {("facilitators", 2, "availability"): "lundi matin",
                             ("needs", 3, "site"): "S9"})
    with pytest.raises(InvalidInput) as caught:
        read_xlsx(workbook)
    assert caught.value.render("fr").splitlines() == [
        "sheet facilitators, row 2, column availability: impossible de lire les heures matin "
        "de mon : écrivez des plages comme 09:00-12:30 14:00-17:00",
        "sheet needs, row 3, column site: " + catalogue("fr")[
            "no site has id {id}: use an id listed in $.sites"].format(id='"S9"'),
    ]


# --- the French catalogue ----------------------------------------------------------------------

MODULES = sorted((ROOT / "pooling" / "spreadsheets").glob("*.py")) + [ROOT / "pooling" /
                                                                      "loading.py"]


def message_ids() -> set[str]:
    """The literal argument of every `N_(...)` call in the spreadsheet and loading modules."""
    return {node.args[0].value
            for path in MODULES for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_a_french_translation_with_the_same_placeholders():
    own = json.loads((ROOT / "pooling" / "locale" / "fr" / "spreadsheets.json").read_text("utf-8"))
    assert set(own) == message_ids() and len(own) > 20
    for message, french in own.items():
        assert french != message and placeholders(french) == placeholders(message), message


# --- never a crash -----------------------------------------------------------------------------

def text_sheets(scenario) -> dict[str, list[list[str]]]:
    """The sheets of `scenario` as a CSV folder holds them: every cell as text."""
    return {name: [["" if value is None else str(value) for value in row] for row in rows]
            for name, rows in sheets_from_scenario(scenario).items()}


cell_texts = st.text(max_size=12) | st.sampled_from([
    "-", "no", "yes", "mon", "mon 09:00", "09:00-10:00", '"', '"a', "{}", "[]", "null", "7",
    "-1", "24:00", "2026-03-03", "x2", ">=", "S1", "F1", "R1", "animation:9", "1e999"])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_edited_cell_gives_a_scenario_or_problems_never_a_crash(data):
    sheets = text_sheets(scenario())
    for _ in range(data.draw(st.integers(1, 4))):
        name = data.draw(st.sampled_from(sorted(sheets)))
        rows = sheets[name]
        row = data.draw(st.integers(0, len(rows)))
        if row == len(rows):
            rows.append([""] * len(rows[0]))
        column = data.draw(st.integers(0, len(rows[0])))
        rows[row] += [""] * (column + 1 - len(rows[row]))
        rows[row][column] = data.draw(cell_texts)
    try:
        scenario_from_sheets(sheets, lambda name: f"sheet {name}")
    except InvalidInput as invalid:
        assert invalid.problems
        assert all(problem.where.startswith("sheet ") and problem.text("fr")
                   for problem in invalid.problems)
