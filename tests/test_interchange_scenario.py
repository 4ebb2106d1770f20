"""Reading and writing scenario documents (format v1): every problem at once, at its path."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pooling.domain import DayPeriod, RoomRequest, WeeklyMinutes, Window
from pooling.errors import InvalidInput
from pooling.interchange import (
    read_scenario_json, scenario_from_dict, scenario_to_dict, write_scenario_json,
)

FIXTURE = Path(__file__).parent / "data" / "interchange_scenario.json"


def document() -> dict:
    """A fresh copy of a valid scenario using most of the format (3 sites, 3 needs)."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def problems_of(doc) -> list[tuple[str, str]]:
    """Every `(where, English text)` reported for an invalid document, sorted."""
    with pytest.raises(InvalidInput) as caught:
        scenario_from_dict(doc)
    return sorted((p.where, p.text("en")) for p in caught.value.problems)


# --- valid documents ----------------------------------------------------------------------------

def test_fixture_reads_into_domain_values_with_defaults_applied():
    scenario = read_scenario_json(FIXTURE)
    camille, dominique = scenario.facilitators
    laser, permanence, visit = scenario.needs
    assert scenario.network.slot_minutes == 15 and scenario.network.timezone == "Europe/Paris"
    assert scenario.sites[1].pool_share == 2.0 and scenario.sites[0].pool_share == 1.0
    assert scenario.travel_minutes == {("jarnac", "cognac"): 20, ("jarnac", "angouleme"): 35,
                                       ("cognac", "jarnac"): 20}
    assert camille.availability[0] == Window("mon", 9 * 60, 17 * 60)
    assert camille.availability[1].extra == {"why": "atelier"}
    assert camille.unavailable == (DayPeriod("2026-12-03"), DayPeriod("fri", start=12 * 60))
    assert camille.sites == ("cognac", "jarnac") and dominique.sites is None
    assert dominique.weekly_minutes == WeeklyMinutes() and dominique.max_daily_minutes == 600
    assert laser.date == date(2026, 12, 1) and (laser.start, laser.end) == (540, 720)
    assert laser.room == RoomRequest(features=("laser",))
    assert permanence.is_flexible and permanence.days == (date(2026, 12, 2), date(2026, 12, 4))
    assert (permanence.window_start, permanence.window_end, permanence.length) == (540, 1080, 120)
    assert permanence.host_sites == ("angouleme", "cognac")
    assert visit.room is None and visit.priority == "low"
    assert visit.extra == {"source": "tableur", "ligne": 12}


def test_canonical_form_puts_format_first_and_writes_defaults_but_no_nulls():
    written = scenario_to_dict(scenario_from_dict(document()))
    assert next(iter(written)) == "format"
    assert written["network"]["timezone"] == "Europe/Paris"
    dominique = written["facilitators"][1]
    assert dominique["weekly_minutes"] == {"min": 0, "max": 2880}
    assert (dominique["unavailable"], dominique["avoid"]) == ([], [])
    assert "sites" not in dominique and "max_daily_travel_minutes" not in dominique
    laser, permanence, visit = written["needs"]
    assert laser["staff"] == [{"skill": "fabrication_numerique", "level": 2, "count": 1}]
    assert laser["room"] == {"features": ["laser"]} and "pinned" not in laser
    assert permanence["room"] == {"features": [], "at": ["angouleme", "cognac"]}
    assert "date" not in permanence and permanence["window"] == {"start": "09:00", "end": "18:00"}
    assert visit["room"] is None
    assert visit["pinned"] == {"facilitators": ["F1"], "equipment": []}


def test_extra_objects_are_kept_untouched_at_every_level():
    doc = document()
    doc["needs"][1]["window"]["extra"] = {"note": ["a", {"b": None}]}
    doc["needs"][0]["staff"][0]["extra"] = {"x": 1}
    doc["needs"][1]["pinned"]["extra"] = {"why": "élus"}
    doc["facilitators"][0]["weekly_minutes"]["extra"] = {"contrat": "CDI"}
    written = scenario_to_dict(scenario_from_dict(doc))
    assert written["extra"] == {"generated_by": "test"}
    assert written["sites"][2]["extra"] == {"note": "pas encore géolocalisé"}
    assert written["needs"][1]["window"]["extra"] == {"note": ["a", {"b": None}]}
    assert written["needs"][0]["staff"][0]["extra"] == {"x": 1}
    assert written["needs"][1]["pinned"]["extra"] == {"why": "élus"}
    assert written["facilitators"][0]["weekly_minutes"]["extra"] == {"contrat": "CDI"}
    assert written["facilitators"][0]["availability"][1]["extra"] == {"why": "atelier"}


