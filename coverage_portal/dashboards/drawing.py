"""Static drawings for print and PDF: a choropleth as projected polygons, a trend polyline.

The printable report and the PDF cannot rely on JavaScript, so the map is drawn on the
server from the same GeoJSON and the same colour bins as the interactive map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

BINS = (15, 25, 35, 45)
COLOURS = ("#fde0c5", "#facba6", "#9ed3b5", "#3fa677", "#0b6e4f")
NO_DATA = "#d0d4d9"

Point = tuple[float, float]


def colour(coverage: Decimal | float | None) -> str:
    if coverage is None:
        return NO_DATA
    return COLOURS[sum(1 for edge in BINS if coverage >= edge)]


@dataclass
class Shape:
    code: str
    name: str
    fill: str
    rings: list[list[Point]]

    @property
    def svg_path(self) -> str:
        return " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + " Z" for ring in self.rings
        )


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def project(features: list[dict[str, Any]], width: float, height: float) -> list[Shape]:
    """Fit the features into width × height (equirectangular, y down), keeping proportions."""
    raw = [(f, _rings(f["geometry"])) for f in features]
    points = [p for _f, rings in raw for ring in rings for p in ring]
    if not points:
        return []
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    stretch = math.cos(math.radians((north + south) / 2))
    scale = min(width / max((east - west) * stretch, 1e-6), height / max(north - south, 1e-6))

    def at(lon: float, lat: float) -> Point:
        return ((lon - west) * stretch * scale, (north - lat) * scale)

    return [
        Shape(
            code=f["properties"]["code"],
            name=f["properties"]["name"],
            fill=NO_DATA,
            rings=[
                [at(lon, lat) for lon, lat, *_z in ring[:: max(1, len(ring) // 400)]]
                for ring in rings
            ],
        )
        for f, rings in raw
    ]


def trend_x(index: int, count: int, width: float) -> float:
    """Where the `index`-th of `count` months sits along a trend `width` wide."""
    return index * width / max(count - 1, 1)


def _trend_positions(values: list[float | None], width: float, height: float) -> list[Point | None]:
    known = [v for v in values if v is not None]
    if not known:
        return [None for _v in values]
    low, high = min(known), max(known)
    span = (high - low) or 1.0
    return [
        None
        if value is None
        else (trend_x(i, len(values), width), height - (value - low) / span * height)
        for i, value in enumerate(values)
    ]


def trend_line(values: list[float | None], width: float, height: float) -> list[list[Point]]:
    """Segments of a line chart (a gap in the data breaks the line), y down."""
    segments: list[list[Point]] = [[]]
    for point in _trend_positions(values, width, height):
        if point is None:
            segments.append([])
        else:
            segments[-1].append(point)
    return [s for s in segments if s]


def trend_points(
    values: list[float | None], marked: list[bool], width: float, height: float
) -> list[Point]:
    """The positions of the marked months (partial ones) on the same trend line."""
    positions = _trend_positions(values, width, height)
    return [p for p, mark in zip(positions, marked, strict=True) if mark and p is not None]
