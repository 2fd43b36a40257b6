"""The one reader of numbers people type, and the form fields that use it.

Indonesian writing: `.` (or a space) groups thousands, `,` starts decimals. So "150.000" is
150000 — never 150, as Django's own integer field reads it — and "34,55" is 34.55. Where a
whole number is expected a decimal is refused with a message, never rounded; a dot that
does not group thousands ("52.15") is refused rather than guessed at. The grid, imports,
the admin and the agreements forms all read through here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from regions.kernel import bounds
from regions.values.formatting import format_number

# ASCII digits only: Python's \d and int() also take Arabic-Indic (١٢٣), fullwidth (１２３)
# and every other script's digits, which no Indonesian report, ADX or DHIS2 file uses.
PLAIN = re.compile(r"[0-9]+\Z")
GROUPED = re.compile(r"[0-9]{1,3}([. ][0-9]{3})+\Z")
DECIMAL = re.compile(r"([0-9]+|[0-9]{1,3}([. ][0-9]{3})+),([0-9]+)\Z")
NUMBERISH = re.compile(r"[0-9., ]+\Z")
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
RUPIAH = re.compile(r"^rp\.?\s*", re.IGNORECASE)
# More digits than any bound has: too large whatever they say, and int() of thousands of
# digits is slow before it is refused.
MAX_DIGITS = 18
# Longer than any number written with its separators and decimals: refused unread.
MAX_NUMBER_TEXT = 64


def _clean(text: str | None) -> str:
    value = RUPIAH.sub("", (text or "")[: MAX_NUMBER_TEXT * 2].translate(SPACES).strip())
    if len(value) > MAX_NUMBER_TEXT and NUMBERISH.match(value[:MAX_NUMBER_TEXT]):
        raise ValidationError(_("This number is too large."), "too_large")
    return value


# Only this much of a long text is looked at for the script of its letters.
SCRIPT_SAMPLE = 100_000


def other_script_digits(text: str) -> bool:
    """Whether a value is a number, month, date or code written with another script's digits
    (`١٢٣`, `٢٠٢٦-١١`, `５ Desember ２０２６`), which every door refuses: Python's int(), \\d and
    strptime would read them as numbers, and no report, ADX or DHIS2 file writes them.

    Free text written in a script of its own may hold its digits (a meeting note in Arabic,
    `اجتماع ١٢`): a text with a letter of a script other than Latin is free text, never read
    as a number — and no number, month, date or code reader here or in Django accepts one."""
    sample = text[:SCRIPT_SAMPLE]
    if not bounds.FOREIGN_DIGIT.search(sample):
        return False
    return not any(_non_latin_letter(char) for char in sample)


def _non_latin_letter(char: str) -> bool:
    return char.isalpha() and not unicodedata.name(char, "LATIN").startswith("LATIN")


def read_digits(text: object, *, max_digits: int) -> int | None:
    """The one reader of plain ASCII digits (codes' numbers, years, months, ids, wire
    values): the number, or None for anything else — other scripts' digits, signs, spaces,
    or more than `max_digits` digits (checked before int() ever sees them)."""
    if not isinstance(text, str) or not 0 < len(text) <= max_digits or not PLAIN.match(text):
        return None
    return int(text)


MONTH_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})\Z")
COMPACT_MONTH_TEXT = re.compile(r"([0-9]{4})([0-9]{2})\Z")


def read_month(text: object, *, compact: bool = False) -> dt.date:
    """The one reader of a month: '2023-12' (compact, as DHIS2 writes it: '202312') → its
    first day. ValueError for anything else — other scripts' digits, month 13, a year
    outside bounds.FIRST_YEAR–LAST_YEAR (year 0 and 9999 included)."""
    pattern = COMPACT_MONTH_TEXT if compact else MONTH_TEXT
    match = pattern.match(text.strip()) if isinstance(text, str) and len(text) <= 16 else None
    if not match:
        raise ValueError("not a month")
    year, month = int(match[1]), int(match[2])
    if not (bounds.FIRST_YEAR <= year <= bounds.LAST_YEAR and 1 <= month <= 12):
        raise ValueError("no such month")
    return dt.date(year, month, 1)


def parse_whole_number(text: str | None) -> int | None:
    """'632.494', '632 494', '632494' (or 'Rp632.494') → 632494; '' → None.

    Anything else raises ValidationError: a decimal ("632,5", "1.5"), a negative number or
    text, each with its own message in the reader's language.
    """
    value = _clean(text)
    if not value:
        return None
    if PLAIN.match(value) or GROUPED.match(value):
        digits = value.replace(".", "").replace(" ", "")
        if len(digits) > MAX_DIGITS:
            raise ValidationError(_("This number is too large."), "too_large")
        return int(digits)
    raise _refusal(value, text)


def parse_decimal_number(text: str | None) -> Decimal | None:
    """'34,55' → 34.55, '1.234,5' → 1234.5, '150.000' → 150000; '' → None."""
    value = _clean(text)
    if not value:
        return None
    if PLAIN.match(value) or GROUPED.match(value):
        if len(value) > MAX_DIGITS * 2:
            raise ValidationError(_("This number is too large."), "too_large")
        return Decimal(value.replace(".", "").replace(" ", ""))
    match = DECIMAL.match(value)
    if match:
        whole = match[1].replace(".", "").replace(" ", "")
        if len(whole) > MAX_DIGITS * 2:
            raise ValidationError(_("This number is too large."), "too_large")
        return Decimal(f"{whole}.{match[3]}")
    if value.startswith("-") and _readable(value[1:]):
        raise _negative()
    if NUMBERISH.match(value):
        raise ValidationError(
            _("Write decimals with a comma and group thousands with dots, e.g. 34,55 or 1.234,5."),
            "separators",
        )
    raise _not_a_number(text)


def _readable(value: str) -> bool:
    try:
        return parse_decimal_number(value) is not None
    except ValidationError:
        return False


def _refusal(value: str, text: str | None) -> ValidationError:
    if value.startswith("-") and _readable(value[1:]):
        return _negative()
    if NUMBERISH.match(value):
        return ValidationError(
            _("Enter a whole number without decimals, e.g. 632.494 or 632494."), "decimal"
        )
    return _not_a_number(text)


def _negative() -> ValidationError:
    return ValidationError(_("Enter a number of 0 or more, not a negative one."), "negative")


def _not_a_number(text: str | None) -> ValidationError:
    if bounds.FOREIGN_DIGIT.search(text or ""):
        return ValidationError(bounds.FOREIGN_DIGITS, "other_script_digits")
    return ValidationError(
        _("“%(text)s” is not a number.") % {"text": bounds.echo(text or "")}, "invalid"
    )


class NumberInput(forms.TextInput):
    """A text box, not <input type=number>: browsers read "150.000" there as 150."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None, mode: str = "numeric") -> None:
        super().__init__({"inputmode": mode, "autocomplete": "off", **(attrs or {})})


