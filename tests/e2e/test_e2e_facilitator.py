"""A facilitator opens "Ma semaine", finds their published assignments, and takes them to their
calendar: the downloaded file and the subscription feed hold exactly the published plan."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from playwright.sync_api import expect

from pooling.domain import Assignment, Scenario


def assignments_of(scenario: Scenario, plan, person: str) -> list[Assignment]:
    return sorted((a for a in plan.assignments if person in a.facilitators),
                  key=lambda a: (a.date, a.start))


def moment(scenario: Scenario, assignment: Assignment, minutes: int) -> datetime:
    day = assignment.date + timedelta(days=minutes // (24 * 60))
    minutes %= 24 * 60
    return datetime.combine(day, time(minutes // 60, minutes % 60),
                            ZoneInfo(scenario.network.timezone))


def planned_events(scenario: Scenario, plan, person: str) -> set[tuple]:
    """(need, start, end) of each published assignment of `person`."""
    return {(a.need, moment(scenario, a, a.start), moment(scenario, a, a.end))
            for a in assignments_of(scenario, plan, person)}


def calendar_events(data: bytes) -> set[tuple]:
    """(need, start, end) of each event of an iCalendar file (the need is in the event's UID)."""
    calendar = Calendar.from_ical(data)
    return {(str(event["uid"]).split(".")[1], event.decoded("dtstart"), event.decoded("dtend"))
            for event in calendar.walk("VEVENT")}


def test_a_facilitator_sees_their_week_and_takes_it_to_their_calendar(
        page, sign_in, published_plan, screenshot, tmp_path):
    scenario, plan = published_plan
    account = sign_in("facilitator")
    person = next(f for f in scenario.facilitators if f.name == account.name)
    mine = assignments_of(scenario, plan, person.id)
    assert mine, "the demo's first facilitator should have assignments in the published plan"

    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Ma semaine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ma semaine")
    expect(page.locator("article.assignment")).to_have_count(len(mine))
    first = mine[0]
    title = next(need.title for need in scenario.needs if need.id == first.need)
    site = next(s for s in scenario.sites if s.id == first.site)
    card = page.locator("article.assignment").first
    expect(card.get_by_role("heading")).to_contain_text(
        f"{first.start // 60:02d}:{first.start % 60:02d}")
    expect(card.get_by_role("heading")).to_contain_text(title)
    expect(card).to_contain_text(site.name)
    screenshot(page, "facilitator-week")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, \
        "the week should fit a phone's width"
    screenshot(page, "facilitator-week-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Ajouter à mon agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon agenda")
    screenshot(page, "facilitator-calendar")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le fichier d'agenda (.ics)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".ics"
    expected = planned_events(scenario, plan, person.id)
    assert calendar_events(saved.read_bytes()) == expected

    feed_url = page.get_by_label("Votre lien d'agenda privé").input_value()
    feed = page.context.request.get(feed_url)
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    assert calendar_events(feed.body()) == expected
