"""Export counts (and blank templates) as CSV or XLSX with the columns the importer reads.

Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is
written with a leading apostrophe; the importer takes it off again, so export → import is
a no-op. Every query is narrowed through `regions.access`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from participants.counts.models import Category
from participants.entry.selectors import counts_for
from participants.kernel.periods import format_period
from participants.transfer.reading import EXPORT_COLUMNS
from regions import spreadsheets
from regions.access.users import PortalUser
from regions.models import Region

ExportRow = tuple[Any, ...]


def export_rows(
    *, user: PortalUser | None, province: Region | None, periods: list[dt.date]
) -> Iterator[ExportRow]:
    """Stored counts of a province (None: the whole country) for the periods, in file order.

    `user=None` is a trusted system caller (the export_counts command), as in counts_write.
    """
    counts = counts_for(user, periods=periods)
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


def with_header(rows: Iterable[ExportRow]) -> Iterator[ExportRow]:
    """The importer's columns first: every counts file starts with them."""
    yield EXPORT_COLUMNS
    yield from rows


def csv_lines(rows: Iterable[ExportRow]) -> Iterator[str]:
    return spreadsheets.csv_lines(with_header(rows))


def xlsx_bytes(rows: Iterable[ExportRow], *, title: str) -> bytes:
    return spreadsheets.xlsx_bytes(with_header(rows), title=title)
