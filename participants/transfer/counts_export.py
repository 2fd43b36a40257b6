"""Export counts (and blank templates) as CSV or XLSX with the columns the importer reads.

Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is
written with a leading apostrophe; the importer takes it off again, so export → import is
a no-op. Every query is narrowed through `regions.access`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from typing import Any

from participants.entry.models import Category, ParticipantCount
from participants.periods import format_period
from participants.transfer.reading import EXPORT_COLUMNS
from regions import access
from regions.access import Action
from regions.models import Region
from regions.spreadsheets import neutralise
from regions.users import PortalUser

ExportRow = tuple[Any, ...]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_rows(
    *, user: PortalUser | None, province: Region | None, periods: list[dt.date]
) -> Iterator[ExportRow]:
    """Stored counts of a province (None: the whole country) for the periods, in file order.

    `user=None` is a trusted system caller (the export_counts command), as in counts_write.
    """
    counts = ParticipantCount.objects.filter(period__in=periods)
    if user is not None:
        counts = access.scoped(counts, user, Action.VIEW)
    if province is not None:
        counts = counts.filter(region__parent=province)
    rows = counts.order_by("period", "region__code", "category__order", "category__code")
    for row in rows.values_list(
        "period",
        "region__code",
        "region__name",
        "category__code",
        "active_participants",
        "inactive_participants",
        "employers",
        "no_data_reason",
    ).iterator(chunk_size=5000):
        yield (format_period(row[0]), *row[1:])


def template_rows(*, province: Region, period: dt.date) -> Iterator[ExportRow]:
    """One blank row per regency valid in the period × active category, for filling in."""
    regencies = Region.objects.regencies().valid_on(period).filter(parent=province)
    categories = list(Category.objects.filter(is_active=True).values_list("code", flat=True))
    for code, name in regencies.order_by("code").values_list("code", "name"):
        for category in categories:
            yield (format_period(period), code, name, category, None, None, None, "")


def csv_lines(rows: Iterable[ExportRow]) -> Iterator[str]:
    """The CSV text, one line at a time (for a streaming response), header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in _with_header(rows):
        writer.writerow([_csv_value(v) for v in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _csv_value(value: Any) -> Any:
    return "" if value is None else neutralise(value)


def xlsx_bytes(rows: Iterable[ExportRow], *, title: str) -> bytes:
    """An XLSX workbook with one sheet; counts as numbers, codes and text as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in _with_header(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=neutralise(value))
            if isinstance(value, str):
                cell.data_type = "s"  # never let openpyxl read "=…" as a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_header(rows: Iterable[ExportRow]) -> Iterator[ExportRow]:
    yield EXPORT_COLUMNS
    yield from rows


def export_filename(kind: str, place: str, when: str, fmt: str) -> str:
    return f"{kind}-{place}-{when}.{fmt}"
