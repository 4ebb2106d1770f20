"""The readable text of spreadsheet cells: forgiving to read, canonical to write, and always read
back to the same value."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pooling.spreadsheets import cells
from pooling.spreadsheets.cells import CellError

hazardous = st.text(alphabet='ab é,;:"=>≥x×X-2 \t\\', min_size=1, max_size=8).filter(str.strip)
"""Names made of the characters the grammars give a meaning to."""


def test_availability_reads_days_with_several_ranges_and_dates():
    assert cells.WINDOWS.read("mon 09:00-12:30 14:00-17:00; tue 09:00-17:00; "
                              "2026-12-03 09:00-12:00") == [
        {"day": "mon", "start": "09:00", "end": "12:30"},
        {"day": "mon", "start": "14:00", "end": "17:00"},
        {"day": "tue", "start": "09:00", "end": "17:00"},
        {"day": "2026-12-03", "start": "09:00", "end": "12:00"},
    ]


def test_availability_forgives_spaces_french_days_and_hours_written_with_h():
    text = "  Lundi  9h - 12h30 ,14:00–17:00;VEN. 8-10 ; 03/12/2026 9:00-9:30"
    assert cells.WINDOWS.read(text) == [
        {"day": "mon", "start": "09:00", "end": "12:30"},
        {"day": "mon", "start": "14:00", "end": "17:00"},
        {"day": "fri", "start": "08:00", "end": "10:00"},
        {"day": "2026-12-03", "start": "09:00", "end": "09:30"},
    ]


def test_availability_is_written_with_one_clause_per_run_of_the_same_day():
    windows = cells.WINDOWS.read("mon 09:00-12:30; mon 14:00-17:00; tue 09:00-10:00; "
                                 "mon 18:00-19:00")
    assert cells.WINDOWS.write(windows) == ("mon 09:00-12:30 14:00-17:00; tue 09:00-10:00; "
                                            "mon 18:00-19:00")


def test_a_dash_is_an_empty_list_and_an_empty_list_is_written_as_a_dash():
    assert cells.WINDOWS.read("-") == []
    assert cells.WINDOWS.write([]) == "-"
    assert cells.WORDS.read("-") == []
    assert cells.SKILL_LEVELS.write({}) == "-"


@pytest.mark.parametrize("text, message", [
    ("09:00-12:00", "does not start with a day"),
    ("mon", "has no times"),
    ("mon 09:00-12:00 14:00", "cannot read the times"),
    ("tue matin", "cannot read the times"),
])
def test_unreadable_availability_says_what_to_write(text, message):
    with pytest.raises(CellError) as caught:
        cells.WINDOWS.read(text)
    assert message in caught.value.message
    assert "{" in caught.value.message and caught.value.params


def test_unavailable_periods_read_whole_days_from_until_and_ranges():
    assert cells.PERIODS.read("2026-12-02; 2026-12-04 from 14:00; 2026-12-05 until 10:00; "
                              "fri 08:00-10:00 15:00-16:00; sam dès 9h jusqu'à 11h") == [
        {"day": "2026-12-02"},
        {"day": "2026-12-04", "start": "14:00"},
        {"day": "2026-12-05", "end": "10:00"},
        {"day": "fri", "start": "08:00", "end": "10:00"},
        {"day": "fri", "start": "15:00", "end": "16:00"},
        {"day": "sat", "start": "09:00", "end": "11:00"},
    ]


def test_unavailable_periods_are_written_in_the_documented_words():
    periods = [{"day": "2026-12-02"}, {"day": "2026-12-04", "start": "14:00"},
               {"day": "2026-12-05", "end": "10:00"},
               {"day": "fri", "start": "08:00", "end": "10:00"}]
    assert cells.PERIODS.write(periods) == ("2026-12-02; 2026-12-04 from 14:00; "
                                            "2026-12-05 until 10:00; fri 08:00-10:00")
    with pytest.raises(CellError):
        cells.PERIODS.read("fri after lunch")


def test_skill_levels_read_with_colons_equals_or_spaces():
    assert cells.SKILL_LEVELS.read("accueil:2, animation = 3; fab lab 1") == {
        "accueil": 2, "animation": 3, "fab lab": 1}
    assert cells.SKILL_LEVELS.write({"accueil": 2, "animation": 3}) == "accueil:2, animation:3"


@pytest.mark.parametrize("text, message", [
    ("accueil", "cannot read the skill"),
    ("accueil:2, accueil:3", "listed twice"),
])
def test_bad_skill_levels_are_refused(text, message):
    with pytest.raises(CellError) as caught:
        cells.SKILL_LEVELS.read(text)
    assert message in caught.value.message


def test_staff_lines_read_level_and_count():
    assert cells.STAFF.read("mediation_numerique>=2 x2; accueil; fab lab ≥ 3; box X3") == [
        {"skill": "mediation_numerique", "level": 2, "count": 2},
        {"skill": "accueil"},
        {"skill": "fab lab", "level": 3},
        {"skill": "box", "count": 3},
    ]
    assert cells.STAFF.write([{"skill": "mediation_numerique", "level": 2, "count": 2},
                              {"skill": "accueil", "level": 1, "count": 1}]) == (
        "mediation_numerique>=2 x2; accueil")
    with pytest.raises(CellError):
        cells.STAFF.read("accueil >= deux")


def test_equipment_requests_read_counts():
    assert cells.EQUIPMENT_REQUESTS.read("malle_tablettes x1, videoprojecteur, box x 3") == [
        {"type": "malle_tablettes", "count": 1}, {"type": "videoprojecteur"},
        {"type": "box", "count": 3}]
    assert cells.EQUIPMENT_REQUESTS.write([{"type": "malle_tablettes", "count": 2},
                                           {"type": "videoprojecteur", "count": 1}]) == (
        "malle_tablettes x2, videoprojecteur")


def test_names_that_the_grammar_would_misread_are_written_in_quotes():
    assert cells.WORDS.write(["Salle A, étage 2", " bord", "-", 'dit "oui"']) == (
        '"Salle A, étage 2", " bord", "-", dit "oui"')
    assert cells.STAFF.write([{"skill": "a1x2", "level": 1, "count": 1}]) == '"a1x2"'
    assert cells.SKILL_LEVELS.write({"7": 2, "a, b": 3}) == '7:2, "a, b":3'


@given(st.lists(hazardous, max_size=4))
def test_any_list_of_names_reads_back(words):
    assert cells.WORDS.read(cells.WORDS.write(words)) == words


@given(st.dictionaries(hazardous, st.integers(1, 3), max_size=3))
def test_any_skill_levels_read_back(levels):
    assert cells.SKILL_LEVELS.read(cells.SKILL_LEVELS.write(levels)) == levels


@given(st.lists(st.fixed_dictionaries({"skill": hazardous}, optional={
    "level": st.integers(2, 3), "count": st.integers(2, 9)}), max_size=3))
def test_any_staff_lines_read_back(lines):
    assert cells.STAFF.read(cells.STAFF.write(lines)) == lines


@given(st.lists(st.fixed_dictionaries({"type": hazardous}, optional={
    "count": st.integers(2, 9)}), max_size=3))
def test_any_equipment_requests_read_back(requests):
    assert cells.EQUIPMENT_REQUESTS.read(cells.EQUIPMENT_REQUESTS.write(requests)) == requests


@given(st.text())
def test_any_text_reads_back_and_never_starts_a_formula(text):
    written = cells.TEXT.write(text)
    assert cells.TEXT.read(written.strip()) == text
    assert not written.startswith("=") and written == written.strip()


@pytest.mark.parametrize("text, value", [
    ("7", 7), ("7.0", 7), ("12,00", 12), ("-3", -3),
])
def test_whole_numbers_accept_what_excel_gives_back(text, value):
    assert cells.INTEGER.read(text) == value


@pytest.mark.parametrize("text, value", [("48.11", 48.11), ("48,11", 48.11), ("2", 2),
                                         ("1e-5", 1e-5)])
def test_numbers_accept_a_french_decimal_comma(text, value):
    assert cells.NUMBER.read(text) == value


@pytest.mark.parametrize("codec, text", [(cells.INTEGER, "sept"), (cells.INTEGER, "7.5"),
                                         (cells.NUMBER, "nan"), (cells.NUMBER, "abc"),
                                         (cells.YES_NO, "peut-être")])
def test_unreadable_single_values_are_refused(codec, text):
    with pytest.raises(CellError):
        codec.read(text)


@given(st.integers(-10**20, 10**20) | st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_too_precise_for_a_spreadsheet_are_written_as_their_exact_text(number):
    written = cells.NUMBER.write(number)
    assert cells.NUMBER.read(str(written)) == number
    if isinstance(written, (int, float)):
        assert float(f"{written:.15g}") == number


@pytest.mark.parametrize("text, value", [
    ("2026-12-01", "2026-12-01"), ("2026-12-01 00:00:00", "2026-12-01"),
    ("1/12/2026", "2026-12-01"), ("2026-12-1", "2026-12-01"), ("le 1er", "le 1er"),
    ("31/02/2026", "31/02/2026"),
])
def test_dates_accept_excel_and_french_forms(text, value):
    assert cells.DATE.read(text) == value


@pytest.mark.parametrize("text, value", [
    ("09:00", "09:00"), ("9:00", "09:00"), ("9h", "09:00"), ("9h30", "09:30"),
    ("09:00:00", "09:00"), ("24:00", "24:00"), ("midi", "midi"), ("9h75", "9h75"),
])
def test_times_accept_excel_and_french_forms(text, value):
    assert cells.TIME_OF_DAY.read(text) == value


def test_yes_no_and_priorities_accept_french_words():
    assert [cells.YES_NO.read(t) for t in ("oui", "Non", "TRUE", "0")] == [True, False, True,
                                                                           False]
    assert [cells.PRIORITY.read(t) for t in ("Haute", "obligatoire", "low")] == [
        "high", "required", "low"]


def test_json_text_refuses_repeated_keys_and_non_numbers():
    assert cells.JSON.read('{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
    for text in ('{"a": 1, "a": 2}', '{"a": NaN}', "{a: 1}"):
        with pytest.raises(CellError):
            cells.JSON.read(text)


def test_an_unclosed_quote_is_reported():
    with pytest.raises(CellError) as caught:
        cells.WORDS.read('"Salle A, Salle B')
    assert "not closed" in caught.value.message