def test_null_optional_fields_mean_absent_but_a_null_room_means_no_room():
    doc = document()
    doc["sites"][0].update(commune=None, pool_share=None)
    doc["facilitators"][0].update(sites=None, weekly_minutes=None, avoid=None)
    doc["needs"][0].update(room=None, priority=None, kind=None)
    del doc["needs"][2]["room"]
    scenario = scenario_from_dict(doc)
    assert scenario.sites[0].commune is None and scenario.sites[0].pool_share == 1.0
    camille = scenario.facilitators[0]
    assert camille.sites is None and camille.weekly_minutes == WeeklyMinutes()
    assert scenario.needs[0].room is None and scenario.needs[0].priority == "normal"
    assert scenario.needs[2].room == RoomRequest()


def test_json_file_round_trip_is_utf8_indented_and_unescaped(tmp_path):
    scenario = read_scenario_json(FIXTURE)
    target = tmp_path / "out.json"
    write_scenario_json(scenario, target)
    text = target.read_text(encoding="utf-8")
    assert "Angoulême" in text and '\n  "network": {' in text
    assert read_scenario_json(target) == scenario
    assert read_scenario_json(io.BytesIO(b"\xef\xbb\xbf" + text.encode())) == scenario


# --- one test per class of problem, each with several problems reported at once -------------------

def test_wrong_types_are_all_reported_with_their_paths():
    doc = document()
    doc["network"]["days"] = 7.0
    doc["sites"][0]["lat"] = "45.69"
    doc["rooms"][0]["capacity"] = True
    doc["equipment"][0]["mobile"] = "no"
    doc["needs"][0]["staff"] = {"skill": "fabrication_numerique"}
    doc["needs"][1]["attendees"] = 12.5
    doc["facilitators"][1]["name"] = 42
    assert problems_of(doc) == sorted([
        ("$.network.days", "must be an integer (like 7), not 7.0"),
        ("$.sites[0].lat", 'must be a number, not "45.69"'),
        ("$.rooms[0].capacity", "must be an integer (like 7), not true"),
        ("$.equipment[0].mobile", 'must be true or false, not "no"'),
        ("$.needs[0].staff", 'must be a list, not {"skill": "fabrication_numerique"}'),
        ("$.needs[1].attendees", "must be an integer (like 7), not 12.5"),
        ("$.facilitators[1].name", "must be a string, not 42"),
    ])


def test_format_required_fields_and_unknown_fields():
    doc = document()
    doc["format"] = "pooling-scenario/2"
    del doc["rooms"]
    del doc["facilitators"][0]["availability"]
    doc["sites"][1]["id"] = None
    doc["needs"][0]["colour"] = "rouge"
    doc["needs"][0]["titel"] = "typo"
    assert problems_of(doc) == sorted([
        ("$.format", 'must be "pooling-scenario/1", not "pooling-scenario/2"'),
        ("$", "missing required field rooms"),
        ("$.facilitators[0]", "missing required field availability"),
        ("$.sites[1]", "missing required field id"),
        ("$.needs[0].colour", "unknown field colour: remove it, or move it into an extra object"),
        ("$.needs[0].titel", "unknown field titel: did you mean title?"),
        # sites[1] has no id any more, so it resolves nothing.
        ("$.facilitators[1].home_site",
         'no site has id "angouleme": use an id listed in $.sites'),
        ("$.needs[1].room.at[0]", 'no site has id "angouleme": use an id listed in $.sites'),
        ("$.needs[1].site", 'no site has id "angouleme": use an id listed in $.sites'),
        ("$.equipment[1].home_site", 'no site has id "angouleme": use an id listed in $.sites'),
        ("$.travel_minutes.jarnac.angouleme",
         'no site has id "angouleme": use an id listed in $.sites'),
    ])


def test_a_document_that_is_not_an_object_is_one_problem():
    assert problems_of(["format"]) == [("$", 'must be an object, not ["format"]')]


