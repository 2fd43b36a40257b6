"""The national trend as SVG bars, drawn on the server (no script, nothing inline to allow)."""

from __future__ import annotations

from typing import Any

HEIGHT = 120
WIDTH = 20


def bars(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One bar per month; a month without approved figures has no bar, not a zero one."""
    highest = max((p["participants"] or 0 for p in points), default=0) or 1
    shown = []
    for index, point in enumerate(points):
        height = round(HEIGHT * (point["participants"] or 0) / highest)
        shown.append(
            {
                **point,
                "x": index * (WIDTH + 4),
                "y": HEIGHT - height,
                "height": height,
                "width": WIDTH,
            }
        )
    return shown
