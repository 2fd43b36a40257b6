"""Import workforce totals from CSV or XLSX: every row applies, or none does.

Columns: year,region_code,kind,value,source (optional month,note). Files are read by the same
bounded reader as the counts (participants.transfer.reading) and numbers by the counts' parser
(`632.494`, `632 494` or `632494`; a decimal is refused). Errors are reported per line
number with the reason; nothing is written while any row has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participants.coverage.models import WorkforceKind, WorkforceTotal
from participants.coverage.services import mark_region_year_stale
from participants.entry.services import parse_count
from participants.transfer.reading import FileProblem, Source, read_table
from regions import bounds
from regions.access.users import PortalUser
from regions.models import Region

REQUIRED = ("year", "region_code", "kind", "value", "source")
SOURCE_MAX = WorkforceTotal._meta.get_field("source").max_length or 500
NOTE_MAX = 2_000
Rows = list[tuple[int, dict[str, str]]]


@dataclass
class WorkforceImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    applied: bool = False


def read_rows(path: Path | Source, filename: str | None = None) -> Rows:
    """(line, {column: text}) rows from a CSV or XLSX file; FileProblem when unreadable."""
    if isinstance(path, Path):
        with path.open("rb") as handle:
            return list(read_table(handle, path.name, required=REQUIRED))
    return list(read_table(path, filename or "", required=REQUIRED))


def workforce_import(
    *, rows: Rows, actor: PortalUser | None = None, dry_run: bool = False
) -> WorkforceImportReport:
    report = WorkforceImportReport()
    if not rows:
        report.errors.append((1, _("The file has no rows.")))
        return report
    parsed = _parse(rows, report)
    if report.errors or dry_run:
        return report
    _apply(parsed, actor, report)
    return report


def workforce_file_import(
    *, path: Path, actor: PortalUser | None = None, dry_run: bool = False
) -> WorkforceImportReport:
    """Read and import a file; a file that cannot be read is one error on its line."""
    try:
        rows = read_rows(path)
    except FileProblem as problem:
        return WorkforceImportReport(errors=[(problem.line or 1, problem.message)])
    return workforce_import(rows=rows, actor=actor, dry_run=dry_run)


def _parse(rows: Rows, report: WorkforceImportReport) -> list[WorkforceTotal]:
    kinds = {k.code: k for k in WorkforceKind.objects.all()}
    regions = {r.code: r for r in Region.objects.defer("boundary")}
    parsed, seen = [], set()
    for line, row in rows:
        try:
            total = _parse_row(row, kinds, regions)
        except ValidationError as error:
            report.errors.append((line, " ".join(error.messages)))
            continue
        key = (total.kind_id, total.region_id, total.year, total.month)
        if key in seen:
            report.errors.append((line, _("This figure appears twice in the file.")))
        seen.add(key)
        parsed.append(total)
    return parsed


def _parse_row(row: dict[str, str], kinds: dict, regions: dict) -> WorkforceTotal:
    kind = kinds.get((row.get("kind") or "").strip().upper())
    region = regions.get((row.get("region_code") or "").strip())
    if kind is None:
        raise ValidationError(
            _("Unknown workforce kind “%(v)s”.") % {"v": bounds.echo(row.get("kind") or "")}
        )
    if region is None:
        raise ValidationError(
            _("Unknown region code “%(v)s”.") % {"v": bounds.echo(row.get("region_code") or "")}
        )
    year = _number(row.get("year"), _("year"), bounds.PEOPLE_IN_A_REGION)  # range just below
    problem = bounds.year_problem(year)
    if problem:
        raise ValidationError(problem)
    month_text = row.get("month") or ""
    month = _number(month_text, _("month"), 12) if month_text.strip() else None
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(_("The month must be between 1 and 12."))
    return WorkforceTotal(
        kind=kind,
        region=region,
        year=year,
        month=month,
        value=_number(row.get("value"), _("value"), bounds.PEOPLE_IN_A_REGION),
        source=_text(row.get("source"), _("source"), SOURCE_MAX, required=True),
        note=_text(row.get("note"), _("note"), NOTE_MAX, multiline=True),
    )


def _number(text: str | None, name: str, limit: int) -> int:
    """A whole number read the Indonesian way (the counts' parser), from 0 to `limit`."""
    try:
        value = parse_count(_without_excel_zero_decimal(text or ""))
    except ValidationError as error:
        raise ValidationError(
            _("The %(name)s: %(problem)s") % {"name": name, "problem": " ".join(error.messages)}
        ) from None
    if value is None:
        raise ValidationError(_("The %(name)s is required.") % {"name": name})
    problem = bounds.whole_number_problem(value, limit)
    if problem:
        raise ValidationError(_("The %(name)s: %(problem)s") % {"name": name, "problem": problem})
    return value


def _without_excel_zero_decimal(text: str) -> str:
    """Excel writes the number 2023 as "2023,0" once the cell was formatted as a decimal."""
    stripped = text.strip()
    return stripped[:-2] if stripped.endswith(",0") else stripped


def _text(
    text: str | None, name: str, limit: int, *, required: bool = False, multiline: bool = False
) -> str:
    value = (text or "").strip()
    if required and not value:
        raise ValidationError(_("The %(name)s is required.") % {"name": name})
    problem = bounds.text_problem(value, multiline=multiline, max_length=limit)
    if problem:
        raise ValidationError(_("The %(name)s: %(problem)s") % {"name": name, "problem": problem})
    return value


@transaction.atomic
def _apply(
    parsed: list[WorkforceTotal], actor: PortalUser | None, report: WorkforceImportReport
) -> None:
    existing = {
        (t.kind_id, t.region_id, t.year, t.month): t
        for t in WorkforceTotal.objects.filter(year__in={p.year for p in parsed})
    }
    for total in parsed:
        current = existing.get((total.kind_id, total.region_id, total.year, total.month))
        if current and (current.value, current.source) == (total.value, total.source):
            report.unchanged += 1
            continue
        if current:
            current.value, current.source, current.note = total.value, total.source, total.note
            total = current
            report.updated += 1
        else:
            report.created += 1
        _save(total, actor)
    report.applied = True


def _save(total: WorkforceTotal, actor: Any) -> None:
    total._history_user = actor  # type: ignore[attr-defined]
    total.save()
    mark_region_year_stale(region=total.region, year=total.year, month=total.month)