def test_ranges_are_checked():
    doc = document()
    doc["network"].update(days=400, slot_minutes=20)
    doc["sites"][0].update(lat=91.0, lon=-181, pool_share=-1)
    camille = doc["facilitators"][0]
    camille["skills"]["mediation_numerique"] = 4
    camille["weekly_minutes"] = {"min": 900, "max": 600}
    camille.update(max_days_per_week=8, max_daily_minutes=-5)
    doc["needs"][0]["staff"][0].update(level=0, count=0)
    doc["rooms"][1]["capacity"] = -3
    assert problems_of(doc) == sorted([
        ("$.network.days", "must be between 1 and 366, not 400"),
        ("$.network.slot_minutes", "must be one of 5, 10, 15, 30, 60, not 20"),
        ("$.sites[0].lat", "must be between -90 and 90, not 91.0"),
        ("$.sites[0].lon", "must be between -180 and 180, not -181"),
        ("$.sites[0].pool_share", "must be at least 0, not -1"),
        ("$.facilitators[0].skills.mediation_numerique", "must be between 1 and 3, not 4"),
        ("$.facilitators[0].weekly_minutes", "min 900 is above max 600: lower min or raise max"),
        ("$.facilitators[0].max_days_per_week", "must be between 0 and 7, not 8"),
        ("$.facilitators[0].max_daily_minutes", "must be between 0 and 1440, not -5"),
        ("$.needs[0].staff[0].level", "must be between 1 and 3, not 0"),
        ("$.needs[0].staff[0].count", "must be at least 1, not 0"),
        ("$.rooms[1].capacity", "must be at least 0, not -3"),
    ])


def test_weekly_target_must_lie_between_min_and_max():
    doc = document()
    doc["facilitators"][0]["weekly_minutes"] = {"min": 600, "target": 300}
    assert problems_of(doc) == [("$.facilitators[0].weekly_minutes.target",
                                 "target 300 must lie between min 600 and max 2880")]


def test_duplicate_ids_are_reported_at_the_second_use():
    doc = document()
    doc["sites"].append({"id": "cognac", "name": "Doublon", "lat": 45.0, "lon": 0.0})
    doc["facilitators"][1]["id"] = "F1"
    doc["needs"][2]["id"] = "N1"
    doc["rooms"].append({"id": "R2", "site": "cognac", "name": "Bis", "capacity": 4})
    assert problems_of(doc) == sorted([
        ("$.sites[3].id", 'id "cognac" is already used by $.sites[0]: give each its own id'),
        ("$.facilitators[1].id",
         'id "F1" is already used by $.facilitators[0]: give each its own id'),
        ("$.needs[2].id", 'id "N1" is already used by $.needs[0]: give each its own id'),
        ("$.rooms[2].id", 'id "R2" is already used by $.rooms[1]: give each its own id'),
    ])


def test_dangling_references_are_all_reported():
    doc = document()
    doc["facilitators"][0]["home_site"] = "paris"
    doc["facilitators"][0]["sites"] = ["cognac", "bordeaux"]
    doc["rooms"][0]["site"] = "niort"
    doc["equipment"][1]["home_site"] = "poitiers"
    doc["needs"][0]["site"] = "limoges"
    doc["needs"][0]["preferred_facilitators"] = ["F9"]
    doc["needs"][1]["room"]["at"] = ["angouleme", "tulle"]
    doc["needs"][2]["pinned"] = {"facilitators": ["F1", "F7"], "room": "R9", "equipment": ["E5"]}
    doc["travel_minutes"]["jarnac"]["royan"] = 50
    assert problems_of(doc) == sorted([
        ("$.facilitators[0].home_site", 'no site has id "paris": use an id listed in $.sites'),
        ("$.facilitators[0].sites[1]", 'no site has id "bordeaux": use an id listed in $.sites'),
        ("$.rooms[0].site", 'no site has id "niort": use an id listed in $.sites'),
        ("$.equipment[1].home_site", 'no site has id "poitiers": use an id listed in $.sites'),
        ("$.needs[0].site", 'no site has id "limoges": use an id listed in $.sites'),
        ("$.needs[0].preferred_facilitators[0]",
         'no facilitator has id "F9": use an id listed in $.facilitators'),
        ("$.needs[1].room.at[1]", 'no site has id "tulle": use an id listed in $.sites'),
        ("$.needs[2].pinned.facilitators[1]",
         'no facilitator has id "F7": use an id listed in $.facilitators'),
        ("$.needs[2].pinned.room", 'no room has id "R9": use an id listed in $.rooms'),
        ("$.needs[2].pinned.room", "a room is pinned but the need uses no room (room is null): "
                                   "remove the pin or ask for a room"),
        ("$.needs[2].pinned.equipment[0]",
         'no equipment unit has id "E5": use an id listed in $.equipment'),
        ("$.travel_minutes.jarnac.royan", 'no site has id "royan": use an id listed in $.sites'),
    ])


