"""Charts and the map of the result pages, drawn on the server as inline SVG.

No script or external tile is needed to see them, and each is an image with a title and a
description for screen readers; the pages also give the same figures as tables. Labels are
escaped; numbers are laid out in a fixed `viewBox` so the browser scales the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import format_decimal
from markupsafe import Markup, escape

from pooling.plan_summary import MapSite, Trip, Workload

WIDTH = 640
BAR_HEIGHT = 16
BAR_GAP = 6
LABEL_WIDTH = 190
MAP_HEIGHT = 480
MAP_PADDING = 16
PROGRESS_HEIGHT = 180


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    """The value as the chart writes it beside the bar."""
    marks: tuple[float, ...] = ()
    """Reference values drawn as ticks across the bar (a contract's minimum, target, maximum)."""
    warn: bool = False


def svg_open(ident: str, width: float, height: float, title: str, description: str,
             css: str) -> str:
    """The opening tag, its title and description; `ident` is unique in the page."""
    return (f'<svg class="chart {css}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
            f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-t">{escape(title)}</title>'
            f'<desc id="{ident}-d">{escape(description)}</desc>')


def bar_chart(ident: str, bars: Sequence[Bar], title: str, description: str,
              scale: float | None = None) -> Markup:
    """Horizontal bars, one per line, with their labels on the left and values on the right."""
    top = max([scale or 0.0, *(b.value for b in bars), *(m for b in bars for m in b.marks), 1e-9])
    span = WIDTH - LABEL_WIDTH - 70
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    parts = [svg_open(ident, WIDTH, height, title, description, "chart--bars")]
    for i, bar in enumerate(bars):
        y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP)
        length = span * bar.value / top
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 4}" class="chart__label">'
            f'{escape(shortened(bar.label, 28))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'class="chart__bar{" chart__bar--warn" if bar.warn else ""}"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + BAR_HEIGHT - 4}" '
            f'class="chart__value">{escape(bar.text)}</text>')
        for mark in bar.marks:
            x = LABEL_WIDTH + span * mark / top
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 2}" '
                         f'y2="{y + BAR_HEIGHT + 2}" class="chart__mark"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def hours(minutes: float) -> str:
    """Minutes as hours with one decimal, written the page's way (`9,5 h` in French)."""
    return f"{format_decimal(minutes / 60, '0.0')} h"


def workload_bars(workloads: Sequence[Workload]) -> list[Bar]:
    """Worked hours with ticks at the contract's minimum, target and maximum; a bar is marked
    when it falls short of the minimum."""
    return [Bar(w.name, w.worked, hours(w.worked),
                tuple(m for m in (w.minimum, w.target, w.maximum) if m),
                warn=w.worked < w.minimum)
            for w in workloads]


def progress_points(events: Sequence[dict], time_limit: float, until: float, key: str,
                    low: float, high: float) -> str:
    """Polyline points of one series of a run's progress, time across and value up: a value
    holds until the next one and the last one until `until` (now, or the end of the run)."""
    span = high - low
    steps = [(min(event["elapsed"], time_limit), event[key]) for event in events
             if event.get(key) is not None]
    points = []
    for i, (moment, value) in enumerate(steps):
        end = steps[i + 1][0] if i + 1 < len(steps) else max(moment, min(until, time_limit))
        y = PROGRESS_HEIGHT * (0.5 if not span else 1 - (value - low) / span)
        for x in (moment, end):
            points.append(f"{WIDTH * x / (time_limit or 1.0):.1f},{y:.1f}")
    return " ".join(points)


def progress_chart(ident: str, events: Sequence[dict], time_limit: float, until: float,
                   title: str, description: str) -> Markup:
    """Coverage (0 to 100 %) and the objective (lower is better, scaled to its range) over the
    run's time; `static/run-progress.js` redraws the same lines as events arrive."""
    objectives = [e["objective"] for e in events if e.get("objective") is not None]
    low, high = (min(objectives), max(objectives)) if objectives else (0.0, 1.0)
    return Markup(
        svg_open(ident, WIDTH, PROGRESS_HEIGHT, title, description, "chart--progress")
        + f'<line x1="0" x2="{WIDTH}" y1="{PROGRESS_HEIGHT}" y2="{PROGRESS_HEIGHT}" '
          f'class="chart__axis"/>'
        + f'<line x1="0" x2="{WIDTH}" y1="0" y2="0" class="chart__axis"/>'
        + f'<polyline id="coverage-line" class="chart__line chart__line--coverage" points="'
          f'{progress_points(events, time_limit, until, "coverage", 0.0, 1.0)}"/>'
        + f'<polyline id="objective-line" class="chart__line chart__line--objective" points="'
          f'{progress_points(events, time_limit, until, "objective", low, high)}"/>'
        + "</svg>")


def projection(sites: Sequence[MapSite]):
    """Equirectangular projection fitted to the sites: x = longitude times the cosine of the
    middle latitude, y = latitude, both scaled to fit the map's largest frame. Gives the place
    of a site and the size of the drawing."""
    lats = [s.lat for s in sites]
    lons = [s.lon for s in sites]
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    width = max((max(lons) - min(lons)) * squeeze, 1e-6)
    height = max(max(lats) - min(lats), 1e-6)
    scale = min((WIDTH - 2 * MAP_PADDING) / width, (MAP_HEIGHT - 2 * MAP_PADDING) / height)

    def place(site: MapSite) -> tuple[float, float]:
        return (MAP_PADDING + (site.lon - min(lons)) * squeeze * scale,
                MAP_PADDING + (max(lats) - site.lat) * scale)
    return place, (width * scale + 2 * MAP_PADDING, height * scale + 2 * MAP_PADDING)


def site_map(ident: str, sites: Sequence[MapSite], trips: Sequence[Trip], title: str,
             description: str, labels: bool) -> Markup:
    """The sites as dots (larger where more happens) and the week's trips as lines (thicker
    when travelled more often); names written when `labels`, else shown on hover."""
    if not sites:
        return Markup("")
    place, (width, height) = projection(sites)
    at = {site.id: place(site) for site in sites}
    label_room = 120 if labels else 0
    parts = [svg_open(ident, width + label_room, height, title, description, "chart--map")]
    for trip in trips:
        if trip.a in at and trip.b in at:
            (x1, y1), (x2, y2) = at[trip.a], at[trip.b]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                         f'class="map__trip" stroke-width="{0.6 + math.log2(trip.count):.2f}"/>')
    for site in sites:
        x, y = at[site.id]
        radius = 2.5 + math.sqrt(site.assignments) / 1.5
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" class="map__site">'
                     f'<title>{escape(site.name)}</title></circle>')
        if labels:
            parts.append(f'<text x="{x + radius + 2:.1f}" y="{y + 4:.1f}" class="map__label">'
                         f'{escape(site.name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
