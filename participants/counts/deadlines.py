"""The monthly report's deadline and lateness: the one rule every page and export uses.

Late is about the deadline (REPORT_DEADLINE_DAY of the following month, in the province's own
time zone); locked is about approval. DHIS2 users suffer from the two being confused.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from participants.kernel.periods import add_months

if TYPE_CHECKING:
    from participants.counts.models import MonthlyReport


def report_deadline(period: dt.date) -> dt.date:
    return add_months(period, 1).replace(day=settings.REPORT_DEADLINE_DAY)


def submission_is_late(
    *, period: dt.date, submitted_at: dt.datetime | None, zone_name: str
) -> bool:
    """First submitted after the deadline, or not yet submitted once the deadline has passed.

    Timeliness counts the first submission: a report sent back and fixed is not late again.
    """
    zone = ZoneInfo(zone_name)
    if submitted_at is not None:
        return timezone.localtime(submitted_at, zone).date() > report_deadline(period)
    return timezone.localdate(timezone=zone) > report_deadline(period)


def is_late(report: MonthlyReport) -> bool:
    """Late says nothing about whether the data may still change: that is `is_locked`."""
    return submission_is_late(
        period=report.period, submitted_at=report.submitted_at, zone_name=report.province.timezone
    )
