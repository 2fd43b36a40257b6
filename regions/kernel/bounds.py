"""The one definition of how large, how early, how late and how long each kind of value may be.

Every ceiling is a realistic one: no true figure comes near it, while a typo with extra digits
(or a hostile 2^63 - 1) is refused before it can reach a sum, a percentage or a page. Each is
enforced four times from this module: in the services' validation, in the models' validators,
in CHECK constraints in the database, and in every import.

Why these numbers:
- PEOPLE_IN_A_REGENCY (counts of active or inactive participants of one regency and category,
  workers named in a commitment or a budget line): 50.000.000. No regency can report more
  people than the whole country has participants (41,38 million active, February 2025), and
  the most populous province, Jawa Barat, has about 50 million inhabitants.
- EMPLOYERS_IN_A_REGENCY: 2.000.000, more than twice every employer registered in the whole
  country (839.937, February 2025).
- PEOPLE_IN_A_REGION (workforce totals and target participants, the national level
  included): 300.000.000. No region's workforce can exceed Indonesia's population
  (281,6 million in 2024, BPS); the margin covers the next decade's growth.
- RUPIAH: Rp100.000.000.000.000 (100 triliun) for a budget line or a commitment's amount:
  more than the whole APBD of DKI Jakarta, the largest regional budget (Rp81,7 triliun, 2024).
- YEARS 2000–2100 for every dated record and every year or month asked for: regional
  autonomy (and so every APBD, Perda and MoU of this portal) begins after 1999, and nothing
  is planned beyond 2100. Legal bases may be older laws (UU 3/1992 on Jamsostek): 1945–2100.
- Text: no NUL and no control characters (tab and line breaks only in multi-line text).

With these ceilings every sum the coverage engine forms (600 regencies × 100 categories ×
50 million) stays far inside PostgreSQL's bigint, and every percentage inside its column.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db.models import Q
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

PEOPLE_IN_A_REGENCY = 50_000_000
EMPLOYERS_IN_A_REGENCY = 2_000_000
PEOPLE_IN_A_REGION = 300_000_000
RUPIAH = 100_000_000_000_000

FIRST_YEAR, LAST_YEAR = 2000, 2100
FIRST_LEGAL_YEAR = 1945
FIRST_DAY, LAST_DAY = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
FIRST_MOMENT = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC)
LAST_MOMENT = dt.datetime(LAST_YEAR + 1, 1, 1, tzinfo=dt.UTC)  # exclusive

# Imports. The national benchmark file (bench/bench_import.py) has 100.000 rows; a national
# export of two whole years (514 regencies × 6 categories × 24 months) about 74.000.
IMPORT_MAX_BYTES = 20 * 1024 * 1024
IMPORT_MAX_ROWS = 120_000
# Unzipped, an XLSX of 120.000 rows is about 25 MB; a small file that unzips to much more
# is a zip bomb, not a report.
XLSX_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# The longest text a cell holds is a 500-character source; Python's csv module would
# otherwise accept 128 KB and then fail on anything longer.
CSV_FIELD_MAX_CHARS = 4_096
# Problems listed for one file: a file with more is wrong throughout, and the first ones
# say how.
IMPORT_MAX_PROBLEMS = 10_000

# The largest body any door takes: an import file or a document, with its form around it.
REQUEST_MAX_BYTES = IMPORT_MAX_BYTES + 1024 * 1024
# A JSON body's deepest nesting: the portal's own documents are 4 deep.
JSON_MAX_DEPTH = 64

# NUL, the C0 and C1 controls and DEL. Patterns as text: the database's CHECK constraints
# (regions/text_rule.py) read the same escapes, PostgreSQL's regular expressions as Python's.
SINGLE_LINE_PATTERN = r"[\x00-\x1f\x7f-\x9f]"
MULTI_LINE_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"  # tab and line breaks allowed
SINGLE_LINE_FORBIDDEN = re.compile(SINGLE_LINE_PATTERN)
# A digit of any script but ASCII's (Arabic-Indic ١٢٣, fullwidth １２３, Devanagari …):
# Python's int(), \d and strptime read them as numbers; no report, ADX or DHIS2 file has them.
FOREIGN_DIGIT = re.compile(r"(?![0-9])\d")
MULTI_LINE_FORBIDDEN = re.compile(MULTI_LINE_PATTERN)

# A sample of the checks people meet most, in their words.
TOO_LARGE = _("This number is too large: at most %(limit)s.")
CONTROL_CHARACTERS = _("Remove the invisible control characters from this text.")
FOREIGN_DIGITS = _("Write numbers with the digits 0–9 only.")
YEAR_OUT_OF_RANGE = _("Choose a year from %(first)s to %(last)s.")
DATE_OUT_OF_RANGE = _("Choose a date from %(first)s to %(last)s.")


def _limit_text(limit: int) -> str:
    return f"{limit:,}".replace(",", ".")


def too_large_message(limit: int) -> str:
    return str(TOO_LARGE) % {"limit": _limit_text(limit)}


def whole_number_problem(value: Any, limit: int) -> str | None:
    """Why `value` is not a whole number from 0 to `limit`, or None when it is."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return str(_("Enter a whole number without decimals, e.g. 632.494 or 632494."))
    if value < 0:
        return str(_("Enter a number of 0 or more, not a negative one."))
    if value > limit:
        return too_large_message(limit)
    return None


