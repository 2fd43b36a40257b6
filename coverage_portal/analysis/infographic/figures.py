"""The figures a card shows, read through the same selectors as the province dashboard.

Each figure is kept as text already formatted the Indonesian way (632.494, 34,55%), so the
card, its PNG text metadata and a test comparing them with the dashboard agree to the
character. Unknown is "–", never 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from coverage_portal.dashboards.panels import pick_period
from participants import selectors as coverage
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.formatting import format_date, format_figure, format_number, format_percent


@dataclass(frozen=True)
class CardFigures:
    region: str
    code: str
    period: str  # "Desember 2022"
    month: str  # "2022-12"
    coverage: str
    participants: str
    change: str  # percentage points against the month before, signed
    target: str
    progress: str
    progress_value: float | None  # for the bar
    categories: list[tuple[str, str]]  # (name, participants)
    completeness: str
    as_of: str  # "data per 5 Januari 2023"
    computed_at: str  # the coverage table's computation behind the card (cache key)

    def as_dict(self) -> dict:
        return asdict(self)


def _signed_points(value: object) -> str:
    if value is None:
        return "–"
    text = format_number(value, 2)  # type: ignore[arg-type]
    return text if text.startswith("-") else f"+{text}"


def card_figures(user: PortalUser, code: str, wanted: str | None) -> CardFigures | None:
    """The card of a province for the month asked (else the dashboard's default month);
    None when the province has no figures at all. 404 outside the user's scope."""
    region = coverage.readable_region(user, code, Region.Level.PROVINCE)
    months = coverage.period_choices(user, region)
    period = pick_period(months, wanted)
    if period is None:
        return None
    month = next(m for m in months if m.period == period)
    items = coverage.coverage_of_regions(
        user, level=Region.Level.PROVINCE, period=period, month=month
    )
    item = next((i for i in items if i.region.pk == region.pk), None)
    now = item.now if item else None
    categories = coverage.region_categories(user, region, period) if now else []
    computed = max((r.computed_at for r in [now, *categories] if r is not None), default=None)
    return CardFigures(
        region=region.name,
        code=region.code,
        period=formats.date_format(period, "F Y"),
        month=f"{period:%Y-%m}",
        coverage=format_percent(item.coverage if item else None),
        participants=format_number(now.participants if now else None),
        change=_signed_points(item.change_month if item else None),
        target=format_number(now.target_participants if now else None),
        progress=format_percent(item.progress if item else None, 1),
        progress_value=float(item.progress) if item and item.progress is not None else None,
        categories=[
            (r.category.name, format_figure(r.participants, getattr(r, "unknown", "")))
            for r in categories
            if r.category is not None and r.category.parent_id is None
        ],
        completeness=item.status_label if item else _("not reported"),
        as_of=_("data as of %(date)s") % {"date": format_date(_as_of(computed))},
        computed_at=computed.isoformat() if computed else "",
    )


def _as_of(moment: dt.datetime | None) -> dt.date | None:
    return moment.date() if moment else None
