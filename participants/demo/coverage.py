"""Demo denominators and targets, so every demo map, table and projection has figures.

Where they come from (each row's `source` says so, and pages show it beside the figure):
- real: the Kalimantan Barat 2022 workforce derived from its published 34,55 % (632.494
  participants), BPS Sakernas figures in regions/data/reference (national, Jawa Tengah and the
  five largest provinces of February 2025), the Kalbar 2021 target of 235.000 and the
  national 2024 target of 52,15 % (domain brief);
- synthetic, and labelled "DEMO: … sintetis": every regency's employed population, wage
  workers and non-ASN headcount, drawn around its seeded participants; every province's and
  regency's yearly target. A province's denominator is then the sum of its regencies' (the
  engine's rule), so it follows the Papua split month by month; where a real provincial
  figure exists, its regencies are scaled to add up to it exactly.

Set-based: a few grouped reads, one bulk write with history, one stale mark for everything.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from decimal import Decimal

from django.db import transaction

from participants.coverage.models import Target, WorkforceKind, WorkforceTotal
from participants.coverage.services import mark_everything_stale
from participants.demo import figures as fig
from participants.demo.calibration import apportion, rng
from participants.demo.sync import Key, sync
from participants.kernel.periods import add_months, current_period
from regions.loader import DATA_DIR
from regions.models import Region

FIRST_YEAR = 2022
DEMO_MARK = "DEMO:"
REGENCY_SOURCE = "DEMO: estimasi sintetis per kabupaten/kota, bukan data BPS"
SCALED_SOURCE = "DEMO: angka provinsi ({source}) dibagi ke kabupaten/kota secara sintetis"
TARGET_SOURCE = "DEMO: target sintetis (peserta Januari {year} + {percent}%), bukan target resmi"
BRIEF = "Brief domain: 632.494 peserta = 34,55% angkatan kerja (Kalbar, Des 2022)"
KALBAR_2022_EMPLOYED = 1_830_662  # 632.494 / 34,55%
REAL_TARGETS = [
    ("61", 2021, 235_000, None, "Target nasional untuk Kalimantan Barat 2021 (brief domain)"),
    ("ID", 2024, None, Decimal("52.15"), "Target Kemendagri 52,15% (brief domain)"),
]
# Participants ÷ denominator, drawn per regency within these bands (coverage of each kind).
RATES = {"EMPLOYED": (0.22, 0.45), "WAGE_WORKERS": (0.35, 0.65), "NON_ASN_HEADCOUNT": (0.45, 0.9)}
GROWTH_PER_YEAR = 0.015  # the workforce grows about 1,5 % a year


def demo_years() -> range:
    """Every year the demo counts reach: from 2022 to the year of the month now due."""
    return range(FIRST_YEAR, add_months(current_period(), -1).year + 1)


@transaction.atomic
def seed() -> int:
    """Write the demo's denominators and targets; returns how many rows changed."""
    periods = fig.seeded_periods()
    if not periods:
        return 0
    places = fig.places()
    years = [y for y in demo_years() if any(p.year == y for p in periods)]
    kinds = dict(WorkforceKind.objects.filter(code__in=RATES).values_list("code", "pk"))
    totals = _totals(places, fig.reference_stocks(periods, places), years, kinds)
    targets = _targets(places, periods, years)
    changed = sync(WorkforceTotal, totals, _total_key, _total_fields, DEMO_MARK, month__isnull=True)
    changed += sync(Target, targets, _target_key, _target_fields, DEMO_MARK, category__isnull=True)
    if changed:
        mark_everything_stale()
    return changed


def _total_key(total: WorkforceTotal) -> Key:
    return (total.kind_id, total.region_id, total.year)


def _total_fields(key: Key) -> dict:
    return {"kind_id": key[0], "region_id": key[1], "year": key[2]}


def _target_key(target: Target) -> Key:
    return (target.region_id, target.year)


def _target_fields(key: Key) -> dict:
    return {"region_id": key[0], "year": key[1]}


def _totals(
    places: list[fig.Place], stock: dict[int, fig.Stock], years: list[int], kinds: dict[str, int]
) -> dict[Key, dict]:
    real = _real_figures()
    codes = dict(Region.objects.exclude(level=Region.Level.REGENCY).values_list("code", "pk"))
    wanted: dict[Key, dict] = {}
    for year in years:
        growth = 1 + (year - 2023) * GROWTH_PER_YEAR
        for kind, (low, high) in RATES.items():
            if kind not in kinds:
                continue
            for place in (p for p in places if p.valid_in(year) and p.canonical in stock):
                measured = _measured(stock[place.canonical], kind)
                rate = rng("rate", kind, place.canonical).uniform(low, high)
                value = max(round(measured / rate * growth), measured)
                wanted[(kinds[kind], place.pk, year)] = {"value": value, "source": REGENCY_SOURCE}
        for code, (value, source) in real.get(year, {}).items():
            if code in codes and "EMPLOYED" in kinds:
                wanted[(kinds["EMPLOYED"], codes[code], year)] = {"value": value, "source": source}
                _scale_regencies(
                    wanted, places, codes[code], year, kinds["EMPLOYED"], value, source
                )
    return wanted


