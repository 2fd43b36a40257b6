"""DHIS2's CSV data values: one per line, the header names the columns (DHIS2's short
names — dataelement, period, orgunit, catoptcombo, attroptcombo, value, storedby,
lastupdated, comment, followup — or the long ones it also writes)."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from participants.transfer.exchange import document
from participants.transfer.exchange.codes import DEFAULT_COMBO, dhis2_format
from participants.transfer.exchange.export import ExportedCount, period_values
from participants.transfer.exchange.values import FormatError, Parsed
from regions import bounds

COLUMNS = (
    "dataelement",
    "period",
    "orgunit",
    "catoptcombo",
    "attroptcombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
)
# DHIS2 reads the columns by position and skips the header line, whatever it says.
KEYS = (
    "dataElement",
    "period",
    "orgUnit",
    "categoryOptionCombo",
    "attributeOptionCombo",
    "value",
    "storedBy",
    "lastUpdated",
    "comment",
    "followup",
    "deleted",
)
MAX_BYTES = 20 * 1024 * 1024


def read(body: bytes) -> Parsed:
    if len(body) > MAX_BYTES:
        raise FormatError(str(_("The document is larger than 20 MB.")))
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(str(_("The CSV is not UTF-8 text."))) from error
    if "\x00" in text:
        raise FormatError(str(_("The CSV holds NUL bytes.")))
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        if next(rows, None) is None:
            raise FormatError(str(_("The CSV is empty.")))
        items = [_item(row) for row in rows if any(cell.strip() for cell in row)]
    except csv.Error as error:
        message = _("The CSV cannot be read: %(error)s") % {"error": str(error)[:120]}
        raise FormatError(str(message)) from error
    return document.read({}, items)


def _item(row: list[str]) -> dict[str, str]:
    if any(len(cell) > bounds.CSV_FIELD_MAX_CHARS for cell in row):
        raise FormatError(str(_("A CSV field is too long.")))
    item = dict(zip(KEYS, row, strict=False))
    for position, extra in enumerate(row[len(KEYS) :], start=len(KEYS) + 1):
        if extra.strip():
            item[f"column {position}"] = extra  # read as an unknown attribute: a conflict
    return item


def write(counts: list[ExportedCount], include_deleted: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for count, measure, value, comment in period_values(counts, include_deleted):
        writer.writerow(
            [
                count.category,
                dhis2_format(count.period),
                count.region,
                measure,
                DEFAULT_COMBO,
                "" if value is None else value,
                "",
                count.updated_at.isoformat(),
                comment,
                "false",
            ]
        )
    return out.getvalue().encode()
