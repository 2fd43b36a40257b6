"""The sentences behind notification keys, and how a stored notification is put into words.

Apps register their sentences (lazy translations with %(name)s placeholders) at start-up.
Parameters are stored as plain JSON; dates and months travel as {"date": "2024-05-31"} and
{"month": "2024-05"} and are written out when read, with month names in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from regions.values.formatting import format_date

TEXT_KEY = "notice.text"  # a sentence stored as it was written (rows from before keys existed)
_SENTENCES: dict[str, Promise | str] = {TEXT_KEY: "%(text)s"}


def register(sentences: Mapping[str, Promise | str]) -> None:
    _SENTENCES.update(sentences)


def is_known(key: str) -> bool:
    return key in _SENTENCES


def as_date(day: dt.date | None) -> dict[str, str] | str:
    return {"date": day.isoformat()} if day else ""


def as_month(period: dt.date) -> dict[str, str]:
    return {"month": f"{period:%Y-%m}"}


def _written(value: Any) -> Any:
    if isinstance(value, dict) and "date" in value:
        return format_date(dt.date.fromisoformat(value["date"]))
    if isinstance(value, dict) and "month" in value:
        return formats.date_format(dt.date.fromisoformat(value["month"] + "-01"), "F Y")
    return value


def render(key: str, params: dict[str, Any]) -> str:
    """The notification in the active language; an unknown key still says something."""
    sentence = _SENTENCES.get(key)
    values = {name: _written(value) for name, value in (params or {}).items()}
    if sentence is None:
        return str(_("Notification %(key)s")) % {"key": key}
    try:
        return str(sentence) % values
    except (KeyError, TypeError, ValueError):
        return str(sentence)
