"""A facilitator's pages: "Ma semaine" with place, room, kit and colleagues; the print view;
their times (availability, absences, avoid windows) with messages at each field and nothing
half-saved; the private calendar link, its renewal and the feed served without sign-in."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta

import pandas as pd
import pytest
from icalendar import Calendar
from sqlalchemy.orm import Session

from pooling.interchange import scenario_to_dict
from pooling.rota import published_rota
from pooling.store import export_scenario, import_scenario
from rota_fixtures import (app, app_database, login_as, module_app,  # noqa: F401
                           published_database)
from scenarios.demo import demo_scenario
from webui_fixtures import app_session, client, demo_accounts, demo_database  # noqa: F401

NETWORK = demo_scenario().network.name
WEEK = demo_scenario().network.week_start
ME = "F-camille"
"""The demo facilitator account's facilitator."""
SOMEONE_ELSE = "F-mathis"

# Rows for the authorisation matrix (see tests/test_webui_authorisation.py): endpoint,
# method, path, anonymous, coordinator, site manager, facilitator, and for routes naming a
# person (other site manager, other facilitator). {facilitator} is the demo facilitator.
FACILITATOR_ROUTES = [
    ("facilitator.week", "GET", "/me/week?network={network}&week={week}", "login", 404, 403,
     200),
    ("facilitator.week", "GET", "/me/week?network={network}&week={week}"
     "&facilitator={facilitator}", "login", 200, 403, 200, (403, 403)),
    ("facilitator.week_print", "GET", "/me/week/print?network={network}&week={week}",
     "login", 404, 403, 200),
    ("facilitator.rota_file", "GET", "/me/rota.xlsx?network={network}&week={week}"
     "&facilitator={facilitator}", "login", 200, 403, 200, (403, 403)),
    ("facilitator.rota_file", "GET", "/me/rota.csv?network={network}&week={week}",
     "login", 404, 403, 200),
    ("facilitator.availability", "GET", "/me/availability", "login", 403, 403, 200),
    ("facilitator.availability", "POST", "/me/availability", "login", 403, 403, "elsewhere"),
    ("facilitator.calendar", "GET", "/me/calendar", "login", 403, 403, 200),
    ("facilitator.renew_calendar", "POST", "/me/calendar/renew", "login", 403, 403,
     "elsewhere"),
    ("facilitator.calendar_file", "GET", "/me/calendar.ics", "login", 403, 403, 200),
    ("facilitator.feed", "GET", "/ical/{calendar}.ics", 200, 200, 200, 200),
    ("facilitator.feed", "GET", "/ical/not-a-token.ics", 404, 404, 404, 404),
]


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", body).replace("&#39;", "'").replace("&#34;", '"')


def field_errors(response) -> dict[str, list[str]]:
    page = response.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"')
    return {field: re.findall(r"<li>(.*?)</li>", items)
            for field, items in re.findall(r'<ul class="field__errors" id="([^"]+)-errors">'
                                           r'(.*?)</ul>', page, re.S)}


def my_rota(session: Session):
    return published_rota(session, NETWORK, WEEK).for_facilitator(ME)


def facilitators(session: Session) -> list[dict]:
    return scenario_to_dict(export_scenario(session, NETWORK, WEEK))["facilitators"]


# --- my week ----------------------------------------------------------------------------------


def test_my_week_lists_each_assignment_with_place_room_kit_and_colleagues(client, login_as,
                                                                         app_session):
    rota = my_rota(app_session)
    assert rota.entries, "the demo facilitator has assignments in the greedy plan"
    login_as("facilitator")
    response = client.get("/me/week")
    page = text(response)
    assert response.status_code == 200
    assert "Ma semaine" in page
    for entry in rota.entries:
        assert entry.title in page
        assert entry.site_name in page and (entry.commune or "") in page
        assert (entry.room_name or "Sans salle") in page
        for colleague in entry.colleagues(ME):
            assert colleague in page
    assert page.count("Matériel à apporter") == len(rota.entries)


def test_another_facilitators_week_is_forbidden(client, login_as):
    login_as("facilitator")
    for path in (f"/me/week?facilitator={SOMEONE_ELSE}",
                 f"/me/week/print?facilitator={SOMEONE_ELSE}",
                 f"/me/rota.csv?facilitator={SOMEONE_ELSE}"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Mathis" not in text(response)


def test_a_coordinator_opens_anyones_week(client, login_as, app_session):
    login_as("coordinator")
    rota = published_rota(app_session, NETWORK, WEEK).for_facilitator(SOMEONE_ELSE)
    response = client.get(f"/me/week?facilitator={SOMEONE_ELSE}")
    assert response.status_code == 200
    assert all(entry.title in text(response) for entry in rota.entries)
    assert "Semaine de Mathis Dufour" in text(response)
    assert client.get("/me/week").status_code == 404  # a coordinator names the person


def test_site_managers_have_no_week_page(client, login_as):
    login_as("site_manager")
    assert client.get("/me/week").status_code == 403


def test_before_publication_the_week_says_so(client, login_as, app_session):
    scenario = demo_scenario()
    following = replace(scenario.network, week_start=WEEK + timedelta(days=7))
    import_scenario(app_session, replace(scenario, network=following, needs=()))
    login_as("facilitator")
    page = text(client.get(f"/me/week?week={following.week_start.isoformat()}"))
    assert "Aucun planning n'est encore publié pour cette semaine" in page


def test_print_view_has_the_week_and_a_print_button(client, login_as, app_session):
    rota = my_rota(app_session)
    login_as("facilitator")
    response = client.get("/me/week/print")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Planning de Camille Laroche" in text(response)
    assert "data-print" in page and "print.js" in page and "rota.css" in page
    assert all(entry.title.replace("'", "&#39;") in page for entry in rota.entries)


def test_my_week_exports_match_my_assignments(client, login_as, app_session):
    rota = my_rota(app_session)
    login_as("facilitator")
    csv = client.get("/me/rota.csv")
    frame = pd.read_csv(io.BytesIO(csv.data), encoding="utf-8-sig", dtype=str)
    assert list(frame["Besoin"]) == [entry.need for entry in rota.entries]
    assert list(frame["Début"]) == [f"{e.start // 60:02d}:{e.start % 60:02d}"
                                    for e in rota.entries]
    xlsx = client.get("/me/rota.xlsx")
    assert pd.read_excel(io.BytesIO(xlsx.data), sheet_name="Planning").shape[0] == len(
        rota.entries)


# --- my times ---------------------------------------------------------------------------------


def test_availability_page_shows_my_times_with_blank_rows(client, login_as):
    login_as("facilitator")
    response = client.get("/me/availability")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'<input[^>]*name="availability-0-start"[^>]*type="time" '
                     r'value="08:30"', page)
    assert '<option selected value="mon">Lundi</option>' in page
    assert 'name="avoid-0-day"' in page and 'name="unavailable-1-day"' in page
    assert "Quand je peux travailler" in text(response)


