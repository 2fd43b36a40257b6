"""The note beside figures the demo is calibrated to: the published numbers, the demo's own,
and why they differ, in the page's language (the province dashboard, its printable report and
the PDF all show the same sentences)."""

from __future__ import annotations

from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from participants import selectors as coverage
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.formatting import format_number, format_percent


def note(user: PortalUser, region: Region, *, demo_data: bool) -> dict[str, Any] | None:
    """The published figures of `region` beside the demo's, or None (no such figures, or the
    portal holds real data (`demo_data` false), where the difference is not the demo's to
    explain)."""
    published = coverage.published_figures(region.code)
    if published is None or not demo_data:
        return None
    total = coverage.region_total(user, region, published.period)
    rows = {
        r.category.code: r
        for r in coverage.region_categories(user, region, published.period)
        if r.category is not None
    }
    if total is None:
        return None
    month = formats.date_format(published.period, "F Y")
    segments = " + ".join(
        f"{coverage_name(rows, code)} {format_number(value)}"
        for code, value in published.segments.items()
    )
    extra = {
        code: row.participants
        for code, row in rows.items()
        if code not in published.segments
        and row.category
        and row.category.is_top_level
        and row.participants is not None
    }
    lines = [
        _("Published for %(month)s: %(participants)s active participants = %(percent)s.")
        % {
            "month": month,
            "participants": format_number(published.participants),
            "percent": format_percent(published.percent),
        },
        _("This demo shows %(participants)s = %(percent)s for the same month.")
        % {
            "participants": format_number(total.participants),
            "percent": format_percent(total.coverage_percent),
        },
        _(
            "Why: the article's own segments (%(segments)s) add up to %(sum)s, not %(published)s; "
            "the demo reproduces those segments exactly and adds %(extra)s, which the article "
            "does not report. The denominator (%(denominator)s) is the published headline "
            "divided by its percentage."
        )
        % {
            "segments": segments,
            "sum": format_number(published.segments_sum),
            "published": format_number(published.participants),
            "extra": ", ".join(
                f"{coverage_name(rows, code)} {format_number(value)}"
                for code, value in extra.items()
            )
            or "–",
            "denominator": format_number(total.denominator_value),
        },
    ]
    return {
        "title": _("Published figures and this demo"),
        "lines": lines,
        "source": published.source,
    }


def coverage_name(rows: dict[str, Any], code: str) -> str:
    row = rows.get(code)
    return row.category.name if row is not None else code