def test_skills_must_be_listed_when_a_skills_list_is_given():
    doc = document()
    doc["facilitators"][1]["skills"]["couture"] = 2
    doc["needs"][0]["staff"].append({"skill": "soudure"})
    assert problems_of(doc) == sorted([
        ("$.facilitators[1].skills.couture", 'skill "couture" is not in the skills list: '
                                             "add it to $.skills or fix its spelling"),
        ("$.needs[0].staff[1].skill", 'skill "soudure" is not in the skills list: '
                                      "add it to $.skills or fix its spelling"),
    ])
    del doc["skills"]
    assert scenario_from_dict(doc).facilitators[1].skills == {"mediation_numerique": 2,
                                                              "couture": 2}


def test_times_must_be_well_formed_on_the_grid_and_ordered():
    doc = document()
    camille = doc["facilitators"][0]
    camille["availability"][0]["start"] = "09:10"
    camille["availability"][1]["end"] = "24:30"
    camille["avoid"][0] = {"day": "tue", "start": "10:00", "end": "09:00"}
    camille["unavailable"][1]["start"] = "9h"
    doc["needs"][0]["end"] = "11:50"
    doc["needs"][1]["duration_minutes"] = 100
    doc["rooms"][1]["availability"][0]["end"] = "24:00"
    assert problems_of(doc) == sorted([
        ("$.facilitators[0].availability[0].start",
         "time 09:10 is not on the 15-minute grid: use 09:00 or 09:15"),
        ("$.facilitators[0].availability[1].end",
         'must be a time written HH:MM from 00:00 to 24:00, not "24:30"'),
        ("$.facilitators[0].avoid[0]", "start 10:00 must be before end 09:00"),
        ("$.facilitators[0].unavailable[1].start",
         'must be a time written HH:MM from 00:00 to 24:00, not "9h"'),
        ("$.needs[0].end", "time 11:50 is not on the 15-minute grid: use 11:45 or 12:00"),
        ("$.needs[1].duration_minutes",
         "100 is not a multiple of slot_minutes (15): use 105"),
    ])


def test_a_flexible_duration_must_fit_in_its_window_and_pins_must_fit_the_need():
    doc = document()
    doc["needs"][1]["window"] = {"start": "09:00", "end": "10:00"}
    doc["needs"][1]["pinned"]["date"] = "2026-12-03"
    doc["needs"][0]["pinned"] = {"start": "10:00", "date": "2026-12-01"}
    assert problems_of(doc) == sorted([
        ("$.needs[1].duration_minutes", "120 minutes do not fit in the window 09:00-10:00: "
                                        "shorten the need or widen the window"),
        ("$.needs[1].pinned.date",
         "2026-12-03 is not a date of this need: use 2026-12-02, 2026-12-04"),
        ("$.needs[1].pinned.start",
         "14:00 leaves no room for 120 minutes inside the window 09:00-10:00"),
        ("$.needs[0].pinned.start", "10:00 differs from the need's start: use 09:00"),
    ])


def test_week_start_on_a_tuesday_is_refused_with_the_monday_to_use():
    doc = document()
    doc["network"]["week_start"] = "2026-12-01"
    doc["needs"][0]["date"] = "2026-11-30"
    assert problems_of(doc) == sorted([
        ("$.network.week_start", "2026-12-01 is not a Monday: use 2026-11-30, the Monday of "
                                 "that week"),
        ("$.needs[0].date", "date 2026-11-30 is outside the horizon 2026-12-01 to 2026-12-07: "
                            "change the date, or network.week_start and days"),
    ])


