"""The printable province report (HTML with a print stylesheet) and its PDF twin.

Both take the province page's figures and add what paper needs: the date and time it was
made (in the province's time zone), the map and trend drawn without JavaScript, and the
denominators named beside every percentage.
"""

from __future__ import annotations

import json
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from coverage_portal.dashboards import drawing, geo, panels
from regions.access.users import PortalUser
from regions.values.formatting import format_number

MAP_SIZE = (640.0, 420.0)
TREND_SIZE = (640.0, 160.0)


def context(user: PortalUser, code: str, wanted: str | None) -> dict[str, Any]:
    data = panels.province(user, code, wanted)
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
    data["denominators"] = denominators(data)
    return data


def denominators(data: dict[str, Any]) -> list[str]:
    """Each distinct denominator used on the report, named, never a code or "None":
    'Penduduk bekerja (BPS Sakernas), 2022: 1.830.662 (Kalimantan Barat)'; a kind with no
    figure for the year says so."""
    rows = [data.get("total"), *data.get("categories", [])]
    rows += [item.now for item in data.get("regencies", [])]
    return sorted({_denominator(r) for r in rows if r is not None and r.denominator_kind})


def _denominator(row: Any) -> str:
    name = f"{row.denominator_kind.name}"
    if row.denominator_value is None:
        return f"{name}: {_('no figure for this year')} ({row.region.name})"
    value = format_number(row.denominator_value)
    return f"{name}, {row.denominator_year}: {value} ({row.region.name})"