def _measured(stock: fig.Stock, kind: str) -> int:
    return {"EMPLOYED": stock.total, "WAGE_WORKERS": stock.pu}.get(kind, stock.non_asn)


def _scale_regencies(
    wanted: dict[Key, dict],
    places: list[fig.Place],
    province: int,
    year: int,
    kind: int,
    value: int,
    source: str,
) -> None:
    """A real provincial figure: its regencies' synthetic ones are scaled to add up to it."""
    keys = [
        (kind, p.pk, year)
        for p in places
        if p.province_id == province and (kind, p.pk, year) in wanted
    ]
    shares = apportion(value, [wanted[k]["value"] for k in keys])
    text = SCALED_SOURCE.format(source=source)[:500]
    for key, share in zip(keys, shares, strict=True):
        wanted[key] = {"value": share, "source": text}


def _real_figures() -> dict[int, dict[str, tuple[int, str]]]:
    """BPS Sakernas figures shipped in regions/data/reference (August preferred), by year."""
    found: dict[int, dict[str, tuple[int, str]]] = {2022: {"61": (KALBAR_2022_EMPLOYED, BRIEF)}}
    with open(DATA_DIR / "reference" / "employed_population.csv", encoding="utf-8") as handle:
        for row in sorted(csv.DictReader(handle), key=lambda r: r["month"] == "8"):
            source = f"BPS Sakernas {row['year']}-{int(row['month']):02d}: {row['source']}"
            found.setdefault(int(row["year"]), {})[row["region_code"]] = (
                int(row["value"]),
                source[:500],
            )
    return found


def _targets(places: list[fig.Place], periods: list[dt.date], years: list[int]) -> dict[Key, dict]:
    """Each year: January's participants plus a drawn margin, for every province and regency.

    The margin follows the demo's growth: about 1 % a month until 2023 (6–12 % a year),
    nearly flat since (1–3 %), so some provinces reach their target and some do not."""
    wanted: dict[Key, dict] = {}
    for year in years:
        january = dt.date(year, 1, 1)
        if january not in periods:
            continue
        base = fig.stocks(january, places)
        year_end = max(p for p in periods if p.year == year)
        reshaped = _reshaped_provinces(places, january, year_end)
        by_province: dict[int, int] = {}
        for place in (p for p in places if p.valid_in(year) and p.canonical in base):
            percent = _margin(place.province_id, year)
            value = _round(base[place.canonical].total * (100 + percent) / 100, 100)
            source = TARGET_SOURCE.format(year=year, percent=percent)
            wanted[(place.pk, year)] = {"participants": value, "percent": None, "source": source}
            if place.valid_on(year_end):
                by_province[place.province_id] = by_province.get(place.province_id, 0) + value
        for province, value in by_province.items():
            if province in reshaped:
                continue  # one yearly target cannot fit two shapes of the province
            percent = _margin(province, year)
            wanted[(province, year)] = {
                "participants": _round(value, 1000),
                "percent": None,
                "source": TARGET_SOURCE.format(year=year, percent=percent),
            }
    codes = dict(
        Region.objects.filter(code__in=[t[0] for t in REAL_TARGETS]).values_list("code", "pk")
    )
    for code, year, participants, target_percent, source in REAL_TARGETS:
        if code in codes:
            wanted[(codes[code], year)] = {
                "participants": participants,
                "percent": target_percent,
                "source": source,
            }
    return wanted


def _margin(province: int, year: int) -> int:
    low, high = (6, 12) if year <= 2023 else (1, 3)
    return rng("target", province, year).randint(low, high)


def _reshaped_provinces(places: list[fig.Place], first: dt.date, last: dt.date) -> set[int]:
    """Provinces whose regencies differ between two months (Papua in 2022)."""

    def members(day: dt.date) -> set[tuple[int, int]]:
        return {(p.province_id, p.canonical) for p in places if p.valid_on(day)}

    return {province for province, _place in members(first) ^ members(last)}


def _round(value: float, step: int) -> int:
    return max(step, math.ceil(value / step) * step)
