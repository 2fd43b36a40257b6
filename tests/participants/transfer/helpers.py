"""Small builders for import/export tests: files are generated here, not committed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook

HEADER = ("period", "region_code", "category", "active_participants")


def csv_bytes(
    rows: Iterable[Sequence[Any]], header: Sequence[str] = HEADER, sep: str = ","
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def xlsx_bytes(rows: Iterable[Sequence[Any]], header: Sequence[str] = HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_rows(data: bytes) -> list[tuple[Any, ...]]:
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [tuple(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def kalbar_month(period: str = "2024-05", pu: int = 1000) -> list[tuple[Any, ...]]:
    """PU, NON_ASN and BPU for two Kalimantan Barat regencies."""
    return [
        (period, "61.71", "PU", pu),
        (period, "61.71", "NON_ASN", pu // 5),
        (period, "61.71", "BPU", 500),
        (period, "61.01", "PU", 800),
        (period, "61.01", "BPU", 300),
    ]


@pytest.fixture
def in_english() -> Iterator[None]:
    """Messages are asserted in English; the Indonesian default is tested on its own."""
    with translation.override("en"):
        yield
