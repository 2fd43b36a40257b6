"""Demo participant counts for `manage.py seed_demo`: plausible, calibrated, idempotent.

The demo follows today's date: every regency valid in each month from 2022-01 to the month
now due (the one that just ended, reported by the 10th of this month; old Papua codes
before the split) gets a value for every seeded category. National and per-province totals
follow the published figures (see `demo_calibration`), which anchor December 2022 and
December 2023 whatever the date. Months before the one now due are approved, so pages open
on a complete month; the month now due stays a draft, and Kalimantan Barat's is left empty
for the demo officer to fill. All writes go through `counts_write(actor=None, source="demo")`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from participants.counts.models import DEMO_COMMENT, Category, MonthlyReport, ReportEvent
from participants.demo import calibration as calc
from participants.entry.services import CellInput, counts_write
from participants.kernel.periods import add_months, current_period
from regions.models import Region

FIRST = dt.date(2022, 1, 1)
DEMO_MARK = DEMO_COMMENT  # the comment counts_write puts on the events of a demo write


@dataclass(frozen=True)
class Regency:
    """A current regency and the region id it had in each month (its old code before 2022)."""

    code: str
    province: str
    is_city: bool
    ids: dict[dt.date, int]


@dataclass
class SeedResult:
    cells: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    approved: int = 0
    seconds: float = 0.0


def month_now_due() -> dt.date:
    """The month that just ended: the demo's last month, left for the officer to fill."""
    return add_months(current_period(), -1)


def seed(first: dt.date = FIRST, last: dt.date | None = None) -> SeedResult:
    started = time.perf_counter()
    last = last or month_now_due()
    periods = calc.demo_periods(first, last)
    regencies = _regencies(periods)
    provinces = sorted({r.province for r in regencies})
    split = calc.split_by_segment(calc.province_totals(provinces))
    categories = dict(Category.objects.values_list("code", "id"))
    locked = _locked_reports(periods)
    result = SeedResult()
    for year in sorted({p.year for p in periods}):
        year_periods = [p for p in periods if p.year == year]
        cells = [
            c
            for c in _cells(regencies, split, periods, year_periods, categories, last, locked)
            if (c.region_id, c.period) not in locked
        ]
        if cells:
            _write(cells, result)
    result.approved = _approve_past(first, last)
    result.seconds = time.perf_counter() - started
    return result


def _write(cells: list[CellInput], result: SeedResult) -> None:
    outcome = counts_write(actor=None, cells=cells, source="demo")
    if outcome.errors:
        first = outcome.errors[0]
        raise RuntimeError(f"Demo data refused: {first.field}: {first.message}")
    result.cells += len(cells)
    result.created += outcome.created
    result.updated += outcome.updated
    result.unchanged += outcome.unchanged


def _regencies(periods: Sequence[dt.date]) -> list[Regency]:
    fields = ("id", "code", "kind", "valid_from", "valid_until", "successor_id", "parent__code")
    rows = list(Region.objects.regencies().select_related("parent").only(*fields))
    predecessor = {r.successor_id: r for r in rows if r.successor_id}
    regencies = []
    for region in (r for r in rows if r.is_current):
        old = predecessor.get(region.pk)
        ids = {}
        for period in periods:
            if region.is_valid_on(period):
                ids[period] = region.pk
            elif old is not None and old.is_valid_on(period):
                ids[period] = old.pk
        is_city = region.kind == Region.Kind.KOTA
        regencies.append(Regency(region.code, region.parent.code, is_city, ids))  # type: ignore[union-attr]
    return regencies


def _locked_reports(periods: Sequence[dt.date]) -> set[tuple[int, dt.date]]:
    """(regency id, period) pairs whose report no longer takes writes: seeded on a past run."""
    closed = MonthlyReport.objects.filter(period__in=periods).exclude(
        status__in=[MonthlyReport.Status.DRAFT, MonthlyReport.Status.REOPENED]
    )
    periods_of: dict[int, list[dt.date]] = {}
    for province_id, period in closed.values_list("province_id", "period"):
        periods_of.setdefault(province_id, []).append(period)
    regencies = Region.objects.regencies().filter(parent_id__in=periods_of)
    return {
        (regency_id, period)
        for regency_id, province_id in regencies.values_list("id", "parent_id")
        for period in periods_of[province_id]
    }


def _cells(
    regencies: list[Regency],
    split: dict[str, dict[str, int]],
    all_periods: list[dt.date],
    periods: list[dt.date],
    categories: dict[str, int],
    last: dt.date,
    locked: set[tuple[int, dt.date]],
) -> Iterator[CellInput]:
    by_province: dict[str, list[Regency]] = {}
    for regency in regencies:
        by_province.setdefault(regency.province, []).append(regency)
    for province, members in sorted(by_province.items()):
        paths = {
            c: dict(
                zip(
                    all_periods,
                    calc.series(province, c, split[province][c], all_periods),
                    strict=True,
                )
            )
            for c in calc.TOP_LEVEL
        }
        for period in periods:
            if province == calc.KALBAR and period == last:
                continue  # left for the demo officer to fill in
            if all((r.ids[period], period) in locked for r in members if period in r.ids):
                continue  # approved on an earlier run
            yield from _month(province, members, paths, period, categories)


