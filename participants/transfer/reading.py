"""Read an uploaded CSV or XLSX file into (line number, {column: text}) rows, streaming.

Line numbers are what a person sees in a spreadsheet: the header is line 1. Every cell comes
back as text, so CSV and XLSX rows go through exactly the same checks afterwards. The file is
read as it is consumed, never held as one big text, and the bounds of regions/bounds.py
(file size, rows, unzipped size, field length) stop a file before it can exhaust the server.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from django.utils.translation import gettext as _

from participants.transfer import grid_shape
from regions import bounds
from regions.values.formatting import format_number

REQUIRED_COLUMNS = ("period", "region_code", "category", "active_participants")
OPTIONAL_COLUMNS = ("inactive_participants", "employers", "no_data_reason")
# region_name is written by exports and templates for people; imports ignore it.
EXPORT_COLUMNS = (
    "period",
    "region_code",
    "region_name",
    "category",
    "active_participants",
    "inactive_participants",
    "employers",
    "no_data_reason",
)
XLSX_MAGIC = b"PK\x03\x04"
CHUNK = 1024 * 1024
Row = tuple[int, dict[str, str]]
Source = bytes | IO[bytes]


class FileProblem(Exception):
    """The file as a whole cannot be read: wrong type, empty, too large, a column missing."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def file_kind(head: bytes, filename: str) -> str:
    """'csv' or 'xlsx', judged by the name and confirmed by the first bytes."""
    name = filename.lower()
    if name.endswith(".xlsx") and head.startswith(XLSX_MAGIC):
        return "xlsx"
    if name.endswith((".csv", ".txt")):
        if b"\x00" in head:
            raise FileProblem(_("The file holds NUL bytes, so it is no text file: save it as CSV."))
        return "csv"
    raise FileProblem(_("Wrong file type: upload a .csv or .xlsx file."))


def counts_header(cell: str) -> str:
    return cell.lower().replace(" ", "_")


def read_rows(data: Source, filename: str) -> Iterator[Row]:
    """The counts file's data rows, after checking its header; blank rows are skipped.

    A grid-shaped file (regencies × categories, see grid_shape) comes back as the same rows.
    """
    return read_table(
        data, filename, required=REQUIRED_COLUMNS, name_column=counts_header, grid=True
    )


def read_table(
    data: Source,
    filename: str,
    *,
    required: Sequence[str],
    name_column: Callable[[str], str] = str.lower,
    grid: bool = False,
) -> Iterator[Row]:
    """Rows of any import file with the `required` columns, within the import bounds."""
    source = _seekable(data)
    head = source.read(4096)
    source.seek(0)
    if not head.strip():
        raise FileProblem(_("The file is empty."))
    _check_size(source)
    read = _xlsx_lines if file_kind(head, filename) == "xlsx" else _csv_lines
    return _bounded(_rows(read(source), required, name_column, grid, texts=read is _csv_lines))


def _seekable(data: Source) -> IO[bytes]:
    if isinstance(data, bytes | bytearray):
        return io.BytesIO(data)
    data.seek(0)
    return data


