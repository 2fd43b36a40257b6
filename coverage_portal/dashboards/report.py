"""The printable province report (HTML with a print stylesheet) and its PDF twin.

Both take the province page's figures and add what paper needs: the date and time it was
made (in the province's time zone), the map and trend drawn without JavaScript, and the
denominators named beside every percentage.
"""

from __future__ import annotations

import json
import math
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from coverage_portal.dashboards import drawing, geo, panels
from regions.access.users import PortalUser
from regions.values.formatting import format_number, format_percent

MAP_SIZE = (640.0, 420.0)
TREND_SIZE = (640.0, 160.0)


def context(user: PortalUser, code: str, wanted: str | None) -> dict[str, Any]:
    data = panels.province(user, code, wanted, agreements=True)
    region = data["region"]
    data["generated_at"] = timezone.localtime(timezone.now(), ZoneInfo(region.timezone))
    if data["period"] is None:
        return data
    features = json.loads(geo.children_geojson(user, region))["features"]
    shapes = drawing.project(features, *MAP_SIZE)
    for shape in shapes:
        value = data["map_values"].get(shape.code)
        shape.fill = drawing.colour(value["coverage"] if value else None)
    data["shapes"] = shapes
    data["map_size"] = MAP_SIZE
    _from_first_report(data)
    chart = data["trend_chart"]
    segments = drawing.trend_line(chart["coverage"], *TREND_SIZE)
    data["trend_segments"] = segments
    data["trend_polylines"] = [" ".join(f"{x:.1f},{y:.1f}" for x, y in s) for s in segments]
    data["trend_size"] = TREND_SIZE
    data["trend_steps"] = [
        drawing.trend_x(step["index"], len(chart["labels"]), TREND_SIZE[0])
        for step in chart["denominator_changes"]
    ]
    data["trend_partial_points"] = drawing.trend_points(
        chart["coverage"], chart["partial"], *TREND_SIZE
    )
    data["trend_axes"] = trend_axes(chart)
    data["denominators"] = denominators(data)
    return data


def _from_first_report(data: dict[str, Any]) -> None:
    """Paper starts the trend at the region's first reported month: months before it would
    only repeat "not reported"."""
    rows = data["trend_rows"]
    first = next((i for i, r in enumerate(rows) if r.row is not None), len(rows) - 1)
    data["trend_rows"] = rows[first:]
    chart = dict(data["trend_chart"])
    for key in ("labels", "coverage", "participants", "partial"):
        chart[key] = chart[key][first:]
    chart["denominator_changes"] = [
        {**step, "index": step["index"] - first}
        for step in chart["denominator_changes"]
        if step["index"] >= first
    ]
    data["trend_chart"] = chart


def trend_axes(chart: dict[str, Any]) -> dict[str, Any]:
    """Where the y labels (lowest, middle, highest coverage) and the x labels (about six
    months) go on a trend drawn TREND_SIZE large."""
    width, height = TREND_SIZE
    known = [v for v in chart["coverage"] if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 0.0)
    levels = [low, (low + high) / 2, high] if high > low else [low]
    span = (high - low) or 1.0
    labels = chart["labels"]
    every = max(1, math.ceil(len(labels) / 6))
    return {
        "y": [(height - (v - low) / span * height, format_percent(v)) for v in levels],
        "x": [
            (drawing.trend_x(i, len(labels), width), label)
            for i, label in enumerate(labels)
            if (len(labels) - 1 - i) % every == 0
        ],
        "first": labels[0] if labels else "",
        "last": labels[-1] if labels else "",
    }


def denominators(data: dict[str, Any]) -> list[str]:
    """The denominators used on the report, named, never a code or "None": the region's own
    ('Penduduk bekerja (BPS Sakernas), 2022: 1.830.662 (Kalimantan Barat)'), then one line
    per kind for its regencies, saying how many have a figure and in plain words when
    none or some do not."""
    own = [r for r in (data.get("total"), *data.get("categories", [])) if r is not None]
    used = [r for r in own if r.denominator_kind]
    lines = sorted({_denominator(r) for r in used if r.denominator_value is not None})
    lines += _missing_lines([r for r in used if r.denominator_value is None])
    regencies = [item.now for item in data.get("regencies", []) if item.now is not None]
    return lines + _regency_lines(regencies)


def _missing_lines(rows: list[Any]) -> list[str]:
    """Every kind without a figure named in one line per region, so the plain words are
    said once, not once per category."""
    by_region: dict[str, set[str]] = {}
    for row in rows:
        by_region.setdefault(row.region.name, set()).add(f"{row.denominator_kind.name}")
    return [
        f"{', '.join(sorted(kinds))}: {_('no figure for this year')} ({region})"
        for region, kinds in sorted(by_region.items())
    ]


def _denominator(row: Any) -> str:
    name = f"{row.denominator_kind.name}"
    value = format_number(row.denominator_value)
    return f"{name}, {row.denominator_year}: {value} ({row.region.name})"


def _regency_lines(rows: list[Any]) -> list[str]:
    if not rows:
        return []
    known = [r for r in rows if r.denominator_value is not None and r.denominator_kind]
    missing = len(rows) - len(known)
    lines = []
    for (name, year), group in _grouped(known).items():
        lines.append(
            _("%(kind)s, %(year)s, per regency/city: %(count)s of %(all)s have a figure")
            % {"kind": name, "year": year, "count": len(group), "all": len(rows)}
        )
    if missing == len(rows):
        lines.append(
            _(
                "No regency or city has a workforce figure for this year yet, so their "
                "coverage is unknown (–), not 0%."
            )
        )
    elif missing:
        lines.append(
            _("%(count)s regencies/cities have no workforce figure yet: their coverage is –.")
            % {"count": missing}
        )
    return lines


def _grouped(rows: list[Any]) -> dict[tuple[str, int], list[Any]]:
    groups: dict[tuple[str, int], list[Any]] = {}
    for row in rows:
        groups.setdefault((row.denominator_kind.name, row.denominator_year), []).append(row)
    return groups
