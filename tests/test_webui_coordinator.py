"""The coordinator's pages through the Flask test client: every route, import and export, the
forms on the week's objects, solving a week, and the plans (publish, adjust, compare).

`COORDINATOR_ROUTES` lists every route of the coordinator blueprint with the answer each role
gets, in the order of `test_webui_authorisation.row` (endpoint, method, path, anonymous,
coordinator, site manager, facilitator). Paths name the demo week and its objects with the
fields of the authorisation matrix's `Objects` ({network}, {week}, {site}, {published},
{draft}) plus {run}, a finished solve of the week. POSTs are sent empty: a form without its
fields answers 422 (or 409 for a deletion refused), an action redirects (302).
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import date, timedelta
from urllib.parse import quote, quote_plus

import pytest
from sqlalchemy import func, select

from factories import make_scenario
from pooling.accounts import create_user
from pooling.db.models import PlanRun, PlanVersion
from pooling.interchange import plan_from_dict, plan_to_dict, scenario_to_dict
from pooling.runs import execute_run, request_run
from pooling.store import (export_scenario, import_scenario, latest_plan, list_weeks,
                           publish_plan, save_plan)
from scenarios.demo import demo_scenario
from webui.database import engine as app_engine
from webui_fixtures import (app, app_database, app_session, client,  # noqa: F401
                            demo_accounts, demo_database, login_as)

LOGIN, ELSEWHERE = "login", "elsewhere"
DEMO = demo_scenario()
NETWORK, WEEK = DEMO.network.name, DEMO.network.week_start
WEEK_PATH = "/coordination/{network}/{week}"

COORDINATOR_ROUTES = [
    # endpoint, method, path, anonymous, coordinator, site manager, facilitator
    ("coordinator.index", "GET", "/coordination/", LOGIN, 200, 403, 403),
    ("coordinator.weeks", "GET", "/coordination/weeks", LOGIN, 200, 403, 403),
    ("coordinator.import_scenario", "GET", "/coordination/import", LOGIN, 200, 403, 403),
    ("coordinator.import_scenario", "POST", "/coordination/import", LOGIN, 422, 403, 403),
    ("coordinator.week", "GET", WEEK_PATH + "/", LOGIN, 200, 403, 403),
    ("coordinator.export", "GET", WEEK_PATH + "/export/json", LOGIN, 200, 403, 403),
    ("coordinator.resources", "GET", WEEK_PATH + "/sites/", LOGIN, 200, 403, 403),
    ("coordinator.resource_new", "GET", WEEK_PATH + "/rooms/new", LOGIN, 200, 403, 403),
    ("coordinator.resource_new", "POST", WEEK_PATH + "/rooms/new", LOGIN, 422, 403, 403),
    ("coordinator.resource_edit", "GET", WEEK_PATH + "/sites/{site}/edit", LOGIN, 200, 403,
     403),
    ("coordinator.resource_edit", "POST", WEEK_PATH + "/sites/{site}/edit", LOGIN, 422, 403,
     403),
    ("coordinator.resource_delete", "GET", WEEK_PATH + "/sites/{site}/delete", LOGIN, 200, 403,
     403),
    ("coordinator.resource_delete", "POST", WEEK_PATH + "/sites/{site}/delete", LOGIN, 409, 403,
     403),
    ("coordinator.solve", "POST", WEEK_PATH + "/solve", LOGIN, 422, 403, 403),
    ("coordinator.run", "GET", "/coordination/runs/{run}", LOGIN, 200, 403, 403),
    ("coordinator.run_progress", "GET", "/coordination/runs/{run}/progress.json", LOGIN, 200,
     403, 403),
    ("coordinator.cancel", "POST", "/coordination/runs/{run}/cancel", LOGIN, ELSEWHERE, 403,
     403),
    ("coordinator.version", "GET", "/coordination/versions/{draft}", LOGIN, 200, 403, 403),
    ("coordinator.grid", "GET", "/coordination/versions/{draft}/grid/site", LOGIN, 200, 403,
     403),
    ("coordinator.compare", "GET", "/coordination/versions/{draft}/compare", LOGIN, 200, 403,
     403),
    ("coordinator.adjust", "GET", "/coordination/versions/{draft}/adjust/N-01", LOGIN, 200,
     403, 403),
    ("coordinator.adjust", "POST", "/coordination/versions/{draft}/adjust/N-01", LOGIN, 422,
     403, 403),
    ("coordinator.publish", "POST", "/coordination/versions/{draft}/publish", LOGIN, ELSEWHERE,
     403, 403),
]
"""Every route of the coordinator blueprint and who may open it."""


@dataclass(frozen=True)
class Objects:
    network: str
    week: str
    site: str
    published: int
    draft: int
    run: int


def solved(session, engine, **options) -> PlanRun:
    run = request_run(session, NETWORK, WEEK, method="greedy", time_limit=5, **options)
    execute_run(engine, run.id)
    session.refresh(run)
    return run


@pytest.fixture
def objects(app, app_session) -> Objects:
    """A published version, then a draft made by a finished solve."""
    app.config["SOLVE_INLINE"] = True
    engine = app_engine(app)
    published = solved(app_session, engine).plan_version_id
    publish_plan(app_session, published)
    run = solved(app_session, engine)
    return Objects(quote(NETWORK), WEEK.isoformat(), DEMO.sites[0].id, published,
                   run.plan_version_id, run.id)


def path_of(template: str, objects: Objects) -> str:
    return template.format(**vars(objects))


def text(response) -> str:
    """The page's visible text, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", body).replace("&#39;", "'").replace("&#34;", '"')