def times_form(**fields) -> dict[str, str]:
    data = {"availability-0-day": "mon", "availability-0-start": "09:00",
            "availability-0-end": "17:00",
            "availability-1-day": "2026-12-05", "availability-1-start": "10:00",
            "availability-1-end": "12:00",
            "unavailable-0-day": "2026-12-02",
            "unavailable-1-day": "2026-12-04", "unavailable-1-start": "14:00",
            "avoid-0-day": "fri", "avoid-0-start": "16:00", "avoid-0-end": "18:00",
            "avoid-1-day": "", "avoid-1-start": "", "avoid-1-end": ""}
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def test_saving_my_times_replaces_them(client, login_as, app_session):
    login_as("facilitator")
    response = client.post("/me/availability", data=times_form())
    assert response.status_code == 302
    me = next(f for f in facilitators(app_session) if f["id"] == ME)
    assert me["availability"] == [{"day": "mon", "start": "09:00", "end": "17:00"},
                                  {"day": "2026-12-05", "start": "10:00", "end": "12:00"}]
    assert me["unavailable"] == [{"day": "2026-12-02"}, {"day": "2026-12-04",
                                                         "start": "14:00"}]
    assert me["avoid"] == [{"day": "fri", "start": "16:00", "end": "18:00"}]
    assert "Vos horaires sont enregistrés" in text(client.get(response.location))


def test_bad_times_get_messages_at_their_fields_and_save_nothing(client, login_as,
                                                                  app_session):
    login_as("facilitator")
    before = facilitators(app_session)
    response = client.post("/me/availability", data=times_form(**{
        "availability-0-end": "08:00",
        "availability-1-start": "10:10",
        "availability-2-day": "", "availability-2-start": "09:00",
        "unavailable-0-day": "le 2 décembre",
        "avoid-0-start": "midi",
    }))
    assert response.status_code == 400
    errors = field_errors(response)
    assert errors["availability-0-end"] == ["le début 09:00 doit précéder la fin 08:00"]
    assert errors["availability-1-start"] == ["l'heure 10:10 n'est pas sur la grille de 15 "
                                              "minutes : utilisez 10:00 ou 10:15"]
    assert errors["availability-2-day"] == ["Choisissez un jour."]
    assert errors["availability-2-end"] == ["Donnez une heure comme 14:30."]
    assert errors["unavailable-0-day"][0].startswith("doit être un jour de la semaine")
    assert errors["avoid-0-start"] == ["Donnez une heure comme 14:30."]
    assert facilitators(app_session) == before


def test_times_of_someone_else_cannot_be_reached(client, login_as):
    login_as("site_manager")
    assert client.get("/me/availability").status_code == 403
    assert client.post("/me/availability", data=times_form()).status_code == 403


# --- the calendar -----------------------------------------------------------------------------


def feed_path(client) -> str:
    page = client.get("/me/calendar").get_data(as_text=True)
    url = re.search(r'id="feed-url" type="text" readonly value="([^"]+)"', page).group(1)
    assert url.startswith("http://localhost/ical/") and url.endswith(".ics")
    return url.removeprefix("http://localhost")


def test_calendar_page_gives_a_private_link_that_works_without_sign_in(app, client, login_as,
                                                                       app_session):
    login_as("facilitator")
    path = feed_path(client)
    assert feed_path(client) == path  # the same link each visit
    response = app.test_client().get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    events = Calendar.from_ical(response.data).walk("VEVENT")
    assert len(events) == len(my_rota(app_session).entries)


def test_renewing_the_link_revokes_the_old_one(app, client, login_as):
    login_as("facilitator")
    old = feed_path(client)
    response = client.post("/me/calendar/renew")
    assert response.status_code == 302
    assert "Nouveau lien d'agenda créé" in text(client.get(response.location))
    new = feed_path(client)
    assert new != old
    assert app.test_client().get(old).status_code == 404
    assert app.test_client().get(new).status_code == 200


def test_a_wrong_token_gives_404(client):
    assert client.get("/ical/not-the-token.ics").status_code == 404


def test_the_calendar_file_downloads_when_signed_in(client, login_as, app_session):
    login_as("facilitator")
    response = client.get("/me/calendar.ics")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert len(Calendar.from_ical(response.data).walk("VEVENT")) == len(
        my_rota(app_session).entries)
