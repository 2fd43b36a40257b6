"""The one rule for a change between two months of a region (vs last month, vs last year).

A change compares like with like: both months reported, and the region made of the same
regencies in both. When Papua's regencies moved to three new provinces (August 2022) its
total fell by 289.341 although nobody lost coverage; such a pair has no change figure, only
the words "struktur wilayah berubah". A region's shape is read from the coverage table
itself (`regencies_expected`, the regencies valid in that month), so every page and export
judges it alike with no extra query. A renamed code (91.09 → 94.04) keeps the count, and
with it the national total's comparison.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from participants.coverage.completeness import Counts, has_figures
from participants.coverage.models import CoverageRow

STRUCTURE_CHANGED = _("regional structure changed")


def structure_changed(now: Counts | None, then: Counts | None) -> bool:
    """Whether the two months rest on different sets of regencies."""
    if now is None or then is None:
        return False
    return now.regencies_expected != then.regencies_expected


def participants_change(now: Counts | None, then: Counts | None) -> int | None:
    """Participants now minus then; None unless both reported and the region kept its shape."""
    if not has_figures(now) or not has_figures(then) or structure_changed(now, then):
        return None
    assert now is not None and then is not None
    assert now.participants is not None and then.participants is not None  # has_figures
    return now.participants - then.participants


def coverage_change(now: CoverageRow | None, then: CoverageRow | None) -> Decimal | None:
    """Coverage now minus then, in percentage points, under the same conditions."""
    if participants_change(now, then) is None:
        return None
    assert now is not None and then is not None
    if now.coverage_percent is None or then.coverage_percent is None:
        return None
    return now.coverage_percent - then.coverage_percent


def change_note(now: Counts | None, then: Counts | None) -> str:
    """The words shown instead of a change figure, or "" when there is nothing to say."""
    return str(STRUCTURE_CHANGED) if structure_changed(now, then) else ""


def change_notes(now: Counts | None, last_month: Counts | None, last_year: Counts | None) -> str:
    """Both notes in one cell of a download: 'vs last month: regional structure changed'."""
    notes = [
        str(label) % {"note": change_note(now, then)}
        for label, then in (
            (_("vs last month: %(note)s"), last_month),
            (_("vs last year: %(note)s"), last_year),
        )
        if structure_changed(now, then)
    ]
    return "; ".join(notes)
