"""Turn file rows into `CellInput`s, checking each row against regions and categories in memory.

The regencies (about 540, old Papua codes included) and categories are loaded once, so a
100.000-row file costs two queries here, never one per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from participants.counts.models import Category
from participants.entry.services import CellInput, parse_count
from participants.kernel.periods import format_period, parse_period
from participants.transfer.reading import Row
from regions.bounds import echo, text_problem
from regions.models import Region
from regions.spreadsheets import FORMULA_STARTS
from regions.values.numbers import MAX_DIGITS

FORMULA_PREFIXES = FORMULA_STARTS


@dataclass(frozen=True)
class Problem:
    line: int | None  # None: the file as a whole
    column: str
    message: str
    regency: str = ""  # "61.71 Kota Pontianak" when the row names one
    category: str = ""  # "PU – Penerima Upah"


@dataclass(frozen=True)
class RegencyInfo:
    id: int
    code: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    successor: str | None
    predecessor: str | None
    name: str = ""

    def valid_on(self, period: dt.date) -> bool:
        started = self.valid_from is None or self.valid_from <= period
        return started and (self.valid_until is None or period <= self.valid_until)


@dataclass
class Lookups:
    regencies: dict[str, RegencyInfo]
    provinces: set[str]
    categories: dict[str, Category]
    _by_id: dict[int, RegencyInfo] = field(default_factory=dict, repr=False)
    # what each text of a file's region_code and category columns names, looked up once
    _by_code_text: dict[str, RegencyInfo | None] = field(default_factory=dict, repr=False)
    _by_category_text: dict[str, Category | None] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> Lookups:
        rows = list(
            Region.objects.regencies().values_list(
                "id", "code", "valid_from", "valid_until", "successor__code", "name"
            )
        )
        predecessors = {successor: code for _, code, _, _, successor, _ in rows if successor}
        regencies = {
            code: RegencyInfo(pk, code, start, end, successor, predecessors.get(code), name)
            for pk, code, start, end, successor, name in rows
        }
        provinces = set(Region.objects.provinces().values_list("code", flat=True))
        return cls(regencies, provinces, {c.code: c for c in Category.objects.all()})

    def regency_named(self, text: str) -> RegencyInfo | None:
        if text not in self._by_code_text:
            self._by_code_text[text] = self.regencies.get(_normalise_code(text))
        return self._by_code_text[text]

    def category_named(self, text: str) -> Category | None:
        if text not in self._by_category_text:
            self._by_category_text[text] = self.categories.get(text.strip().upper())
        return self._by_category_text[text]

    def regency_by_id(self, pk: int) -> RegencyInfo:
        if not self._by_id:
            self._by_id.update((r.id, r) for r in self.regencies.values())
        return self._by_id[pk]


@dataclass
class ParsedRows:
    cells: list[CellInput] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # lines[i] is the file line of cells[i]
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: int = 0
    lookups: Lookups | None = None

    def label(self, index: int) -> tuple[str, str]:
        """The regency and category of cells[index] as a person reads them; built only for
        the rows a problem is reported on, since names cost a language look-up each."""
        assert self.lookups is not None
        cell = self.cells[index]
        regency = self.lookups.regency_by_id(cell.region_id)
        category = next(c for c in self.lookups.categories.values() if c.pk == cell.category_id)
        return f"{regency.code} {regency.name}".strip(), f"{category.code} – {category.name}"


def parse_rows(rows: Iterable[Row], lookups: Lookups) -> ParsedRows:
    parsed = ParsedRows(lookups=lookups)
    seen: dict[tuple[dt.date, int, int], int] = {}
    for line, row in rows:
        parsed.rows += 1
        cell = _plain_row(row, lookups)
        if cell is None:
            cell = _checked(parsed, line, row, lookups)
            if cell is None:
                continue
        key = (cell.period, cell.region_id, cell.category_id)
        if key in seen:
            message = _("Duplicate row: line %(line)s has the same period, region and category.")
            where = describe(row, lookups)
            duplicate = Problem(line, "region_code", message % {"line": seen[key]}, *where)
            parsed.errors.append(duplicate)
            continue
        seen[key] = line
        parsed.cells.append(cell)
        parsed.lines.append(line)
    return parsed


def _checked(
    parsed: ParsedRows, line: int, row: dict[str, str], lookups: Lookups
) -> CellInput | None:
    """A row that is not plain, through every check; its problems go into `parsed`."""
    cell, errors = _checked_row(line, row, lookups)
    if errors:
        where = describe(row, lookups)
        parsed.errors += [labelled(e, where) for e in errors]
    elif cell is None:
        message = _("The row has no value and was skipped.")
        where = describe(row, lookups)
        parsed.warnings.append(Problem(line, "active_participants", message, *where))
    return cell


def describe(row: dict[str, str], lookups: Lookups) -> tuple[str, str]:
    """The row's regency and category as a person reads them (code and name)."""
    code = _normalise_code(row.get("region_code", ""))
    regency = lookups.regencies.get(code)
    category = lookups.categories.get(row.get("category", "").strip().upper())
    return (
        f"{code} {regency.name}".strip() if regency else code,
        f"{category.code} – {category.name}" if category else row.get("category", ""),
    )


def labelled(problem: Problem, where: tuple[str, str]) -> Problem:
    return Problem(problem.line, problem.column, problem.message, *where)


