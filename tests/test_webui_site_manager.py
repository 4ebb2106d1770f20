"""A site manager's pages: needs declared once, weekly or at a flexible time, edited, deleted,
copied from last week, uploaded as a sheet; the published rota of their sites and its exports.

Every refused form shows its messages under the fields and leaves the stored week exactly as
it was (the exported scenario is compared before and after).
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy.orm import Session

from pooling.accounts import create_user
from pooling.interchange import scenario_to_dict
from pooling.rota import published_rota
from pooling.store import export_scenario, import_scenario, list_weeks
from rota_fixtures import (app, app_database, login_as, module_app,  # noqa: F401
                           published_database)
from scenarios.demo import demo_scenario
from webui_fixtures import app_session, client, demo_accounts, demo_database  # noqa: F401

NETWORK = demo_scenario().network.name
WEEK = demo_scenario().network.week_start
WEEK_ARGS = {"network": NETWORK, "week": WEEK.isoformat()}
OWN_NEED = "N-01"
"""A need of La Quincaillerie (TL-280), a site of the demo site manager."""
OTHER_NEED = next(n.id for n in demo_scenario().needs if n.site == "TL-35")
"""A need of Le Mille (TL-35), which the demo site manager does not manage."""

# Rows for the authorisation matrix: endpoint, method, path, anonymous, coordinator,
# site manager, facilitator, (other site manager, other facilitator) for object routes.
# Paths use the matrix's objects ({network}, {week}, {site}); N-01 is a need of {site}.
# POSTs are sent without a body: an empty need form is refused with its messages (400).
Q = "network={network}&week={week}"
SITE_MANAGER_ROUTES = [
    ("site_manager.needs", "GET", "/site/needs?" + Q, "login", 200, 200, 403),
    ("site_manager.declare", "GET", "/site/needs/new?" + Q, "login", 200, 200, 403),
    ("site_manager.declare", "POST", "/site/needs/new?" + Q, "login", 400, 400, 403),
    ("site_manager.edit", "GET", "/site/needs/N-01/edit?" + Q, "login", 200, 200, 403,
     (403, 403)),
    ("site_manager.edit", "POST", "/site/needs/N-01/edit?" + Q, "login", 400, 400, 403,
     (403, 403)),
    ("site_manager.delete", "POST", "/site/needs/N-01/delete?" + Q, "login", "elsewhere",
     "elsewhere", 403, (403, 403)),
    ("site_manager.copy_last_week", "POST", "/site/needs/copy?" + Q, "login", "elsewhere",
     "elsewhere", 403),
    ("site_manager.download_sheet", "GET", "/site/needs/sheet.xlsx?" + Q, "login", 200, 200,
     403),
    ("site_manager.upload", "GET", "/site/needs/upload?" + Q, "login", 200, 200, 403),
    ("site_manager.upload", "POST", "/site/needs/upload?" + Q, "login", 400, 400, 403),
    ("site_manager.rota", "GET", "/site/rota?" + Q, "login", 200, 200, 403),
    ("site_manager.rota", "GET", "/site/rota?site={site}&" + Q, "login", 200, 200, 403,
     (403, 403)),
    ("site_manager.rota_file", "GET", "/site/rota/{site}.xlsx?" + Q, "login", 200, 200, 403,
     (403, 403)),
    ("site_manager.rota_file", "GET", "/site/rota/{site}.csv?" + Q, "login", 200, 200, 403,
     (403, 403)),
]


# --- the database: the demo week with a published plan ---------------------------------------


def stored(session: Session, week: date = WEEK) -> dict:
    """The week as the database holds it, in format v1."""
    return scenario_to_dict(export_scenario(session, NETWORK, week))


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", body).replace("&#39;", "'").replace("&#34;", '"')


def field_errors(response) -> dict[str, list[str]]:
    """The messages shown under each field, by the field's id."""
    page = response.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"')
    return {field: re.findall(r"<li>(.*?)</li>", items)
            for field, items in re.findall(r'<ul class="field__errors" id="([^"]+)-errors">'
                                           r'(.*?)</ul>', page, re.S)}