def answer(response) -> int | str:
    if response.status_code == 302:
        return LOGIN if response.location.startswith("/login") else ELSEWHERE
    return response.status_code


def week_path(suffix: str = "/") -> str:
    return f"/coordination/{quote(NETWORK)}/{WEEK.isoformat()}{suffix}"


def version_count(session) -> int:
    return session.scalar(select(func.count(PlanVersion.id)))


# --- who may open what -----------------------------------------------------------------------


def test_the_list_covers_every_coordinator_route(app):
    served = {(rule.endpoint, method) for rule in app.url_map.iter_rules()
              if rule.endpoint.startswith("coordinator.")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert served == {(endpoint, method) for endpoint, method, *_ in COORDINATOR_ROUTES}


@pytest.mark.parametrize("role, column", [("coordinator", 4), ("site_manager", 5),
                                          ("facilitator", 6), ("anonymous", 3)])
def test_every_coordinator_route_answers_each_role(app, client, login_as, objects, role,
                                                   column):
    if role != "anonymous":
        login_as(role)
    wrong = []
    for line in COORDINATOR_ROUTES:
        method, path, expected = line[1], path_of(line[2], objects), line[column]
        got = answer(client.open(path, method=method))
        if got != expected:
            wrong.append(f"{method} {path}: {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_a_coordinator_of_another_network_gets_403_not_the_data(client, app_session, objects):
    other = replace(make_scenario(), network=replace(make_scenario().network, name="Autre"))
    import_scenario(app_session, other)
    create_user(app_session, "autre@coord.example", "Autre coordination", "autre-coord",
                "coordinator", network="Autre")
    client.post("/login", data={"email": "autre@coord.example", "password": "autre-coord"})
    for template in ("/coordination/{network}/{week}/", "/coordination/versions/{draft}",
                     "/coordination/versions/{draft}/grid/facilitator",
                     "/coordination/runs/{run}/progress.json",
                     "/coordination/{network}/{week}/needs/"):
        response = client.get(path_of(template, objects))
        assert response.status_code == 403, template
        assert DEMO.sites[0].name not in response.get_data(as_text=True)
    home = text(client.get("/coordination/"))
    assert "Autre" in home and NETWORK not in home


def test_unknown_objects_are_404(client, login_as, objects):
    login_as("coordinator")
    for path in ("/coordination/versions/9999", "/coordination/runs/9999",
                 week_path("/planets/"), week_path("/sites/NOPE/edit"),
                 f"/coordination/versions/{objects.draft}/grid/moon",
                 f"/coordination/versions/{objects.draft}/adjust/N-999",
                 f"/coordination/{quote(NETWORK)}/2031-01-06/", week_path("/export/pdf")):
        assert client.get(path).status_code == 404, path


# --- import and export -----------------------------------------------------------------------


def demo_document() -> dict:
    return scenario_to_dict(DEMO)


def upload(client, name: str, content: bytes):
    return client.post("/coordination/import",
                       data={"file": (io.BytesIO(content), name)},
                       content_type="multipart/form-data")


def test_a_broken_file_shows_every_problem_and_changes_nothing(client, login_as, app_session):
    login_as("coordinator")
    document = demo_document()
    document["needs"][3]["site"] = "TL-nowhere"
    document["needs"][5]["start"] = "25:00"
    document["needs"].append({"id": "N-new", "site": DEMO.sites[0].id, "title": "Nouveau",
                              "date": "2026-11-30", "start": "09:00", "end": "10:00"})
    before = scenario_to_dict(export_scenario(app_session, NETWORK, WEEK))
    response = upload(client, "semaine.json", json.dumps(document).encode())
    page = text(response)
    assert response.status_code == 422
    assert "$.needs[3].site" in page and "$.needs[5].start" in page
    assert "Rien n'a été importé" in page
    assert scenario_to_dict(export_scenario(app_session, NETWORK, WEEK)) == before


def test_a_file_of_an_unknown_kind_or_unreadable_is_refused_by_its_name(client, login_as):
    login_as("coordinator")
    for name, content in (("semaine.pdf", b"%PDF"), ("semaine.xlsx", b"PK?"),
                          ("semaine.zip", b"not a zip")):
        response = upload(client, name, content)
        assert response.status_code == 422
        assert name in text(response) and "pooling-upload" not in text(response)
    assert "line 1, column 2" in text(upload(client, "semaine.json", b"{not json"))


def test_an_exported_workbook_imports_back_with_a_change(client, login_as, app_session):
    login_as("coordinator")
    exported = client.get(week_path("/export/xlsx"))
    assert exported.status_code == 200
    assert exported.headers["Content-Disposition"].endswith(".xlsx")
    response = upload(client, "semaine.xlsx", exported.data)
    assert response.status_code == 302
    assert response.location == week_path()
    assert export_scenario(app_session, NETWORK, WEEK) == DEMO


def test_the_csv_export_is_a_zip_that_imports_back(client, login_as, app_session):
    login_as("coordinator")
    exported = client.get(week_path("/export/csv"))
    names = zipfile.ZipFile(io.BytesIO(exported.data)).namelist()
    assert any(name.endswith("/needs.csv") for name in names)
    assert upload(client, "semaine.zip", exported.data).status_code == 302
    assert export_scenario(app_session, NETWORK, WEEK) == DEMO


def test_a_coordinator_cannot_import_another_network(client, login_as, app_session):
    login_as("coordinator")
    document = demo_document()
    document["network"]["name"] = "Un autre réseau"
    response = upload(client, "autre.json", json.dumps(document).encode())
    assert response.status_code == 422 and "$.network.name" in text(response)
    assert [week.network for week in list_weeks(app_session)] == [NETWORK]


# --- the forms on the week's objects ---------------------------------------------------------


def field_errors(page: str, field: str) -> str:
    """The error list under one field, as text."""
    match = re.search(rf'<ul class="field__errors" id="{field}-errors">(.*?)</ul>', page, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def test_bad_input_gets_field_messages_and_nothing_is_saved(client, login_as, app_session):
    login_as("coordinator")
    site = DEMO.sites[0]
    before = export_scenario(app_session, NETWORK, WEEK)
    response = client.post(week_path(f"/sites/{site.id}/edit"), data={
        "name": "Nouveau nom", "lat": "quarante-six", "lon": "200", "pool_share": "-1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "nombre" in field_errors(page, "lat")
    assert "200" in field_errors(page, "lon")
    assert field_errors(page, "pool_share")
    assert field_errors(page, "name") == ""
    assert export_scenario(app_session, NETWORK, WEEK) == before


def test_a_facilitators_availability_problem_is_shown_at_its_clause(client, login_as):
    login_as("coordinator")
    person = DEMO.facilitators[0]
    form = client.get(week_path(f"/facilitators/{person.id}/edit")).get_data(as_text=True)
    fields = dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"', form))
    fields["availability"] = "mon 09:00-12:00; tue 14:00-25:00"
    response = client.post(week_path(f"/facilitators/{person.id}/edit"), data=fields)
    assert response.status_code == 422
    assert "availability[1].end" in field_errors(response.get_data(as_text=True), "availability")


def test_a_site_is_added_edited_then_deleted(client, login_as, app_session):
    login_as("coordinator")
    response = client.post(week_path("/sites/new"), data={
        "id": "TL-new", "name": "Le Nouveau Lieu", "commune": "Felletin", "lat": "45,88",
        "lon": "2.17"})
    assert response.status_code == 302
    added = export_scenario(app_session, NETWORK, WEEK).sites[-1]
    assert (added.id, added.lat, added.pool_share) == ("TL-new", 45.88, 1.0)
    client.post(week_path("/sites/TL-new/edit"), data={
        "id": "ignored", "name": "Le Lieu Neuf", "lat": "45.88", "lon": "2.17"})
    assert export_scenario(app_session, NETWORK, WEEK).sites[-1].name == "Le Lieu Neuf"
    assert client.post(week_path("/sites/TL-new/delete")).status_code == 302
    assert export_scenario(app_session, NETWORK, WEEK) == DEMO


def test_deleting_a_site_still_named_elsewhere_is_refused_with_each_reference(
        client, login_as, app_session):
    login_as("coordinator")
    site = DEMO.sites[0]
    response = client.post(week_path(f"/sites/{site.id}/delete"))
    page = text(response)
    assert response.status_code == 409
    assert f"rooms/{DEMO.rooms[0].id}.site" in page
    assert export_scenario(app_session, NETWORK, WEEK) == DEMO


def test_a_need_form_reports_a_missing_time(client, login_as, app_session):
    login_as("coordinator")
    response = client.post(week_path("/needs/new"), data={
        "id": "N-new", "site": DEMO.sites[0].id, "title": "Atelier", "staff": "accueil>=9"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "needs/N-new" in text(response)
    assert "level" in field_errors(page, "staff") or "niveau" in field_errors(page, "staff")
    assert len(export_scenario(app_session, NETWORK, WEEK).needs) == len(DEMO.needs)


def test_deleting_a_site_another_week_still_needs_is_refused(client, login_as, app_session):
    login_as("coordinator")
    client.post(week_path("/sites/new"), data={"id": "TL-new", "name": "Le Nouveau Lieu",
                                               "lat": "45.88", "lon": "2.17"})
    this_week = export_scenario(app_session, NETWORK, WEEK)
    later = WEEK + timedelta(days=7)
    import_scenario(app_session, replace(
        this_week, network=replace(this_week.network, week_start=later),
        needs=(replace(DEMO.needs[0], site="TL-new", date=later),)))
    response = client.post(week_path("/sites/TL-new/delete"))
    assert response.status_code == 409
    assert f"{later.isoformat()}/needs/{DEMO.needs[0].id}.site" in text(response)
    assert export_scenario(app_session, NETWORK, WEEK) == this_week


# --- solving a week --------------------------------------------------------------------------


def test_a_solve_goes_from_queued_to_done_and_makes_a_draft(app, client, login_as, app_session):
    app.config["SOLVE_INLINE"] = True
    login_as("coordinator")
    response = client.post(week_path("/solve"), data={"time_limit": "2", "method": "greedy",
                                                      "keep_pins": "y"})
    assert response.status_code == 302
    run_page = client.get(response.location)
    assert "terminé" in text(run_page)
    run = app_session.scalar(select(PlanRun))
    assert (run.status, run.options["time_limit"]) == ("done", 2.0)
    version = app_session.get(PlanVersion, run.plan_version_id)
    assert version.status == "draft"
    progress = client.get(f"/coordination/runs/{run.id}/progress.json").get_json()
    assert progress["finished"] and progress["met"] == version.met_needs
    assert progress["version_url"] == f"/coordination/versions/{version.id}"


def test_a_queued_solve_shows_its_progress_page_and_can_be_cancelled(client, login_as,
                                                                    app_session):
    login_as("coordinator")
    run = request_run(app_session, NETWORK, WEEK, time_limit=3)
    page = client.get(f"/coordination/runs/{run.id}").get_data(as_text=True)
    assert 'http-equiv="refresh"' in page and "run-progress.js" in page
    assert client.get(f"/coordination/runs/{run.id}/progress.json").get_json()["status"] == \
        "queued"
    assert client.post(f"/coordination/runs/{run.id}/cancel").status_code == 302
    app_session.expire_all()
    assert app_session.get(PlanRun, run.id).status == "cancelled"
    assert "annulé" in text(client.get(f"/coordination/runs/{run.id}"))


def test_bad_solve_settings_are_shown_on_the_week_page(client, login_as, app_session):
    login_as("coordinator")
    response = client.post(week_path("/solve"), data={"time_limit": "0", "method": "cpsat"})
    assert response.status_code == 422
    assert field_errors(response.get_data(as_text=True), "time_limit")
    assert app_session.scalar(select(func.count(PlanRun.id))) == 0


# --- plans: pages, publish, adjust, compare --------------------------------------------------


def test_every_view_of_a_plan_renders(client, login_as, objects):
    login_as("coordinator")
    summary = text(client.get(f"/coordination/versions/{objects.draft}"))
    assert "Besoins non satisfaits" in summary and "Carte de la semaine" in summary
    for dimension in ("site", "facilitator", "room", "equipment"):
        page = client.get(f"/coordination/versions/{objects.draft}/grid/{dimension}")
        assert page.status_code == 200
    grid = text(client.get(f"/coordination/versions/{objects.draft}/grid/facilitator"))
    assert DEMO.facilitators[0].name in grid


@pytest.mark.parametrize("dimension, rows, files", [
    ("site", DEMO.sites, r"/site/rota/[^\"?]+\.(xlsx|csv)\?[^\"]+"),
    ("facilitator", DEMO.facilitators, r"/me/rota\.(xlsx|csv)\?[^\"]+"),
])
def test_the_published_rota_by_site_or_facilitator_links_each_rows_files(
        client, login_as, objects, dimension, rows, files):
    login_as("coordinator")
    page = client.get(f"/coordination/versions/{objects.published}/grid/{dimension}")
    links = [html.unescape(m.group()) for m in re.finditer(files, page.get_data(as_text=True))]
    assert len(links) == 2 * len(rows)
    assert f"network={quote_plus(NETWORK)}" in links[0] and f"week={WEEK}" in links[0]
    for link in links[:2]:
        download = client.get(link)
        assert download.status_code == 200
        assert download.mimetype in ("text/csv", "application/vnd.openxmlformats-"
                                                  "officedocument.spreadsheetml.sheet")
    draft = client.get(f"/coordination/versions/{objects.draft}/grid/{dimension}")
    assert not re.search(files, draft.get_data(as_text=True)), "a draft is nobody's rota yet"


def test_publishing_makes_the_version_final(client, login_as, app_session, objects):
    login_as("coordinator")
    client.post(f"/coordination/versions/{objects.draft}/publish")
    app_session.expire_all()
    version = app_session.get(PlanVersion, objects.draft)
    assert version.status == "published"
    published_plan = dict(version.plan)
    response = client.post(f"/coordination/versions/{objects.draft}/adjust/N-01", data={
        "facilitators": version.plan["assignments"][0]["facilitators"],
        "room": version.plan["assignments"][0]["room"] or "",
        "date": version.plan["assignments"][0]["date"],
        "start": version.plan["assignments"][0]["start"], "pin": "y"})
    assert response.status_code == 302
    app_session.expire_all()
    assert app_session.get(PlanVersion, objects.draft).plan == published_plan
    latest = latest_plan(app_session, NETWORK, WEEK)
    assert (latest.status, latest.number) == ("draft", 3)
    assert "Version 2" in text(client.get(f"/coordination/versions/{objects.draft}"))
    assert "Publier cette version" not in text(
        client.get(f"/coordination/versions/{objects.draft}"))


def test_an_adjustment_breaking_a_rule_names_the_rule_and_saves_nothing(
        client, login_as, app_session, objects):
    login_as("coordinator")
    draft = app_session.get(PlanVersion, objects.draft)
    first = draft.plan["assignments"][0]
    other_day = (date.fromisoformat(first["date"]) + timedelta(days=1)).isoformat()
    count = version_count(app_session)
    response = client.post(f"/coordination/versions/{objects.draft}/adjust/{first['need']}",
                           data={"facilitators": first["facilitators"],
                                 "room": first["room"] or "", "date": other_day,
                                 "start": first["start"], "pin": "y"})
    page = text(response)
    assert response.status_code == 422
    assert "Règle 2" in page
    assert version_count(app_session) == count


def test_an_unreadable_start_is_shown_at_its_field(client, login_as, objects):
    login_as("coordinator")
    response = client.post(f"/coordination/versions/{objects.draft}/adjust/N-01",
                           data={"date": WEEK.isoformat(), "start": "9 heures"})
    assert response.status_code == 422
    assert field_errors(response.get_data(as_text=True), "start")


def test_a_pinned_assignment_is_kept_by_the_next_solve(app, client, login_as, app_session,
                                                       objects):
    login_as("coordinator")
    draft = app_session.get(PlanVersion, objects.draft)
    first = draft.plan["assignments"][0]
    client.post(f"/coordination/versions/{objects.draft}/adjust/{first['need']}", data={
        "facilitators": first["facilitators"], "room": first["room"] or "",
        "date": first["date"], "start": first["start"], "pin": "y"})
    pinned = latest_plan(app_session, NETWORK, WEEK)
    assert first["need"] in plan_from_dict(pinned.plan).extra["pins"]
    grid = client.get(f"/coordination/versions/{pinned.id}/grid/site").get_data(as_text=True)
    assert "slot--pinned" in grid
    client.post(week_path("/solve"), data={"time_limit": "2", "method": "greedy",
                                           "keep_pins": "y"})
    resolved = latest_plan(app_session, NETWORK, WEEK)
    assert resolved.number == pinned.number + 1
    assert first["need"] in resolved.plan["extra"]["pins"]


def test_compare_lists_the_moved_assignment_for_whom(client, login_as, app_session, objects):
    login_as("coordinator")
    draft = app_session.get(PlanVersion, objects.draft)
    plan = plan_from_dict(draft.plan)
    moved = plan.assignments[0]
    stranger = next(f for f in DEMO.facilitators if f.id not in moved.facilitators)
    changed = replace(plan, assignments=(replace(moved, facilitators=(stranger.id,)),
                                         *plan.assignments[1:]))
    saved = save_plan(app_session, NETWORK, WEEK, DEMO, changed)
    response = client.get(f"/coordination/versions/{saved.id}/compare?with={draft.id}")
    page = text(response)
    assert response.status_code == 200
    assert "affectations modifiées : 1," in page
    title = next(n.title for n in DEMO.needs if n.id == moved.need)
    assert page.count(title) >= 3, "listed for the old and new facilitator and for the site"
    assert stranger.name in page
    assert plan_to_dict(plan) == draft.plan
