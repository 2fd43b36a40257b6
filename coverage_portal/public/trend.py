"""The national trend as an SVG bar chart with axes, drawn on the server (no script, nothing
inline to allow): a y axis of participants from 0 with round ticks, months along the x axis,
each bar's value in its tooltip and the newest one written above it."""

from __future__ import annotations

import math
from typing import Any

from django.utils import formats

from regions.values.formatting import format_number

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 96, 12, 22, 40
MAX_MONTH_LABELS = 12


def _at(value: float) -> str:
    """An SVG coordinate: a dot for decimals whatever the page's language."""
    return f"{value:.1f}"


def nice_ticks(highest: int, count: int = 5) -> list[int]:
    """0 and round steps (1, 2 or 5 × 10^n) up to at least `highest`."""
    if highest <= 0:
        return [0]
    rough = highest / count
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    return [step * i for i in range(math.ceil(highest / step) + 1)]


def chart(points: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bars from the first month with a published figure; None when there is none."""
    first = next((i for i, p in enumerate(points) if p["participants"] is not None), None)
    if first is None:
        return None
    shown = points[first:]
    ticks = nice_ticks(max(p["participants"] or 0 for p in shown))
    top = ticks[-1] or 1
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / len(shown)
    every = math.ceil(len(shown) / MAX_MONTH_LABELS)
    bars = []
    for index, point in enumerate(shown):
        value = point["participants"]
        height = 0.0 if value is None else plot_height * value / top
        bars.append(
            {
                **point,
                "x": _at(LEFT + index * slot + slot * 0.15),
                "width": _at(slot * 0.7),
                "y": _at(TOP + plot_height - height),
                "height": _at(height),
                "centre": _at(LEFT + index * slot + slot / 2),
                "month": formats.date_format(point["period"], "M y"),
                "month_label": index % every == (len(shown) - 1) % every,
                "value_y": _at(TOP + plot_height - height - 6),
                "value_text": format_number(value) if value is not None else "",
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "baseline": TOP + plot_height,
        "label_y": TOP + plot_height + 16,
        "tick_x": LEFT - 6,
        "ticks": [
            {"y": _at(TOP + plot_height * (1 - t / top)), "text": format_number(t)} for t in ticks
        ],
        "bars": bars,
        "last": bars[-1] if bars[-1]["participants"] is not None else None,
    }
