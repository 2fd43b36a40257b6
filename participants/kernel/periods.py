"""Reporting periods are calendar months, stored as the first day of the month."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from regions.values.numbers import read_month

FIRST_PERIOD = dt.date(2014, 1, 1)  # BPJS Ketenagakerjaan began operating in January 2014


def parse_period(text: str) -> dt.date:
    """'2023-12' → date(2023, 12, 1); ValueError for anything else (regions.values.numbers)."""
    return read_month(text)


def format_period(period: dt.date) -> str:
    return f"{period:%Y-%m}"


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(period: dt.date) -> dt.date:
    return add_months(period, 1) - dt.timedelta(days=1)


def add_months(period: dt.date, months: int) -> dt.date:
    index = period.year * 12 + period.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def current_period() -> dt.date:
    return month_start(timezone.localdate())


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every period from first to last, inclusive."""
    periods, period = [], month_start(first)
    while period <= last:
        periods.append(period)
        period = add_months(period, 1)
    return periods