class WholeNumberField(forms.IntegerField):
    """An integer typed the Indonesian way ("150.000"); shows its value as 150.000."""

    widget = NumberInput

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return parse_whole_number(str(value))

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return format_number(value)
        return value

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # min/max/step belong to <input type=number>; the validators still apply


class DecimalNumberField(forms.DecimalField):
    """A decimal typed the Indonesian way ("34,55"); one with no decimal places (Rupiah
    amounts) takes whole numbers only, so "1.500.000,50" is refused rather than rounded."""

    widget = NumberInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.widget.attrs["inputmode"] = "numeric" if self.decimal_places == 0 else "decimal"

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        if self.decimal_places == 0:
            whole = parse_whole_number(str(value))
            return None if whole is None else Decimal(whole)
        return parse_decimal_number(str(value))

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return format_number(value, self._places(value))
        return value

    def _places(self, value: int | Decimal) -> int:
        if self.decimal_places is not None:
            return self.decimal_places
        exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}


# For a ModelAdmin's `formfield_overrides` (or a ModelForm's field_classes): every count,
# total and amount typed by a person goes through the parser. Small integers (years,
# months, ordering) keep Django's field: "2.023" is no year.
NUMBER_FORMFIELDS: Mapping[type[models.Field[Any, Any]], Mapping[str, Any]] = {
    models.PositiveBigIntegerField: {"form_class": WholeNumberField},
    models.PositiveIntegerField: {"form_class": WholeNumberField},
    models.BigIntegerField: {"form_class": WholeNumberField},
    models.DecimalField: {"form_class": DecimalNumberField},
}
