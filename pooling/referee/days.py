"""Day specs and minute intervals on a date, as the spec's "Precise readings" fix them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pooling.domain import WEEKDAYS, DayPeriod, Network, Window

Span = tuple[int, int]


def applies_on(day_spec: str, day: date, network: Network) -> bool:
    """A weekday name means that weekday in every week of the horizon; an ISO date means itself."""
    if day_spec in WEEKDAYS:
        return network.contains(day) and WEEKDAYS.index(day_spec) == day.weekday()
    try:
        return date.fromisoformat(day_spec) == day
    except ValueError:
        return False


def merged_spans(spans: Iterable[Span]) -> list[Span]:
    """The union of half-open spans, touching ones merged, in order."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def window_spans(windows: Iterable[Window], day: date, network: Network) -> list[Span]:
    """The union of the windows that apply on `day`."""
    return merged_spans((w.start, w.end) for w in windows if applies_on(w.day, day, network))


def period_spans(periods: Iterable[DayPeriod], day: date, network: Network) -> list[Span]:
    """The minutes of `day` covered by `unavailable` periods (whole day when no times)."""
    return merged_spans(p.span for p in periods if applies_on(p.day, day, network))


def inside(spans: Iterable[Span], start: int, end: int) -> bool:
    """Whether [start, end) lies within one span of a merged union."""
    return any(s <= start and end <= e for s, e in spans)


def overlap_minutes(spans: Iterable[Span], start: int, end: int) -> int:
    """How many minutes of [start, end) fall inside merged, disjoint spans."""
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