def form_errors(response) -> list[str]:
    page = response.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"')
    block = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', page, re.S)
    return re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", block.group(1), re.S) if block else []


def need_form(**fields) -> dict[str, str]:
    """A filled need form; `fields` replace or add form values."""
    data = {"site": "TL-280", "title": "Atelier couture", "kind": "atelier",
            "schedule": "once", "date": "2026-12-02", "start": "14:00", "end": "16:00",
            "staff-0-skill": "animation", "staff-0-level": "2", "staff-0-count": "1",
            "attendees": "8", "uses_room": "y", "priority": "high"}
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def need_dates(need: dict) -> list[date]:
    return [date.fromisoformat(day) for day in need.get("days") or [need["date"]]]


def url(path: str, **args) -> str:
    query = "&".join(f"{key}={value}" for key, value in {**WEEK_ARGS, **args}.items())
    return f"{path}?{query}"


# --- the needs page ---------------------------------------------------------------------------


def test_needs_page_shows_own_sites_and_where_each_need_stands(client, login_as):
    login_as("site_manager")
    response = client.get("/site/needs")
    page = text(response)
    assert response.status_code == 200
    assert "La Quincaillerie" in page and "L'Alzire" in page
    assert "Le Mille" not in page and OTHER_NEED not in page
    assert "Planifié" in page
    assert "Planning publié : version 1" in page


def test_an_unmet_need_shows_the_planners_reasons(client, login_as, app_session):
    login_as("site_manager")
    page = client.get(url("/site/needs")).get_data(as_text=True)
    rota = published_rota(app_session, NETWORK, WEEK)
    own_unmet = [u for u in rota.unmet if u.need.site in ("TL-280", "TL-161")]
    assert own_unmet, "the demo's greedy plan leaves a need of these sites unmet"
    row = re.search(rf'<tr id="need-{own_unmet[0].need.id}">(.*?)</tr>', page, re.S).group(1)
    assert "Non pourvu" in row
    assert html.escape(own_unmet[0].reasons[0]) in row.replace("<wbr>", "")  # codes may wrap


def test_a_week_without_published_rota_says_so(client, login_as, app_session):
    scenario = demo_scenario()
    following = replace(scenario.network, week_start=WEEK + timedelta(days=7))
    import_scenario(app_session, replace(scenario, network=following, needs=()))
    login_as("site_manager")
    page = text(client.get(url("/site/needs", week=(WEEK + timedelta(days=7)).isoformat())))
    assert "Aucun planning n'est encore publié pour cette semaine" in page
    assert "Aucun besoin déclaré pour ce lieu cette semaine." in page


def test_an_unknown_week_is_not_found(client, login_as):
    login_as("site_manager")
    assert client.get(url("/site/needs", week="2030-01-07")).status_code == 404
    assert client.get(url("/site/needs", week="not-a-date")).status_code == 404


def test_a_network_of_someone_else_is_refused(client, login_as):
    login_as("site_manager")
    assert client.get(url("/site/needs", network="Autre réseau")).status_code == 403


# --- declaring needs --------------------------------------------------------------------------


def test_declare_a_one_off_need(client, login_as, app_session):
    login_as("site_manager")
    assert client.get(url("/site/needs/new")).status_code == 200
    response = client.post(url("/site/needs/new"), data=need_form())
    assert response.status_code == 302
    need = stored(app_session)["needs"][-1]
    assert need == {"id": "N-81", "site": "TL-280", "title": "Atelier couture",
                    "kind": "atelier", "date": "2026-12-02", "start": "14:00", "end": "16:00",
                    "staff": [{"skill": "animation", "level": 2, "count": 1}],
                    "attendees": 8, "room": {"features": []}, "equipment": [],
                    "priority": "high", "preferred_facilitators": []}
    assert "1 besoin(s) déclaré(s) : N-81." in text(client.get(response.location))


