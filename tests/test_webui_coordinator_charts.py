"""The server-drawn SVG of the result and progress pages: the map keeps the sites' true shape,
labels are escaped, progress holds each value until the next one."""

from __future__ import annotations

import math
import re

from pooling.plan_summary import MapSite, Trip, Workload
from webui_fixtures import app, app_database, demo_database  # noqa: F401
from webui.charts import Bar, bar_chart, progress_points, site_map, workload_bars


def numbers(svg: str, attribute: str) -> list[float]:
    return [float(value) for value in re.findall(rf'{attribute}="([-0-9.]+)"', svg)]


def test_the_map_is_equirectangular_and_fits_its_sites():
    # Near 60° north a degree of longitude is about half a degree of latitude long.
    sites = [MapSite("A", "A", 60.0, 0.0, 1), MapSite("B", "B", 60.5, 1.0, 4)]
    svg = str(site_map("m", sites, [Trip("A", "B", 3)], "Carte", "Deux lieux", labels=True))
    xs, ys = numbers(svg, "cx"), numbers(svg, "cy")
    across, up = xs[1] - xs[0], ys[0] - ys[1]
    assert abs(across / up - 2 * math.cos(math.radians(60.25))) < 0.01
    assert re.search(r'<line [^>]*stroke-width="2\.1', svg), "three trips draw a thicker line"
    assert "<title id=\"m-t\">Carte</title>" in svg and svg.count("map__label") == 2


def test_labels_are_escaped_and_marks_drawn():
    svg = str(bar_chart("c", [Bar("<b>Lieu & co</b>", 5, "5/10", marks=(8,))], "T", "D"))
    assert "&lt;b&gt;Lieu &amp; co&lt;/b&gt;" in svg and "<b>" not in svg
    assert svg.count("chart__mark") == 1


def test_workload_bars_warn_below_the_contract_minimum(app):
    with app.test_request_context():
        bars = workload_bars([Workload("F1", "Ana", 300, 600, 900, 1200, 40),
                              Workload("F2", "Léo", 700, 600, None, 1200, 0)])
    assert [(bar.warn, bar.marks, bar.text) for bar in bars] == [
        (True, (600, 900, 1200), "5,0 h"), (False, (600, 1200), "11,7 h")]


def test_progress_holds_each_value_until_the_next_and_the_last_until_now():
    events = [{"elapsed": 1.0, "coverage": 0.5}, {"elapsed": 2.0, "coverage": 1.0}]
    assert progress_points(events, 4.0, 3.0, "coverage", 0.0, 1.0) == \
        "160.0,90.0 320.0,90.0 320.0,0.0 480.0,0.0"