def test_dates_and_day_specs():
    doc = document()
    doc["network"]["days"] = 3
    doc["facilitators"][0]["availability"][0]["day"] = "monday"
    doc["facilitators"][0]["unavailable"][0]["day"] = "2026-02-30"
    doc["needs"][1]["days"] = ["2026-12-02", "2026-12-02", "02/12/2026"]
    doc["needs"][1]["pinned"] = None
    doc["needs"][2]["pinned"]["date"] = "2026-12-09"
    assert problems_of(doc) == sorted([
        ("$.facilitators[0].availability[0].day", "must be a weekday (mon, tue, wed, thu, fri, "
                                                  'sat, sun) or a date written YYYY-MM-DD, not '
                                                  '"monday"'),
        ("$.facilitators[0].unavailable[0].day", 'must be a date written YYYY-MM-DD, not '
                                                 '"2026-02-30"'),
        ("$.needs[1].days[1]", '"2026-12-02" is listed twice: keep it once'),
        ("$.needs[1].days[2]", 'must be a date written YYYY-MM-DD, not "02/12/2026"'),
        ("$.needs[2].date", "date 2026-12-04 is outside the horizon 2026-11-30 to 2026-12-02: "
                            "change the date, or network.week_start and days"),
        ("$.needs[2].pinned.date", "date 2026-12-09 is outside the horizon 2026-11-30 to "
                                   "2026-12-02: change the date, or network.week_start and days"),
        ("$.needs[2].pinned.date", "2026-12-09 is not a date of this need: use 2026-12-04"),
    ])


def test_windows_dated_outside_the_horizon_are_ignored_not_refused():
    doc = document()
    doc["facilitators"][0]["availability"].append(
        {"day": "2027-03-01", "start": "09:00", "end": "12:00"})
    scenario = scenario_from_dict(doc)
    assert scenario.facilitators[0].availability[-1] == Window("2027-03-01", 540, 720)


def test_a_need_is_either_fixed_or_flexible():
    doc = document()
    doc["needs"][0]["days"] = ["2026-12-01"]
    del doc["needs"][1]["window"]
    for key in ("date", "start", "end"):
        del doc["needs"][2][key]
    doc["needs"].append({"id": "N4", "site": "cognac", "title": "Sans date", "start": "10:00",
                         "end": "12:00"})
    doc["needs"].append({"id": "N5", "site": "cognac", "title": "Vide", "days": [],
                         "window": {"start": "10:00", "end": "12:00"}, "duration_minutes": 60})
    assert problems_of(doc) == sorted([
        ("$.needs[0]", "a need has either a fixed time (date, start, end) or a flexible one "
                       "(days, window, duration_minutes), not both: remove days"),
        ("$.needs[1]", "missing required field window"),
        ("$.needs[2]", "missing time: give date, start and end (fixed time) or days, window and "
                       "duration_minutes (flexible time)"),
        ("$.needs[3]", "missing required field date"),
        ("$.needs[4].days", "must list at least one date"),
    ])


def test_priority_and_lists_of_ids():
    doc = document()
    doc["needs"][0]["priority"] = "urgent"
    doc["needs"][0]["preferred_facilitators"] = ["F1", "F1"]
    doc["needs"][1]["room"]["at"] = []
    doc["skills"].append("")
    assert problems_of(doc) == sorted([
        ("$.needs[0].priority", 'must be one of "required", "high", "normal", "low", '
                                'not "urgent"'),
        ("$.needs[0].preferred_facilitators[1]", '"F1" is listed twice: keep it once'),
        ("$.needs[1].room.at", "must list at least one site, or be left out to mean the need's "
                               "own site"),
        ("$.skills[2]", "must be a non-empty string"),
    ])


def test_travel_must_be_consistent():
    doc = document()
    doc["travel_minutes"]["cognac"]["jarnac"] = 25
    doc["travel_minutes"]["cognac"]["cognac"] = 5
    doc["travel_minutes"]["angouleme"] = {"cognac": -1, "angouleme": 0}
    assert problems_of(doc) == sorted([
        ("$.travel_minutes.cognac.jarnac", 'travel "cognac" -> "jarnac" is 25 min but "jarnac" '
                                           '-> "cognac" is 20 min: give the same time both ways'),
        ("$.travel_minutes.cognac.cognac", 'travel from "cognac" to itself must be 0, not 5'),
        ("$.travel_minutes.angouleme.cognac", "must be at least 0, not -1"),
    ])