def test_declare_a_weekly_need_makes_one_per_chosen_day(client, login_as, app_session):
    login_as("site_manager")
    form = need_form(schedule="weekly", date=None, weekdays=["mon", "thu"], uses_room=None,
                     **{"equipment-0-type": "videoprojecteur", "equipment-0-count": "1"})
    assert client.post(url("/site/needs/new"), data=form).status_code == 302
    added = stored(app_session)["needs"][-2:]
    assert [(n["id"], n["date"]) for n in added] == [("N-81", "2026-11-30"),
                                                     ("N-82", "2026-12-03")]
    assert all(n["room"] is None and n["equipment"] == [{"type": "videoprojecteur", "count": 1}]
               for n in added)


def test_declare_a_flexible_need(client, login_as, app_session):
    login_as("site_manager")
    form = need_form(schedule="flexible", date=None, days=["2026-12-01", "2026-12-03"],
                     start="09:00", end="17:00", duration_minutes="120", site="TL-161")
    assert client.post(url("/site/needs/new"), data=form).status_code == 302
    need = stored(app_session)["needs"][-1]
    assert need["site"] == "TL-161"
    assert (need["days"], need["window"], need["duration_minutes"]) == (
        ["2026-12-01", "2026-12-03"], {"start": "09:00", "end": "17:00"}, 120)


def test_bad_need_form_gets_every_message_under_its_field_and_saves_nothing(
        client, login_as, app_session):
    login_as("site_manager")
    before = stored(app_session)
    form = need_form(site="TL-35", title=" ", start="10:07", end="9h", attendees="douze",
                     **{"staff-0-skill": "", "staff-1-skill": "jonglage",
                        "staff-1-level": "2", "staff-1-count": "0",
                        "equipment-2-type": "fusée"})
    response = client.post(url("/site/needs/new"), data=form)
    assert response.status_code == 400
    errors = field_errors(response)
    assert errors["site"] == ["Choisissez l'un des lieux que vous gérez."]
    assert errors["title"] == ["Donnez un intitulé à l'activité."]
    assert errors["start"] == ["l'heure 10:07 n'est pas sur la grille de 15 minutes : "
                               "utilisez 10:00 ou 10:15"]
    assert errors["attendees"] == ["Donnez un nombre entier comme 12."]
    assert "n'est pas dans la liste des compétences" in errors["staff-1-skill"][0]
    assert errors["staff-1-count"] == ["doit valoir au moins 1, pas 0"]
    assert errors["equipment-2-type"] == ["Le réseau n'a pas de matériel de type fusée."]
    assert "start 10:07" not in text(response)
    assert stored(app_session) == before


@pytest.mark.parametrize("changes, field, message", [
    ({"schedule": "once", "date": ""}, "date", "Choisissez la date."),
    ({"schedule": "weekly", "date": None}, "weekdays", "Choisissez au moins un jour de la "
                                                       "semaine."),
    ({"schedule": "flexible", "date": None}, "days", "Choisissez au moins une date possible."),
    ({"schedule": "flexible", "days": ["2026-12-01"], "duration_minutes": "300"},
     "duration_minutes", "300 minutes ne tiennent pas dans la plage 14:00-16:00 : raccourcissez "
                         "le besoin ou élargissez la plage"),
    ({"start": "16:00", "end": "14:00"}, "end", "le début 16:00 doit précéder la fin 14:00"),
    ({"date": "2027-01-04"}, "date", "la date 2027-01-04 est hors de la période du 2026-11-30 "
                                     "au 2026-12-06 : changez la date, ou network.week_start "
                                     "et days"),
    ({"schedule": "sometimes"}, "schedule", "Choisissez quand l'activité a lieu."),
    ({"priority": "urgent"}, "priority", "Choisissez une priorité."),
    ({"staff-0-level": "7"}, "staff-0-level", "doit être compris entre 1 et 3, pas 7"),
])
def test_each_schedule_mistake_is_shown_at_its_field(client, login_as, app_session, changes,
                                                     field, message):
    login_as("site_manager")
    before = stored(app_session)
    response = client.post(url("/site/needs/new"), data=need_form(**changes))
    assert response.status_code == 400
    assert field_errors(response).get(field) == [message]
    assert stored(app_session) == before