@deconstructible(path="regions.bounds.AtMost")
class AtMost:
    """A model validator for a figure up to `limit`, its message made in the reader's
    language when it is raised (a message made at import would be frozen in one language,
    and in the migrations)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, value: Any) -> None:
        if value is not None and value > self.limit:
            raise ValidationError(too_large_message(self.limit), "too_large")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AtMost) and other.limit == self.limit


@deconstructible(path="regions.bounds.YearRange")
class YearRange:
    def __init__(self, first: int = FIRST_YEAR) -> None:
        self.first = first

    def __call__(self, value: Any) -> None:
        problem = year_problem(value, self.first)
        if problem:
            raise ValidationError(problem, "year_range")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, YearRange) and other.first == self.first


def at_most(limit: int) -> list[Any]:
    """Model validators for a count from 0 to `limit`."""
    return [MinValueValidator(0), AtMost(limit)]


def year_validators(first: int = FIRST_YEAR) -> list[Any]:
    return [YearRange(first)]


def year_problem(year: int | None, first: int = FIRST_YEAR) -> str | None:
    if year is None or first <= year <= LAST_YEAR:
        return None
    return str(YEAR_OUT_OF_RANGE) % {"first": first, "last": LAST_YEAR}


@deconstructible(path="regions.bounds.DateBounds")
class DateBounds:
    """A date (or datetime) validator: from 1 January `first` to 31 December 2100."""

    def __init__(self, first: int = FIRST_YEAR) -> None:
        self.first = first

    def __call__(self, value: Any) -> None:
        # A moment is judged in UTC, as the database's CHECK constraint stores and judges it.
        day = value
        if isinstance(value, dt.datetime):
            try:
                day = value.astimezone(dt.UTC).date() if value.tzinfo else value.date()
            except OverflowError:  # 0001-01-01 00:00 east of UTC lies before year 1
                day = dt.date.min
        if day is not None and not dt.date(self.first, 1, 1) <= day <= LAST_DAY:
            raise ValidationError(
                DATE_OUT_OF_RANGE, "date_range", {"first": f"{self.first}-01-01", "last": LAST_DAY}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateBounds) and other.first == self.first


@deconstructible(path="regions.bounds.PlainText")
class PlainText:
    """No NUL or control characters; `multiline` text may hold tabs and line breaks."""

    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: Any) -> None:
        if isinstance(value, str) and text_problem(value, multiline=self.multiline):
            raise ValidationError(CONTROL_CHARACTERS, "control_characters")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainText) and other.multiline == self.multiline


def text_problem(
    value: str, *, multiline: bool = False, max_length: int | None = None
) -> str | None:
    """Why `value` may not be stored as text, or None."""
    pattern = MULTI_LINE_FORBIDDEN if multiline else SINGLE_LINE_FORBIDDEN
    if pattern.search(value):
        return str(CONTROL_CHARACTERS)
    if max_length is not None and len(value) > max_length:
        return str(_("Keep this text to at most %(limit)s characters.")) % {
            "limit": _limit_text(max_length)
        }
    return None


def echo(text: str, limit: int = 40) -> str:
    """What a message may repeat of what someone typed: short, without invisible characters."""
    cleaned = SINGLE_LINE_FORBIDDEN.sub("\ufffd", text.strip())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


# --- CHECK constraints: the same bounds, once more in the database -----------------------


def in_range(field: str, low: Any, high: Any) -> Q:
    """`field` is empty or from `low` to `high` (both included)."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": low, f"{field}__lte": high})


def before(field: str, low: Any, high_exclusive: Any) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__gte": low, f"{field}__lt": high_exclusive}
    )


PLAIN_TEXT = PlainText()
MULTILINE_TEXT = PlainText(multiline=True)
# A multi-line text a person writes (scope clauses, notes): ten pages, never a megabyte.
LONG_TEXT_CHARS = 20_000
LONG_TEXT: list[Any] = [MULTILINE_TEXT, MaxLengthValidator(LONG_TEXT_CHARS)]
DATE_BOUNDS = DateBounds()


def refuse_rows_outside(app_label: str, operations: list[Any]) -> Any:
    """A RunPython step for a migration that adds the CHECK constraints above (its
    AddConstraint `operations`): it names the rows already outside them, so the migration
    fails with a message an operator can act on, not with the database's constraint error."""

    def check(apps: Any, schema_editor: Any) -> None:
        problems = []
        for operation in operations:
            model = apps.get_model(app_label, operation.model_name)
            bad = model._base_manager.exclude(operation.constraint.condition)
            ids = list(bad.values_list("pk", flat=True)[:20])
            if ids:
                problems.append(f"{model._meta.label} ids {ids} ({operation.constraint.name})")
        if problems:
            raise RuntimeError(
                "Rows outside the bounds of regions/bounds.py; correct or delete them, then "
                "migrate again: " + "; ".join(problems)
            )

    return check