def _month(
    province: str,
    members: list[Regency],
    paths: dict[str, dict[dt.date, int]],
    period: dt.date,
    categories: dict[str, int],
) -> Iterator[CellInput]:
    present = [r for r in members if period in r.ids]
    values = {
        c: dict(
            zip(
                (r.code for r in present),
                _spread(paths[c][period], present, c, period),
                strict=True,
            )
        )
        for c in calc.TOP_LEVEL
    }
    employers = _employers(province, period, present, values["PU"])
    for regency in present:
        inactive_ratio, non_asn_share = _ratios(regency.code)
        non_asn = round(values["PU"][regency.code] * non_asn_share)
        for code in (*calc.TOP_LEVEL, "NON_ASN"):
            active = non_asn if code == "NON_ASN" else values[code][regency.code]
            yield CellInput(
                region_id=regency.ids[period],
                category_id=categories[code],
                period=period,
                active_participants=active,
                inactive_participants=round(active * inactive_ratio),
                employers=employers.get(regency.code) if code == "PU" else None,
            )


def _spread(total: int, present: list[Regency], segment: str, period: dt.date) -> list[int]:
    """A province's segment over its regencies: stable sizes, a little monthly wobble."""
    wobble = calc.rng("wobble", present[0].code, segment, period)
    weights = [_size(r.code, r.is_city, segment) * wobble.uniform(0.99, 1.01) for r in present]
    return calc.apportion(total, weights)


@cache
def _size(code: str, is_city: bool, segment: str) -> float:
    base = calc.rng("size", code).lognormvariate(0, 0.6)
    city = 2.5 if is_city and segment == "PU" else 1.0
    return base * city * calc.rng("mix", code, segment).uniform(0.7, 1.3)


@cache
def _ratios(code: str) -> tuple[float, float]:
    """A regency's inactive/active ratio and its non-ASN share of PU."""
    draw = calc.rng("cell", code)
    return draw.uniform(*calc.INACTIVE_RATIO), draw.uniform(*calc.NON_ASN_SHARE)


def _employers(
    province: str, period: dt.date, present: list[Regency], pu: dict[str, int]
) -> dict[str, int]:
    pu_values = [pu[r.code] for r in present]
    total = sum(pu_values) // calc.PU_PER_EMPLOYER
    if province == calc.KALBAR and period == calc.KALBAR_ANCHOR:
        total = calc.KALBAR_2022_EMPLOYERS
    return dict(zip((r.code for r in present), calc.apportion(total, pu_values), strict=True))


@transaction.atomic
def _approve_past(first: dt.date, last: dt.date) -> int:
    """Approve the demo's past drafts as if each was submitted and approved before its deadline.

    Set in bulk rather than through report_submit/report_approve: those need a signed-in
    actor and check one report at a time, which would make seed_demo take minutes.
    """
    drafts = MonthlyReport.objects.filter(
        period__gte=first, period__lt=last, status=MonthlyReport.Status.DRAFT
    )
    reports = list(drafts.select_for_update())
    events = []
    for period in sorted({r.period for r in reports}):
        deadline = add_months(period, 1).replace(day=settings.REPORT_DEADLINE_DAY)
        submitted = dt.datetime.combine(deadline - dt.timedelta(days=3), dt.time(3), dt.UTC)
        approved = submitted + dt.timedelta(days=2)
        drafts.filter(period=period).update(
            status=MonthlyReport.Status.APPROVED,
            submitted_at=submitted,
            approved_at=approved,
            version=F("version") + 2,
        )
        for report in (r for r in reports if r.period == period):
            events += [
                ReportEvent(
                    report=report,
                    action=ReportEvent.Action.SUBMITTED,
                    at=submitted,
                    comment=DEMO_MARK,
                ),
                ReportEvent(
                    report=report,
                    action=ReportEvent.Action.APPROVED,
                    at=approved,
                    comment=DEMO_MARK,
                ),
            ]
    ReportEvent.objects.bulk_create(events)
    return len(reports)


def demo_data_present() -> bool:
    """Whether any report holds demo data, so pages can label it as such."""
    return ReportEvent.objects.filter(comment=DEMO_MARK).exists()


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context processor: `demo_data` is true while the portal shows demo counts.

    Lazy, so pages that never look at it cost no query; kept on the request, so a page that
    renders more than one template asks once. A view that already knows the answer puts its
    own `demo_data` in the context, which templates read instead of this one.
    """
    answer = getattr(request, "demo_data", None)
    if answer is None:
        answer = SimpleLazyObject(demo_data_present)
        request.demo_data = answer  # type: ignore[attr-defined]
    return {"demo_data": answer}