# --- editing and deleting ---------------------------------------------------------------------


def test_edit_a_need_keeps_what_the_form_does_not_show(client, login_as, app_session):
    scenario = demo_scenario()
    needs = tuple(replace(n, preferred_facilitators=("F-camille",), extra={"source": "tableur"})
                  if n.id == OWN_NEED else n for n in scenario.needs)
    import_scenario(app_session, replace(scenario, needs=needs))
    login_as("site_manager")
    page = client.get(url(f"/site/needs/{OWN_NEED}/edit"))
    assert page.status_code == 200
    assert 'value="Permanence d&#39;accueil"' in page.get_data(as_text=True)
    response = client.post(url(f"/site/needs/{OWN_NEED}/edit"),
                           data=need_form(title="Permanence du lundi", start="09:30"))
    assert response.status_code == 302
    need = next(n for n in stored(app_session)["needs"] if n["id"] == OWN_NEED)
    assert (need["title"], need["start"], need["date"]) == ("Permanence du lundi", "09:30",
                                                            "2026-12-02")
    assert need["preferred_facilitators"] == ["F-camille"]
    assert need["extra"] == {"source": "tableur"}


def test_a_bad_edit_saves_nothing(client, login_as, app_session):
    login_as("site_manager")
    before = stored(app_session)
    response = client.post(url(f"/site/needs/{OWN_NEED}/edit"),
                           data=need_form(schedule="weekly", start="25:00"))
    assert response.status_code == 400
    assert field_errors(response)["schedule"] == ["Choisissez quand l'activité a lieu."]
    assert field_errors(response)["start"] == ["Donnez une heure comme 14:30."]
    assert stored(app_session) == before


def test_delete_a_need(client, login_as, app_session):
    login_as("site_manager")
    response = client.post(url(f"/site/needs/{OWN_NEED}/delete"))
    assert response.status_code == 302
    assert OWN_NEED not in {n["id"] for n in stored(app_session)["needs"]}
    assert "Besoin N-01 supprimé." in text(client.get(response.location))


@pytest.mark.parametrize("method, path", [
    ("GET", f"/site/needs/{OTHER_NEED}/edit"),
    ("POST", f"/site/needs/{OTHER_NEED}/edit"),
    ("POST", f"/site/needs/{OTHER_NEED}/delete"),
])
def test_another_sites_need_is_forbidden_and_unchanged(client, login_as, app_session, method,
                                                       path):
    login_as("site_manager")
    before = stored(app_session)
    response = client.open(url(path), method=method, data=need_form(site="TL-280"))
    assert response.status_code == 403
    assert "Le Mille" not in text(response)
    assert stored(app_session) == before


def test_an_unknown_need_is_not_found(client, login_as):
    login_as("site_manager")
    assert client.get(url("/site/needs/N-999/edit")).status_code == 404


def test_a_coordinator_edits_any_sites_need(client, login_as, app_session):
    login_as("coordinator")
    assert client.get(url(f"/site/needs/{OTHER_NEED}/edit")).status_code == 200
    response = client.post(url(f"/site/needs/{OTHER_NEED}/delete"))
    assert response.status_code == 302
    assert OTHER_NEED not in {n["id"] for n in stored(app_session)["needs"]}


# --- copying last week ------------------------------------------------------------------------


def test_prepare_next_week_copies_own_needs_once(client, login_as, app_session):
    login_as("site_manager")
    following = WEEK + timedelta(days=7)
    own = [n for n in stored(app_session)["needs"] if n["site"] in ("TL-280", "TL-161")]
    response = client.post(url("/site/needs/copy", week=following.isoformat()))
    assert response.status_code == 302
    copied = stored(app_session, following)["needs"]
    assert [(n["id"], need_dates(n)) for n in copied] == [
        (n["id"], [day + timedelta(days=7) for day in need_dates(n)]) for n in own]
    assert f"{len(own)} besoin(s) copié(s)" in text(client.get(response.location))
    again = client.post(url("/site/needs/copy", week=following.isoformat()))
    assert len(stored(app_session, following)["needs"]) == len(own)
    assert f"0 besoin(s) copié(s) depuis la semaine précédente ; {len(own)} déjà" in text(
        client.get(again.location))