def _check_size(source: IO[bytes]) -> None:
    size = source.seek(0, io.SEEK_END)
    source.seek(0)
    if size > bounds.IMPORT_MAX_BYTES:
        raise FileProblem(
            _("The file is larger than %(mb)s MB; split it into smaller files.")
            % {"mb": bounds.IMPORT_MAX_BYTES // (1024 * 1024)}
        )


def _rows(
    lines: Iterator[tuple[int, list[object]]],
    required: Sequence[str],
    name_column: Callable[[str], str],
    grid: bool,
    *,
    texts: bool = False,
) -> Iterator[Row]:
    """With `texts`, every cell is already stripped text (a CSV line), kept as it is."""
    filled = (
        (n, cells)
        for n, cells in lines
        if any(cells) or any(v not in (None, "") for v in cells)  # a 0 fills a row too
    )
    first = next(filled, None)
    if first is None:
        raise FileProblem(_("The file is empty."))
    if grid and grid_shape.is_grid(first[1]):
        yield from grid_shape.grid_rows(first, filled, FileProblem)
        return
    header = _check_header(first[1], first[0], required, name_column)
    if texts:
        for number, cells in filled:
            yield number, dict(zip(header, cells, strict=False))  # type: ignore[arg-type]
        return
    for number, cells in filled:
        yield (
            number,
            {
                c: v.strip() if type(v) is str else cell_text(v, c)  # text is the common case
                for c, v in zip(header, cells, strict=False)
            },
        )


def _bounded(rows: Iterator[Row]) -> Iterator[Row]:
    for count, (number, row) in enumerate(rows, start=1):
        if count > bounds.IMPORT_MAX_ROWS:
            raise FileProblem(
                _("The file has more than %(rows)s data rows; split it into smaller files.")
                % {"rows": format_number(bounds.IMPORT_MAX_ROWS)},
                line=number,
            )
        yield number, row


def _check_header(
    cells: list[object], number: int, required: Sequence[str], name_column: Callable[[str], str]
) -> list[str]:
    header = [name_column(cell_text(c, "")) for c in cells]
    missing = [c for c in required if c not in header]
    if missing:
        raise FileProblem(
            _("Missing column(s): %(columns)s. The first row must name the columns %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(required)},
            line=number,
        )
    return header


def _encoding(source: IO[bytes]) -> str:
    """UTF-8 (with or without BOM) when every byte decodes so, else Excel's Windows cp1252;
    checked in chunks so the file is never decoded into one string."""
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        source.seek(0)
        try:
            while chunk := source.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        source.seek(0)
        return encoding
    raise FileProblem(_("The file is not a readable CSV text file."))


def _csv_lines(source: IO[bytes]) -> Iterator[tuple[int, list[object]]]:
    encoding = _encoding(source)
    text = io.TextIOWrapper(source, encoding=encoding, newline="")
    first_line = text.readline()
    text.seek(0)
    # Indonesian Excel writes ';' because ',' is the decimal separator.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(text, delimiter=delimiter)
    try:
        for cells in reader:
            if cells and max(map(len, cells)) > bounds.CSV_FIELD_MAX_CHARS:
                raise FileProblem(_long_field_message(), line=reader.line_num)
            yield reader.line_num, [c.strip() for c in cells]
    except csv.Error as error:  # a field over the csv module's own limit, a stray quote …
        raise FileProblem(_long_field_message(), line=reader.line_num) from error
    finally:
        # Leave the caller's file open (theirs to close); it may be closed already.
        with contextlib.suppress(ValueError):
            text.detach()


def _check_fields(cells: Sequence[object], line: int) -> None:
    if any(isinstance(c, str) and len(c) > bounds.CSV_FIELD_MAX_CHARS for c in cells):
        raise FileProblem(_long_field_message(), line=line)


def _long_field_message() -> str:
    return _(
        "This line cannot be read: a field is longer than %(chars)s characters or has an "
        "unclosed quote."
    ) % {"chars": format_number(bounds.CSV_FIELD_MAX_CHARS)}


def _xlsx_lines(source: IO[bytes]) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    not_readable = _("The file is not a readable XLSX workbook.")
    try:
        with zipfile.ZipFile(source) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileProblem(not_readable) from error
    if unzipped > bounds.XLSX_MAX_UNZIPPED_BYTES:
        raise FileProblem(
            _("The workbook unpacks to more than %(mb)s MB; split it into smaller files.")
            % {"mb": bounds.XLSX_MAX_UNZIPPED_BYTES // (1024 * 1024)}
        )
    source.seek(0)
    number = 0
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                _check_fields(values, number)
                yield number, list(values)
        finally:
            workbook.close()
    except FileProblem:
        raise
    # A hostile workbook can make the XML and zip readers fail in any way they know.
    except Exception as error:
        raise FileProblem(not_readable, line=number or None) from error


def cell_text(value: object, column: str) -> str:
    """A spreadsheet value as the text a person typed, undoing Excel's guesses."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%Y-%m}"  # Excel turns "2023-12" into 1 December 2023
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float) and column == "region_code":
        return f"{value:.2f}"  # Excel turns "61.10" into the number 61.1
    if isinstance(value, float):
        return str(value).replace(".", ",")  # a decimal count, refused as such later
    return str(value).strip()
