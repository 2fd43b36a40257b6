"""Cards are cached by province, month, language and the coverage computation behind them,
so a recompute or another language draws a new card and nothing stale is ever served."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import get_language

from coverage_portal.analysis.infographic.card import draw
from coverage_portal.analysis.infographic.figures import CardFigures

TIMEOUT = 7 * 24 * 3600


def card_png(figures: CardFigures) -> bytes:
    key = f"infographic:{figures.code}:{figures.month}:{get_language()}:{figures.computed_at}"
    found = cache.get(key)
    if isinstance(found, bytes):
        return found
    body = draw(figures)
    cache.set(key, body, TIMEOUT)
    return body