def test_copy_without_a_previous_week_says_so_and_changes_nothing(client, login_as,
                                                                   app_session):
    login_as("site_manager")
    before = stored(app_session)
    response = client.post(url("/site/needs/copy"))
    assert "Il n'y a pas de semaine précédente à copier." in text(client.get(response.location))
    assert stored(app_session) == before
    assert [week.week_start for week in list_weeks(app_session)] == [WEEK]


# --- the needs sheet --------------------------------------------------------------------------


def test_the_downloaded_sheet_uploads_back_unchanged(client, login_as, app_session):
    login_as("site_manager")
    before = stored(app_session)
    sheet = client.get(url("/site/needs/sheet.xlsx"))
    assert sheet.status_code == 200
    assert sheet.mimetype.endswith("spreadsheetml.sheet")
    rows = pd.read_excel(io.BytesIO(sheet.data), sheet_name="needs", dtype=str)
    assert set(rows["site"]) == {"TL-280", "TL-161"}
    response = client.post(url("/site/needs/upload"),
                           data={"workbook": (io.BytesIO(sheet.data), "besoins.xlsx")})
    assert response.status_code == 302
    assert f"0 besoin(s) ajouté(s), {len(rows)} remplacé(s)" in text(
        client.get(response.location))
    assert stored(app_session) == before


def needs_workbook(rows: list[list[object]]) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = "needs"
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return data


def test_an_uploaded_sheet_adds_and_replaces_needs(client, login_as, app_session):
    login_as("site_manager")
    header = ["id", "site", "title", "date", "start", "end", "staff", "priority"]
    workbook = needs_workbook([header,
                               ["N-01", "TL-280", "Accueil renforcé", "2026-11-30", "09:00",
                                "12:00", "accueil x2", "required"],
                               ["S-1", "TL-161", "Repair café", "2026-12-05", "14:00", "17:00",
                                "reparation>=2", ""]])
    response = client.post(url("/site/needs/upload"),
                           data={"workbook": (workbook, "besoins.xlsx")})
    assert response.status_code == 302
    needs = {n["id"]: n for n in stored(app_session)["needs"]}
    assert needs["N-01"]["title"] == "Accueil renforcé"
    assert needs["N-01"]["staff"] == [{"skill": "accueil", "level": 1, "count": 2}]
    assert needs["S-1"]["staff"] == [{"skill": "reparation", "level": 2, "count": 1}]
    assert list(needs)[0] == "N-01" and list(needs)[-1] == "S-1"


def test_a_bad_sheet_gets_a_message_per_cell_and_saves_nothing(client, login_as, app_session):
    login_as("site_manager")
    before = stored(app_session)
    header = ["id", "site", "title", "date", "start", "end", "staff"]
    workbook = needs_workbook([header,
                               ["S-1", "TL-280", "Atelier", "2026-12-01", "14:07", "16:00", ""],
                               ["S-2", "TL-35", "Pas chez moi", "2026-12-01", "14:00", "16:00",
                                ""],
                               [OTHER_NEED, "TL-280", "Vol", "2026-12-01", "14:00", "16:00",
                                ""],
                               ["S-3", "TL-161", "Atelier", "2026-12-31", "10:00", "11:00",
                                "jonglage"]])
    response = client.post(url("/site/needs/upload"),
                           data={"workbook": (workbook, "besoins.xlsx")})
    assert response.status_code == 400
    problems = form_errors(response)
    assert problems[0] == ("Rien n'a été enregistré : corrigez ces cellules et envoyez de "
                           "nouveau la feuille.")
    assert "sheet needs, row 2, column start: l'heure 14:07 n'est pas sur la grille de 15 " \
           "minutes : utilisez 14:00 ou 14:15" in problems
    assert "sheet needs, row 3, column site: vous ne gérez pas le lieu TL-35 : choisissez " \
           "l'un des vôtres" in problems
    assert f"sheet needs, row 4, column id: l'identifiant {OTHER_NEED} est celui d'un besoin " \
           "d'un autre lieu : donnez un autre identifiant à cette ligne" in problems
    assert any(p.startswith("sheet needs, row 5, column date: la date 2026-12-31 est hors")
               for p in problems)
    assert any(p.startswith("sheet needs, row 5, column staff") for p in problems)
    assert stored(app_session) == before


