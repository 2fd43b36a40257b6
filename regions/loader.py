"""Read the shipped region files (regions/data/) into plain rows ready to upsert.

Month boundary of the 2022 Papua split (see README): a new province and its moved regencies
are valid from the first day of the month after their law was signed; the old regencies are
valid until the last day of the month of signing. Counts are end-of-month stocks, so every
reporting month belongs wholly to one structure.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from regions.kernel.timezones import timezone_for_province

DATA_DIR = Path(__file__).resolve().parent / "data"
NATIONAL_CODE = "ID"
NEW_PROVINCE_VALID_FROM = {
    "93": dt.date(2022, 8, 1),  # UU 14/2022, signed 25 July 2022
    "94": dt.date(2022, 8, 1),  # UU 15/2022, signed 25 July 2022
    "95": dt.date(2022, 8, 1),  # UU 16/2022, signed 25 July 2022
    "96": dt.date(2023, 1, 1),  # UU 29/2022, signed 8 December 2022
}


@dataclass
class RegionRow:
    code: str
    name: str
    level: str
    kind: str
    parent_code: str | None
    timezone: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    successor_code: str | None = None
    boundary: dict[str, Any] | None = field(default=None, repr=False)


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_geometries(name: str) -> dict[str, dict[str, Any]]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        collection = json.load(handle)
    return {str(f["properties"]["code"]): f["geometry"] for f in collection["features"]}


def read_region_rows() -> list[RegionRow]:
    """All regions in parent-before-child order: national, provinces, regencies, retired."""
    rows = [RegionRow(NATIONAL_CODE, "Indonesia", "national", "negara", None, "Asia/Jakarta")]
    rows += _province_rows()
    regencies = _regency_rows()
    rows += regencies
    rows += _retired_regency_rows({r.code: r for r in regencies})
    return rows


def _province_rows() -> list[RegionRow]:
    shapes = _read_geometries("provinces.geojson")
    return [
        RegionRow(
            code=r["code"],
            name=r["name"].strip(),
            level="province",
            kind="provinsi",
            parent_code=NATIONAL_CODE,
            timezone=timezone_for_province(r["code"]),
            valid_from=NEW_PROVINCE_VALID_FROM.get(r["code"]),
            boundary=shapes.get(r["code"]),
        )
        for r in _read_csv("provinces.csv")
    ]


def _regency_rows() -> list[RegionRow]:
    shapes = _read_geometries("regencies.geojson")
    return [
        RegionRow(
            code=r["code"],
            name=r["name"].strip(),
            level="regency",
            kind=r["kind"],
            parent_code=r["province_code"],
            timezone=timezone_for_province(r["province_code"]),
            valid_from=NEW_PROVINCE_VALID_FROM.get(r["province_code"]),
            boundary=shapes.get(r["code"]),
        )
        for r in _read_csv("regencies.csv")
    ]


def _retired_regency_rows(current: dict[str, RegionRow]) -> list[RegionRow]:
    """Regencies that changed code in the 2022 split: same land, old code and province."""
    rows = []
    for r in _read_csv("papua_split_2022.csv"):
        successor = current[r["new_code"]]
        rows.append(
            RegionRow(
                code=r["old_code"],
                name=successor.name,
                level="regency",
                kind=successor.kind,
                parent_code=r["old_province_code"],
                timezone=timezone_for_province(r["old_province_code"]),
                valid_until=dt.date.fromisoformat(r["valid_until"]),
                successor_code=r["new_code"],
                boundary=successor.boundary,
            )
        )
    return rows
