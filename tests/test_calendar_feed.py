"""The iCal feed of a facilitator: one event per published assignment, exactly as the plan
says (count, times in the network's time zone, location), updated rather than duplicated when
a new version is published."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy.orm import Session

from pooling.accounts import calendar_token, create_user
from pooling.calendar_feed import calendar_for_token, feed
from pooling.domain import Assignment, Plan
from pooling.planning import solve_scenario
from pooling.rota import PublishedRota, published_rota, published_rotas, rota_entries
from pooling.store import import_scenario, publish_plan, save_plan
from scenarios.demo import demo_scenario

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The feed reads plan versions only through the store: SQLite is enough here."""
    return sqlite_url


@pytest.fixture
def published(session: Session):
    """The demo week stored with a published greedy plan; the plan and its facilitator."""
    scenario = demo_scenario()
    import_scenario(session, scenario)
    plan = solve_scenario(scenario, method="greedy", time_limit=1, workers=1)
    version = save_plan(session, scenario.network.name, scenario.network.week_start, scenario,
                        plan)
    publish_plan(session, version.id)
    person = max(scenario.facilitators,
                 key=lambda f: sum(f.id in a.facilitators for a in plan.assignments))
    return scenario, plan, person


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_events_match_the_published_plan_exactly(session, published):
    scenario, plan, person = published
    sites = {site.id: site for site in scenario.sites}
    rotas = published_rotas(session, scenario.network.name)
    found = events(feed(person.id, person.name, rotas, "fr"))
    mine = sorted((a for a in plan.assignments if person.id in a.facilitators),
                  key=lambda a: (a.date, a.start))
    assert len(found) == len(mine) > 0
    for event, assignment in zip(sorted(found, key=lambda e: e.DTSTART), mine):
        start = datetime.combine(assignment.date, datetime.min.time(), PARIS) + timedelta(
            minutes=assignment.start)
        assert event.DTSTART == start
        assert event.DTEND - event.DTSTART == timedelta(minutes=assignment.end - assignment.start)
        assert event.DTSTART.tzinfo.key == "Europe/Paris"
        site = sites[assignment.site]
        assert str(event["LOCATION"]) == f"{site.name}, {site.commune}"
        assert str(event["SUMMARY"]) == next(n.title for n in scenario.needs
                                             if n.id == assignment.need)
    assert Calendar.from_ical(feed(person.id, person.name, rotas, "fr")).timezones[0].tz_name \
        == "Europe/Paris"


def test_description_says_room_kit_and_colleagues_in_the_persons_language(session, published):
    scenario, plan, person = published
    rota = published_rota(session, scenario.network.name, scenario.network.week_start)
    entry = next(e for e in rota.for_facilitator(person.id).entries)
    data = feed(person.id, person.name, [rota], "fr")
    description = str(next(e for e in events(data) if e.DTSTART.date() == entry.date
                           and str(e["SUMMARY"]) == entry.title)["DESCRIPTION"])
    assert f"Salle : {entry.room_name or 'aucun'}" in description
    assert f"Matériel à apporter : {', '.join(entry.equipment) or 'aucun'}" in description
    assert f"Collègues : {', '.join(entry.colleagues(person.id)) or 'aucun'}" in description
    english = str(events(feed(person.id, person.name, [rota], "en"))[0]["DESCRIPTION"])
    assert english.startswith("Room: ")


def test_a_new_version_updates_events_instead_of_adding_some(session, published):
    scenario, plan, person = published
    first = {str(e["UID"]): e for e in events(feed(person.id, person.name, published_rotas(
        session, scenario.network.name), "fr"))}
    moved = tuple(replace(a, start=a.start + 15, end=a.end + 15) if a == plan.assignments[0]
                  else a for a in plan.assignments)
    version = save_plan(session, scenario.network.name, scenario.network.week_start, scenario,
                        replace(plan, assignments=moved))
    publish_plan(session, version.id)
    second = {str(e["UID"]): e for e in events(feed(person.id, person.name, published_rotas(
        session, scenario.network.name), "fr"))}
    assert second.keys() == first.keys()
    assert {int(e["SEQUENCE"]) for e in second.values()} == {2}


def test_an_assignment_ending_at_midnight_ends_the_next_day(session):
    scenario = demo_scenario()
    need = scenario.needs[0]
    person = scenario.facilitators[0]
    plan = Plan("feasible", (Assignment(need.id, need.date, 22 * 60, 24 * 60, need.site, None,
                                        (person.id,)),),
                tuple())
    rota = PublishedRota(scenario.network.name, scenario.network.week_start, 7,
                         "Europe/Paris", 1, 1, datetime(2026, 11, 25, tzinfo=PARIS),
                         rota_entries(scenario, plan), ())
    event = events(feed(person.id, person.name, [rota], "fr"))[0]
    assert event.DTEND == datetime.combine(need.date + timedelta(days=1),
                                           datetime.min.time(), PARIS)


def test_only_a_facilitators_token_opens_a_feed(session, published):
    scenario, _, person = published
    network = scenario.network.name
    facilitator = create_user(session, "f@test.example", "F", "password-1", "facilitator",
                              network=network, facilitator=person.id)
    manager = create_user(session, "m@test.example", "M", "password-1", "site_manager",
                          network=network, sites=[scenario.sites[0].id])
    assert events(calendar_for_token(session, calendar_token(session, facilitator.id)))
    assert calendar_for_token(session, calendar_token(session, manager.id)) is None
    assert calendar_for_token(session, "not a token") is None


def test_a_network_without_published_plan_gives_an_empty_calendar(session):
    scenario = demo_scenario()
    import_scenario(session, scenario)
    person = scenario.facilitators[0]
    data = feed(person.id, person.name, published_rotas(session, scenario.network.name), "fr")
    assert events(data) == []
    assert Calendar.from_ical(data)["X-WR-CALNAME"] == f"Planning de {person.name}"