@pytest.mark.parametrize("upload, message", [
    ((io.BytesIO(b"not a workbook"), "besoins.xlsx"),
     "besoins.xlsx: impossible d'ouvrir ce classeur"),
    (None, "Choisissez le fichier XLSX à envoyer."),
])
def test_an_unreadable_or_missing_file_is_refused(client, login_as, app_session, upload,
                                                  message):
    login_as("site_manager")
    before = stored(app_session)
    response = client.post(url("/site/needs/upload"),
                           data={"workbook": upload} if upload else {})
    assert response.status_code == 400
    assert message in text(response)
    assert stored(app_session) == before


def test_a_workbook_without_needs_sheet_is_refused(client, login_as):
    login_as("site_manager")
    book = Workbook()
    book.active.title = "autre"
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    response = client.post(url("/site/needs/upload"), data={"workbook": (data, "x.xlsx")})
    assert response.status_code == 400
    assert "x.xlsx: ce classeur n'a pas de feuille nommée needs" in text(response)


# --- the rota ---------------------------------------------------------------------------------


def test_rota_page_shows_each_own_site_with_its_unmet_needs(client, login_as, app_session):
    rota = published_rota(app_session, NETWORK, WEEK).for_site("TL-280")
    login_as("site_manager")
    response = client.get("/site/rota")
    page = text(response)
    assert response.status_code == 200
    assert "La Quincaillerie" in page and "L'Alzire" in page
    for entry in rota.entries:
        assert entry.title in page
    assert "rota.css" in response.get_data(as_text=True)
    assert "data-print" in response.get_data(as_text=True)
    assert "/site/rota/TL-280.xlsx" in response.get_data(as_text=True)


def test_rota_of_another_site_is_forbidden(client, login_as):
    login_as("site_manager")
    assert client.get(url("/site/rota", site="TL-35")).status_code == 403
    assert client.get(url("/site/rota/TL-35.csv")).status_code == 403


def test_rota_exports_match_the_published_rota(client, login_as, app_session):
    rota = published_rota(app_session, NETWORK, WEEK).for_site("TL-280")
    login_as("site_manager")
    csv = client.get(url("/site/rota/TL-280.csv"))
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert "attachment" in csv.headers["Content-Disposition"]
    frame = pd.read_csv(io.BytesIO(csv.data), encoding="utf-8-sig", dtype=str)
    assert list(frame["Besoin"]) == [entry.need for entry in rota.entries]
    xlsx = client.get(url("/site/rota/TL-280.xlsx"))
    book = load_workbook(io.BytesIO(xlsx.data))
    assert book.sheetnames[0] == "Planning"
    assert book["Planning"].max_row == len(rota.entries) + 1
    assert client.get(url("/site/rota/TL-280.pdf")).status_code == 404


def test_a_coordinator_exports_any_sites_rota(client, login_as):
    login_as("coordinator")
    assert client.get(url("/site/rota/TL-35.xlsx")).status_code == 200


def test_a_facilitator_cannot_open_site_pages(client, login_as):
    login_as("facilitator")
    assert client.get("/site/needs").status_code == 403
    assert client.get("/site/rota").status_code == 403


def test_a_site_manager_of_another_site_sees_only_theirs(client, app_session):
    create_user(app_session, "seul@test.pooling.example", "Seul", "password-1",
                "site_manager", network=NETWORK, sites=["TL-35"])
    client.post("/login", data={"email": "seul@test.pooling.example", "password": "password-1"})
    page = text(client.get("/site/needs"))
    assert "Le Mille" in page and "La Quincaillerie" not in page
