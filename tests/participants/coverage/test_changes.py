"""The change rule: like with like, or "regional structure changed" — never a loss."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from participants.coverage.changes import (
    change_note,
    change_notes,
    coverage_change,
    participants_change,
    structure_changed,
)
from participants.coverage.models import CoverageRow


def row(participants: int, expected: int, percent: str | None = "30", reported: int | None = None):
    return CoverageRow(
        participants=participants,
        regencies_expected=expected,
        regencies_reported=expected if reported is None else reported,
        coverage_percent=Decimal(percent) if percent else None,
    )


def test_papua_across_the_split_has_no_change_only_words():
    july, august = row(535_044, 29, "25.31"), row(245_703, 9, "25.36")

    assert structure_changed(august, july)
    assert participants_change(august, july) is None
    assert coverage_change(august, july) is None
    with translation.override("id"):
        assert change_note(august, july) == "struktur wilayah berubah"
        assert change_notes(august, july, None) == "vs bulan lalu: struktur wilayah berubah"


def test_same_shape_compares_participants_and_points():
    before, now = row(1_000, 14, "30.00"), row(1_250, 14, "31.50")

    assert participants_change(now, before) == 250
    assert coverage_change(now, before) == Decimal("1.50")
    assert change_note(now, before) == "" and change_notes(now, before, before) == ""


def test_a_month_not_reported_or_without_a_denominator_has_no_change():
    assert participants_change(row(10, 3), row(0, 3, reported=0)) is None
    assert participants_change(row(10, 3), None) is None
    assert coverage_change(row(10, 3, None), row(8, 3)) is None
    assert participants_change(row(10, 3, None), row(8, 3)) == 2
