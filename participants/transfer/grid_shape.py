"""The grid-shaped template: regencies as rows, categories as columns, as on the entry page.

    Bulan        | 2024-05
    Provinsi     | 61 | Kalimantan Barat
    (a line of instructions)
    Kode wilayah | Kabupaten/kota   | Penerima Upah (PU) | Non-ASN (NON_ASN) | …
    61.01        | Kabupaten Sambas | 12.345             | ∅ data belum ada  | …

Reading turns each filled cell into the long format's row (period, region_code, category,
active_participants or no_data_reason), so both layouts go through the same checks. A cell
starting with ∅ means "no data", the rest of it being the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

from django.utils.translation import gettext as _

from participants.counts.models import Category
from participants.kernel.periods import format_period
from regions.models import Region
from regions.spreadsheets import neutralise

Line = tuple[int, list[object]]
Row = tuple[int, dict[str, str]]
PERIOD_LABELS = ("bulan", "periode", "period", "month")
HEADER_LABELS = ("kode wilayah", "kode", "region_code", "region code")
NO_DATA = "∅"
MONTH = re.compile(r"^[0-9]{4}-[0-9]{1,2}$")
CODE_IN_HEADER = re.compile(r"\(([A-Za-z0-9_]+)\)\s*$")


def _text(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%Y-%m}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def is_grid(first: list[object]) -> bool:
    """A grid-shaped file starts with the month: "Bulan | 2024-05" (the long layout's first
    row is its header, "period | region_code | …")."""
    if len(first) < 2 or _text(first[0]).lower().rstrip(":") not in PERIOD_LABELS:
        return False
    return bool(MONTH.match(_text(first[1])))


def grid_rows(first: Line, lines: Iterator[Line], problem: type[Exception]) -> Iterator[Row]:
    period = _text(first[1][1]) if len(first[1]) > 1 else ""
    for number, cells in lines:
        if cells and _text(cells[0]).lower() in HEADER_LABELS:
            columns = _category_columns(cells, number, problem)
            break
    else:
        raise problem(_("The grid has no header row starting with “Kode wilayah”."))
    for number, cells in lines:
        code = _text(cells[0]) if cells else ""
        if not code:
            continue
        for index, category in columns.items():
            text = _text(cells[index]) if index < len(cells) else ""
            if text:
                yield number, _long_row(period, code, category, text)


def _category_columns(cells: list[object], number: int, problem: type[Exception]) -> dict:
    columns = {}
    for index, cell in enumerate(cells[2:], start=2):
        header = _text(cell)
        if not header:
            continue
        match = CODE_IN_HEADER.search(header)
        columns[index] = (match[1] if match else header).upper()
    if not columns:
        raise problem(_("The grid's header names no category."), number)  # type: ignore[call-arg]
    return columns


def _long_row(period: str, code: str, category: str, text: str) -> dict[str, str]:
    row = {"period": period, "region_code": code, "category": category}
    if text.startswith(NO_DATA):
        row["no_data_reason"] = text[len(NO_DATA) :].strip() or _("no data")
        row["active_participants"] = ""
    else:
        row["active_participants"] = text
    return row


# --- Writing the blank grid template ------------------------------------------------------


def sheet_title(period: dt.date) -> str:
    """The whole name fits Excel's 31 characters: "Jumlah peserta 2024-05"."""
    return _("Participant counts %(month)s") % {"month": format_period(period)}


def template_table(province: Region, period: dt.date) -> list[list[object]]:
    regencies = Region.objects.regencies().valid_on(period).filter(parent=province)
    categories = list(Category.objects.filter(is_active=True))
    # In the user's language; reading knows the labels of both (PERIOD_LABELS, HEADER_LABELS).
    head: list[object] = [
        _("Region code"),
        _("Regency/city"),
        *(f"{c.name} ({c.code})" for c in categories),
    ]
    rows: list[list[object]] = [
        [_("Month"), format_period(period)],
        [_("Province"), province.code, province.name],
        [
            _(
                "Enter the active participants per regency/city and category. "
                "Where there is no data, write ∅ followed by the reason."
            )
        ],
        head,
    ]
    for code, name in regencies.order_by("code").values_list("code", "name"):
        rows.append([code, name, *([None] * len(categories))])
    return rows


def template_xlsx(province: Region, period: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(period)
    for row in template_table(province, period):
        sheet.append([neutralise(v) for v in row])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C5"
    sheet.column_dimensions["B"].width = 28
    for column in sheet.iter_cols(min_col=1, max_col=sheet.max_column, min_row=5):
        for cell in column:
            cell.number_format = "@" if cell.column == 1 else "#,##0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(province: Region, period: dt.date) -> str:
    """Semicolons, as Indonesian Excel writes and reads CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in template_table(province, period):
        writer.writerow(["" if v is None else neutralise(v) for v in row])
    return buffer.getvalue()
