"""The portal's codes on the DHIS2 and ADX wire, and the readers of what arrives there.

The portal publishes one data set (KEPESERTAAN). Its data elements are the categories (PU,
BPU, …), its organisation units the regions by Kemendagri code, and a count cell travels as
up to three values told apart by their category option combo (ADX: `measure`): ACTIVE for
active participants, INACTIVE, EMPLOYERS. An identifier is its code: DHIS2's default id
scheme (uid) and the code scheme name the same thing here.

Everything read from the wire is checked here with ASCII-only patterns and bounds before it
is turned into a number or a date, so a 5.000-digit value or year 0 is a clear conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from regions import bounds
from regions.values.numbers import parse_whole_number

DATA_SET = "KEPESERTAAN"  # a valid DHIS2 uid (11 characters, a letter first) and the code
ACTIVE, INACTIVE, EMPLOYERS = "ACTIVE", "INACTIVE", "EMPLOYERS"
MEASURES = {
    ACTIVE: "active_participants",
    INACTIVE: "inactive_participants",
    EMPLOYERS: "employers",
}
# DHIS2's built-in "default" category option combo (and attribute option combo): a value
# without disaggregation. Here that is the cell's active participants.
DEFAULT_COMBO = "HllvX50cXC0"
COMBOS = {ACTIVE: ACTIVE, INACTIVE: INACTIVE, EMPLOYERS: EMPLOYERS, DEFAULT_COMBO: ACTIVE}
MAX_VALUES = 100_000
MAX_CODE = 64

DIGITS = re.compile(r"^[0-9]{1,18}$")
WHOLE_DECIMAL = re.compile(r"^([0-9]{1,18})(?:\.0{1,18})?$")
DHIS2_MONTH = re.compile(r"^([0-9]{4})([0-9]{2})$")
ISO_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
ISO_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})")


class WireError(ValueError):
    """One field of one data value cannot be read; `code` is DHIS2's error code for it."""

    def __init__(self, message: str, code: str = "E7619", prop: str = "value") -> None:
        super().__init__(message)
        self.message, self.code, self.prop = message, code, prop


def code_text(value: Any, name: str) -> str:
    """A code (orgUnit, dataElement, …): text, one line, bounded."""
    if not isinstance(value, str) or not value.strip():
        raise WireError(_("%(name)s is missing.") % {"name": name}, "E7618", name)
    text = value.strip()
    if len(text) > MAX_CODE or bounds.SINGLE_LINE_FORBIDDEN.search(text):
        message = _("%(name)s %(value)r is not a code the portal knows.")
        raise WireError(message % {"name": name, "value": bounds.echo(text)}, _code(name), name)
    return text


def _code(name: str) -> str:
    return {"orgUnit": "E7612", "dataElement": "E7610", "period": "E7611"}.get(name, "E7613")


def combo(value: Any, name: str = "categoryOptionCombo") -> str:
    """The measure a category option combo names; empty means the default (active)."""
    if value is None or value == "":
        return ACTIVE
    text = value.strip() if isinstance(value, str) else ""
    if text not in COMBOS:
        message = _("%(name)s %(value)r is not one the portal knows: use one of %(known)s.")
        known = ", ".join(COMBOS)
        shown = bounds.echo(text or str(value))
        raise WireError(message % {"name": name, "value": shown, "known": known}, "E7613", name)
    return COMBOS[text]


def attribute_combo(value: Any) -> None:
    """Only DHIS2's default attribute option combo: the portal has no attribute categories."""
    if value is None or value == "" or value == DEFAULT_COMBO:
        return
    message = _("attributeOptionCombo %(value)r is not known: the portal has none but %(default)s.")
    shown = bounds.echo(str(value))
    raise WireError(
        message % {"value": shown, "default": DEFAULT_COMBO}, "E7615", "attributeOptionCombo"
    )


def data_set(value: Any) -> None:
    if value is None or value == "" or value == DATA_SET:
        return
    message = _("dataSet %(value)r is not known: the portal publishes %(data_set)s.")
    raise WireError(
        message % {"value": bounds.echo(str(value)), "data_set": DATA_SET}, "E7600", "dataSet"
    )


def count_value(value: Any) -> int | None:
    """A count as DHIS2 sends it, text of ASCII digits ('385004', '385004.0'); '' or null
    is no value. Read by the project's number reader after the pattern has bounded it."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise WireError(_("value %(value)r is not a whole number.") % {"value": value})
    if isinstance(value, int):
        value = str(value)
    text = value.strip() if isinstance(value, str) else ""
    whole = WHOLE_DECIMAL.match(text)
    if whole is None:
        if text[:1] == "-" and DIGITS.match(text[1:]):
            raise WireError(
                _("value %(value)s is negative: a count is 0 or more.") % {"value": text}
            )
        if len(text) > 18 and text.isascii() and text.isdigit():
            raise WireError(_("value is too large: at most 18 digits."))
        shown = bounds.echo(text if isinstance(value, str) else str(value))
        raise WireError(_("value %(value)r is not a whole number.") % {"value": shown})
    try:
        return parse_whole_number(whole[1])
    except ValidationError as error:
        raise WireError(" ".join(error.messages)) from error


def _month(year: str, month: str, text: str, shape: str) -> dt.date:
    if not 1 <= int(month) <= 12:
        raise WireError(shape, "E7611", "period")
    if bounds.year_problem(int(year)):
        message = _("period %(value)r is not a month from %(first)s to %(last)s.")
        values = {"value": bounds.echo(text), "first": bounds.FIRST_YEAR, "last": bounds.LAST_YEAR}
        raise WireError(message % values, "E7611", "period")
    return dt.date(int(year), int(month), 1)


def dhis2_period(value: Any) -> dt.date:
    """DHIS2's monthly period '202312' → 1 December 2023, years 2000 to 2100."""
    text = code_text(value, "period")
    shape = _("period %(value)r is not a monthly period YYYYMM, e.g. 202312.")
    shape = shape % {"value": bounds.echo(text)}
    match = DHIS2_MONTH.match(text)
    if match is None:
        raise WireError(shape, "E7611", "period")
    return _month(match[1], match[2], text, shape)


def iso_month_message(value: Any) -> str:
    message = _("Give a month as YYYY-MM, e.g. 2023-12, not %(value)r.")
    return message % {"value": bounds.echo(str(value))}


def iso_month(text: str) -> dt.date:
    """'2023-12' → 1 December 2023 (the portal's own API), same bounds."""
    match = ISO_MONTH.match(text.strip())
    if match is None:
        raise WireError(iso_month_message(text), "E7611", "period")
    return _month(match[1], match[2], text, iso_month_message(text))


def iso_day(text: str, name: str) -> dt.date:
    """A date as DHIS2's startDate/endDate/lastUpdated take it: YYYY-MM-DD (a time after it
    is allowed and ignored)."""
    match = ISO_DAY.match(text.strip())
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        day = None
    if day is None or bounds.year_problem(day.year):
        message = _("%(name)s %(value)r is not a date YYYY-MM-DD from %(first)s to %(last)s.")
        values = {
            "name": name,
            "value": bounds.echo(text),
            "first": bounds.FIRST_YEAR,
            "last": bounds.LAST_YEAR,
        }
        raise WireError(message % values, "E7611", name)
    return day


def dhis2_format(period: dt.date) -> str:
    return f"{period:%Y%m}"


def comment_text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise WireError(_("comment must be text."), "E7620", "comment")
    problem = bounds.text_problem(value.strip(), max_length=250)
    if problem:
        raise WireError(problem, "E7620", "comment")
    return value.strip()
