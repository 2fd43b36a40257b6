"""Import workforce totals from CSV or XLSX: every row applies, or none does.

Columns: year,region_code,kind,value,source (optional month,note). Errors are reported per
line number with the reason; nothing is written while any row has one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participants.coverage.models import WorkforceKind, WorkforceTotal
from participants.coverage.services import mark_region_year_stale
from regions.models import Region
from regions.numbers import parse_whole_number
from regions.users import PortalUser

REQUIRED = ("year", "region_code", "kind", "value", "source")


@dataclass
class WorkforceImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    applied: bool = False


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows as dicts of text, from CSV (UTF-8, with or without BOM) or XLSX."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        assert sheet is not None
        rows = [[_text(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        header = [h.strip().lower() for h in rows[0]] if rows else []
        return [dict(zip(header, r, strict=False)) for r in rows[1:]]
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = [h.strip().lower() for h in reader.fieldnames or []]
    return list(reader)


def _text(value: object) -> str:
    """An XLSX cell as typed: 1830662.0 is the whole number Excel stores, 12.5 a decimal."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def workforce_import(
    *, rows: list[dict[str, str]], actor: PortalUser | None = None, dry_run: bool = False
) -> WorkforceImportReport:
    report = WorkforceImportReport()
    missing = [c for c in REQUIRED if rows and c not in rows[0]]
    if not rows or missing:
        report.errors.append(
            (
                1,
                _("Missing columns: %(cols)s") % {"cols": ", ".join(missing)}
                if missing
                else _("The file has no rows."),
            )
        )
        return report
    parsed = _parse(rows, report)
    if report.errors or dry_run:
        return report
    _apply(parsed, actor, report)
    return report


def _parse(rows: list[dict[str, str]], report: WorkforceImportReport) -> list[WorkforceTotal]:
    kinds = {k.code: k for k in WorkforceKind.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    parsed, seen = [], set()
    for line, row in enumerate(rows, start=2):
        try:
            total = _parse_row(row, kinds, regions)
        except ValueError as error:
            report.errors.append((line, str(error)))
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
        raise ValueError(_("Unknown workforce kind “%(v)s”.") % {"v": row.get("kind")})
    if region is None:
        raise ValueError(_("Unknown region code “%(v)s”.") % {"v": row.get("region_code")})
    year, month = _whole(row.get("year"), _("year")), row.get("month") or ""
    if not 2000 <= year <= 2100:
        raise ValueError(_("The year must be between 2000 and 2100."))
    value = _whole(row.get("value"), _("value"))
    source = (row.get("source") or "").strip()
    if not source:
        raise ValueError(_("The source is required."))
    month_number = _whole(month, _("month")) if month.strip() else None
    if month_number is not None and not 1 <= month_number <= 12:
        raise ValueError(_("The month must be between 1 and 12."))
    return WorkforceTotal(
        kind=kind,
        region=region,
        year=year,
        month=month_number,
        value=value,
        source=source,
        note=(row.get("note") or "").strip(),
    )


def _whole(text: str | None, name: str) -> int:
    """A whole number the way people type it ("1.830.662"), by the one shared parser."""
    try:
        value = parse_whole_number(text)
    except ValidationError as error:
        raise ValueError(f"{name}: {error.messages[0]}") from error
    if value is None:
        raise ValueError(_("The %(name)s is required.") % {"name": name})
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
        total._history_user = actor  # type: ignore[attr-defined]
        total.save()
        mark_region_year_stale(region=total.region, year=total.year, month=total.month)
    report.applied = True