def _plain_row(row: dict[str, str], lookups: Lookups) -> CellInput | None:
    """The common row (a known month, regency and active category, plain digits, no reason)
    without building a check per column; None sends the row through every check. It runs
    for every row of a file, so it is written for speed: no generator, no message."""
    get = row.get
    active = get("active_participants", "")
    inactive = get("inactive_participants", "")
    employers = get("employers", "")
    reason = get("no_data_reason", "")
    if (
        not _plain_digits(active)
        or (reason and reason.strip())
        or (inactive and not _plain_digits(inactive))
        or (employers and not _plain_digits(employers))
    ):
        return None
    try:
        period = _period(get("period", ""))
    except ValidationError:
        return None
    category = lookups.category_named(get("category", ""))
    regency = lookups.regency_named(get("region_code", ""))
    if category is None or not category.is_active or regency is None:
        return None
    if not regency.valid_on(period):
        return None
    return CellInput(
        region_id=regency.id,
        category_id=category.id,
        period=period,
        active_participants=int(active),
        inactive_participants=int(inactive) if inactive else None,
        employers=int(employers) if employers else None,
    )


def _plain_digits(text: str) -> bool:
    return text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS


def _checked_row(line: int, row: dict[str, str], lookups: Lookups) -> tuple[CellInput | None, list]:
    errors: list[Problem] = []

    def check(column: str, parse, *args):  # type: ignore[no-untyped-def]
        try:
            return parse(*args)
        except ValidationError as error:
            errors.append(Problem(line, column, " ".join(error.messages)))
            return None

    period = check("period", _period, row.get("period", ""))
    category = check("category", _category, row.get("category", ""), lookups)
    regency = check("region_code", _regency, row.get("region_code", ""), period, lookups)
    values = {
        column: check(column, _count, row.get(column, ""))
        for column in ("active_participants", "inactive_participants", "employers")
    }
    reason = unneutralise(row.get("no_data_reason", ""))
    reason_problem = text_problem(reason)
    if reason_problem:
        errors.append(Problem(line, "no_data_reason", reason_problem))
    if errors or period is None or category is None or regency is None:
        return None, errors
    if values["active_participants"] is None and not reason:
        if any(v is not None for v in values.values()):
            message = _("Give active_participants, or a no_data_reason when there is no data.")
            return None, [Problem(line, "active_participants", message)]
        return None, []
    cell = CellInput(
        region_id=regency.id,
        category_id=category.pk,
        period=period,
        active_participants=values["active_participants"],
        inactive_participants=values["inactive_participants"],
        employers=values["employers"],
        no_data_reason=reason,
    )
    return cell, []


@lru_cache(maxsize=1024)  # a file has a few distinct months, repeated on every row
def _period(text: str) -> dt.date:
    try:
        return parse_period(text)
    except ValueError:
        raise ValidationError(
            _("“%(value)s” is not a period; write the month as YYYY-MM, e.g. 2023-12.")
            % {"value": echo(text)}
        ) from None


def _category(text: str, lookups: Lookups) -> Category:
    category = lookups.categories.get(text.strip().upper())
    if category is None:
        known = ", ".join(c.code for c in lookups.categories.values() if c.is_active)
        raise ValidationError(
            _("Unknown category “%(value)s”; use one of %(known)s.")
            % {"value": echo(text), "known": known}
        )
    if not category.is_active:
        raise ValidationError(_("Category %(code)s is retired.") % {"code": category.code})
    return category


def _regency(text: str, period: dt.date | None, lookups: Lookups) -> RegencyInfo:
    code = _normalise_code(text)
    regency = lookups.regencies.get(code)
    if regency is None:
        if code in lookups.provinces:
            message = _("%(code)s is a province; use a regency code such as %(code)s.01.")
        else:
            message = _("Unknown regency code “%(code)s” (use Kemendagri codes such as 61.71).")
        raise ValidationError(message % {"code": echo(text)})
    if period is not None and not regency.valid_on(period):
        raise ValidationError(_not_valid_message(regency, period))
    return regency


def not_valid_message(regency: RegencyInfo, period: dt.date) -> str:
    """Why a regency code cannot carry counts in `period` (renamed, not yet, or gone)."""
    return _not_valid_message(regency, period)


def _not_valid_message(regency: RegencyInfo, period: dt.date) -> str:
    values = {"code": regency.code, "period": format_period(period)}
    if regency.successor and regency.valid_until and period > regency.valid_until:
        message = _("Regency %(code)s no longer exists in %(period)s; use its new code %(new)s.")
        return message % {**values, "new": regency.successor}
    if regency.predecessor:
        message = _(
            "Regency %(code)s did not exist yet in %(period)s; use its former code %(old)s."
        )
        return message % {**values, "old": regency.predecessor}
    return _("Regency %(code)s is not valid in %(period)s.") % values


def _normalise_code(text: str) -> str:
    code = text.strip()
    head, dot, tail = code.partition(".")
    if dot and len(tail) == 1 and tail in "0123456789":
        code = f"{head}.{tail}0"  # Excel shows the code 61.10 as the number 61.1
    return code


def _count(text: str) -> int | None:
    if len(text) <= MAX_DIGITS and text.isdigit() and text.isascii():  # the common case
        return int(text)
    if not text.strip():
        return None
    return parse_count(text)


def unneutralise(text: str) -> str:
    """Undo the quote an export puts before text that a spreadsheet would run as a formula."""
    text = text.strip()
    if text.startswith("'") and text[1:2] in FORMULA_PREFIXES:
        return text[1:]
    return text
