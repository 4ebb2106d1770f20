"""Any supported file to a scenario by what the path is, and back."""

import openpyxl
import pytest

from factories import make_scenario
from pooling.errors import InvalidInput
from pooling.loading import load_scenario, save_scenario


@pytest.mark.parametrize("target, fmt, is_folder", [
    ("scenario.json", None, False), ("SCENARIO.XLSX", None, False), ("dossier", None, True),
    ("export.data", "csv", True), ("export.xlsx", "xlsx", False),
])
def test_a_saved_scenario_loads_back_whatever_the_format(tmp_path, target, fmt, is_folder):
    scenario = make_scenario()
    path = tmp_path / target
    save_scenario(scenario, path, fmt)
    assert path.is_dir() == is_folder
    assert load_scenario(path) == scenario


def test_the_format_follows_the_suffix_unless_told(tmp_path):
    save_scenario(make_scenario(), tmp_path / "scenario.json")
    save_scenario(make_scenario(), tmp_path / "scenario.xlsx")
    save_scenario(make_scenario(), tmp_path / "export.txt", "json")
    assert (tmp_path / "scenario.json").read_text(encoding="utf-8").startswith("{")
    assert (tmp_path / "scenario.xlsx").read_bytes().startswith(b"PK")
    assert (tmp_path / "export.txt").read_text(encoding="utf-8") == (
        tmp_path / "scenario.json").read_text(encoding="utf-8")


def test_an_unsupported_file_is_a_clear_problem(tmp_path):
    path = tmp_path / "scenario.ods"
    path.write_bytes(b"")
    with pytest.raises(InvalidInput) as caught:
        load_scenario(path)
    assert caught.value.render() == (f"{path}: unsupported kind of file: give a .json file, "
                                     "a .xlsx workbook or a folder of CSV files")


def test_a_missing_path_is_a_clear_problem(tmp_path):
    with pytest.raises(InvalidInput) as caught:
        load_scenario(tmp_path / "absent.json")
    assert caught.value.render() == f"{tmp_path / 'absent.json'}: no file or folder at this path"


def test_saving_to_an_unknown_suffix_without_a_format_is_refused(tmp_path):
    with pytest.raises(InvalidInput):
        save_scenario(make_scenario(), tmp_path / "scenario.ods")
    assert not (tmp_path / "scenario.ods").exists()


def test_problems_of_a_loaded_workbook_come_with_their_cells(tmp_path):
    path = tmp_path / "scenario.xlsx"
    save_scenario(make_scenario(), path)
    book = openpyxl.load_workbook(path)
    book["needs"]["A2"].value = None
    book.save(path)
    with pytest.raises(InvalidInput) as caught:
        load_scenario(path)
    assert caught.value.render() == "sheet needs, row 2, column id: missing required field id"
