"""Indonesian number, money and date formats: 632.494 · 34,55% · Rp36.722.869.847.

The portal always writes numbers the Indonesian way, whatever the UI language, because
officers copy them into Indonesian reports; month names follow the UI language.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regions.kernel.timezones import TIMEZONE_ABBREVIATIONS

UNKNOWN = "–"
# Digits a formatted number may have: more than any bound allows (a refusal may repeat a
# hostile 10^30); beyond it the number is written as a power of ten, never in full.
MAX_SHOWN_DIGITS = 40
_LARGEST_SHOWN = 10**MAX_SHOWN_DIGITS


def _group_thousands(digits: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """632494 → '632.494'; with decimals, 34.5512 → '34,55'. None → '–'."""
    if value is None:
        return UNKNOWN
    if type(value) is int and not decimals and abs(value) < _LARGEST_SHOWN:
        # The common case (a count), a hundred times faster than through Decimal; the same text.
        return f"{value:,}".replace(",", ".")
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return UNKNOWN
    if not number.is_finite():
        return UNKNOWN
    if number and number.adjusted() >= MAX_SHOWN_DIGITS:
        return f"{'-' if number < 0 else ''}>10^{MAX_SHOWN_DIGITS}"
    # A message may format any number the bounds refuse: enough precision that the rounding
    # below can never fail (the default context's 28 digits would, on 10^30).
    context = Context(prec=MAX_SHOWN_DIGITS + decimals + 2)
    rounded = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, context)
    sign = "-" if rounded < 0 else ""
    whole, _sep, fraction = f"{rounded.copy_abs():f}".partition(".")
    text = sign + _group_thousands(whole)
    return f"{text},{fraction}" if decimals else text


def format_figure(value: int | float | Decimal | None, reason: str = "") -> str:
    """The one way an unknown figure is written: '632.494', '–', or '– (not collected)'."""
    if value is not None:
        return format_number(value)
    return f"{UNKNOWN} ({reason})" if reason else UNKNOWN


def format_percent(value: int | float | Decimal | None, decimals: int = 2) -> str:
    """34.5512 → '34,55%'. Unknown coverage is shown as '–', never as 0%."""
    text = format_number(value, decimals)
    return UNKNOWN if text == UNKNOWN else f"{text}%"


def format_rupiah(value: int | float | Decimal | None) -> str:
    """36722869847 → 'Rp36.722.869.847' (no space, as Indonesian usage)."""
    if value is None:
        return UNKNOWN
    text = format_number(value)
    if text == UNKNOWN:
        return UNKNOWN
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


def format_short(value: int | float | Decimal | None) -> str:
    """41560000 → '41,56 juta'; smaller numbers as plain thousands."""
    if value is None:
        return UNKNOWN
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return UNKNOWN
    if not amount.is_finite():
        return UNKNOWN
    for size, word in ((10**12, _("trillion")), (10**9, _("billion")), (10**6, _("million"))):
        if abs(amount) >= size:
            return f"{format_number(amount / size, 2)} {word}"
    return format_number(value)


def format_date(value: dt.date | None) -> str:
    """date(2023, 2, 21) → '21 Februari 2023' (month name in the UI language)."""
    return UNKNOWN if value is None else formats.date_format(value, "j F Y")


def format_datetime(moment: dt.datetime | None, region: Any = None) -> str:
    """A moment in the region's own zone: '5 Desember 2026 14.22 WIB' ('5 December 2026
    14:22 WIB' in English). Without a region, the portal's zone. The one date-time format of
    every page, message and download."""
    if not isinstance(moment, dt.datetime):
        return UNKNOWN
    zone = getattr(region, "timezone", "") or settings.TIME_ZONE
    local = timezone.localtime(moment, ZoneInfo(zone))
    clock = "%H.%M" if (get_language() or "id").startswith("id") else "%H:%M"
    abbreviation = TIMEZONE_ABBREVIATIONS.get(zone, zone)
    return f"{formats.date_format(local, 'j F Y')} {local.strftime(clock)} {abbreviation}"


def format_person(user: Any) -> str:
    """Who did it: the person's full name, else the username; 'sistem' / 'system' when no
    person did (demo data, a command, a task) or the account is gone."""
    if user is None or not hasattr(user, "username"):
        return _("system")
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full_name or user.username or _("system")