def test_an_unresolvable_travel_pair_is_reported_once_naming_both_sites():
    doc = document()
    doc["sites"].append({"id": "ruffec", "name": "Sans coordonnées"})
    doc["travel_minutes"]["ruffec"] = {"cognac": 40}
    doc["travel_minutes"]["angouleme"] = {"ruffec": 30}
    doc["sites"].append({"id": "confolens", "name": "Moitié", "lat": 46.0})
    assert problems_of(doc) == sorted([
        ("$.travel_minutes", 'no travel time between "cognac" and "confolens": add it to '
                             "travel_minutes, or give both sites lat and lon"),
        ("$.travel_minutes", 'no travel time between "angouleme" and "confolens": add it to '
                             "travel_minutes, or give both sites lat and lon"),
        ("$.travel_minutes", 'no travel time between "jarnac" and "ruffec": add it to '
                             "travel_minutes, or give both sites lat and lon"),
        ("$.travel_minutes", 'no travel time between "jarnac" and "confolens": add it to '
                             "travel_minutes, or give both sites lat and lon"),
        ("$.travel_minutes", 'no travel time between "ruffec" and "confolens": add it to '
                             "travel_minutes, or give both sites lat and lon"),
    ])


def test_non_finite_numbers_are_refused():
    doc = document()
    doc["sites"][0]["pool_share"] = float("inf")
    assert problems_of(doc) == [("$.sites[0].pool_share", "must be a finite number, not inf")]


# --- JSON text ------------------------------------------------------------------------------------

def test_duplicate_keys_are_reported_with_their_paths_along_with_other_problems():
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace('"capacity": 12,', '"capacity": 12, "capacity": 14,')
    text = text.replace('"title": "Découpe laser",', '"title": "Découpe", "title": "Laser",')
    text = text.replace('"days": 7,', '"days": 7, "days": 0,')
    with pytest.raises(InvalidInput) as caught:
        read_scenario_json(io.StringIO(text))
    assert sorted((p.where, p.text()) for p in caught.value.problems) == sorted([
        ("$.rooms[0].capacity", 'key "capacity" appears more than once in this object: keep one'),
        ("$.needs[0].title", 'key "title" appears more than once in this object: keep one'),
        ("$.network.days", 'key "days" appears more than once in this object: keep one'),
        ("$.network.days", "must be between 1 and 366, not 0"),
    ])


def test_text_that_is_not_json_is_one_problem_with_line_and_column():
    with pytest.raises(InvalidInput) as caught:
        read_scenario_json(io.StringIO('{\n  "format": "pooling-scenario/1",\n  "network": {,}\n}'))
    [problem] = caught.value.problems
    assert problem.where == "line 3, column 15"
    assert problem.text() == "not valid JSON: Expecting property name enclosed in double quotes"


def test_nan_and_infinity_are_not_json_numbers():
    text = FIXTURE.read_text(encoding="utf-8").replace('"lat": 45.6958', '"lat": NaN')
    with pytest.raises(InvalidInput) as caught:
        read_scenario_json(io.StringIO(text))
    assert [(p.where, p.text()) for p in caught.value.problems] == [
        ("$.sites[0].lat", "NaN is not a JSON number: write a number")]


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{\n "format": "pooling-scenario/1",\n "x": "Angoulême"}'.encode("latin-1"))
    with pytest.raises(InvalidInput) as caught:
        read_scenario_json(path)
    assert [(p.where, p.text()) for p in caught.value.problems] == [
        ("line 3", "the file is not UTF-8 text: save it again with the UTF-8 encoding")]


# --- robustness -----------------------------------------------------------------------------------

def value_paths(value, prefix=()) -> list[tuple]:
    """The key path of every value nested in a document."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += value_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += value_paths(item, (*prefix, index))
    return found


FIXTURE_PATHS = value_paths(document())[1:]
any_json = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3000) | st.floats(-1e3, 1e3)
    | st.sampled_from(["", "mon", "09:00", "24:00", "2026-12-02", "cognac", "F1", "R1", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "day", "start", "end", "extra", "site", "skill", "zz"]), inner,
        max_size=3),
    max_leaves=5)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIXTURE_PATHS), any_json), min_size=1, max_size=4))
def test_any_edited_document_is_read_or_refused_with_problems_never_crashes(edits):
    doc = document()
    for path, value in edits:
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    try:
        scenario = scenario_from_dict(doc)
    except InvalidInput as error:
        assert error.problems and all(p.where.startswith("$") for p in error.problems)
        assert all(p.text("fr") for p in error.problems)
    else:
        assert scenario_from_dict(scenario_to_dict(scenario)) == scenario
