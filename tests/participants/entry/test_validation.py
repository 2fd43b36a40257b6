"""A table of bad inputs and the message each one gets; nothing of a bad batch is written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from participants.entry.services import CellInput, counts_write, parse_count
from participants.kernel.periods import add_months, current_period
from participants.models import Category, MonthlyReport, ParticipantCount
from regions.models import Region
from tests.participants.conftest import DECEMBER, cell

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("632.494", 632494),
        ("632 494", 632494),
        ("632494", 632494),
        ("0", 0),
        ("", None),
        ("1.234.567", 1234567),
        ("632\u00a0494", 632494),
        (" 12 ", 12),
    ],
)
def test_indonesian_thousands_are_read_as_whole_numbers(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "english", "indonesian"),
    [
        ("632,5", "without decimals", "tanpa desimal"),
        ("1.5", "without decimals", "tanpa desimal"),
        ("632.494,00", "without decimals", "tanpa desimal"),
        ("1.2345", "without decimals", "tanpa desimal"),
        ("-5", "negative", "negatif"),
        ("-1.000", "negative", "negatif"),
        ("banyak", "is not a number", "bukan angka"),
        ("12a", "is not a number", "bukan angka"),
        ("+5", "is not a number", "bukan angka"),
    ],
)
def test_unreadable_numbers_are_refused_in_both_languages(text, english, indonesian):
    for language, fragment in (("en", english), ("id", indonesian)):
        with translation.override(language), pytest.raises(ValidationError) as error:
            parse_count(text)
        assert fragment in error.value.messages[0]


def _cell(**changes):
    base = {
        "region_id": Region.objects.get(code="61.71").pk,
        "category_id": Category.objects.get(code="PU").pk,
        "period": DECEMBER,
        "active_participants": 1000,
    }
    return CellInput(**{**base, **changes})


def _bad_cases():
    future = add_months(current_period(), 1)
    return [
        ("negative", {"active_participants": -1}, "active_participants", "negative"),
        ("decimal", {"active_participants": 1.5}, "active_participants", "without decimals"),
        ("text", {"active_participants": "632"}, "active_participants", "without decimals"),
        ("bool", {"active_participants": True}, "active_participants", "without decimals"),
        ("empty", {"active_participants": None}, "active_participants", "no data"),
        ("huge", {"active_participants": 2**64}, "active_participants", "too large"),
        ("neg inactive", {"inactive_participants": -3}, "inactive_participants", "negative"),
        ("neg employers", {"employers": -1}, "employers", "negative"),
        ("employers int32", {"employers": 2**31}, "employers", "too large"),
        ("both", {"no_data_reason": "tidak ada"}, "no_data_reason", "not both"),
        (
            "blank reason",
            {"active_participants": None, "no_data_reason": "  "},
            "active_participants",
            "no data",
        ),
        (
            "long reason",
            {"active_participants": None, "no_data_reason": "x" * 251},
            "no_data_reason",
            "250",
        ),
        ("future", {"period": future}, "period", "future"),
        ("before 2014", {"period": dt.date(2013, 12, 1)}, "period", "January 2014"),
        ("mid-month", {"period": dt.date(2023, 12, 15)}, "period", "first day"),
        ("unknown regency", {"region_id": 0}, "region", "Unknown regency"),
        (
            "province not regency",
            {"region_id": Region.objects.get(code="61").pk},
            "region",
            "Unknown regency",
        ),
        ("unknown category", {"category_id": 0}, "category", "Unknown category"),
        (
            "old code after split",
            {"region_id": Region.objects.get(code="91.01").pk, "period": dt.date(2023, 12, 1)},
            "region",
            "did not exist",
        ),
        (
            "new code before split",
            {"region_id": _papua_new_regency().pk, "period": dt.date(2021, 12, 1)},
            "region",
            "did not exist",
        ),
    ]


def _papua_new_regency():
    return Region.objects.regencies().filter(valid_from__isnull=False).order_by("code").first()


def test_each_bad_input_gets_its_own_clear_message(kalbar_officer):
    national = kalbar_officer  # scope matters only for the Papua rows, checked without actor
    cases = _bad_cases()
    assert len(cases) >= 20
    for name, changes, field, fragment in cases:
        actor = None if "split" in name else national
        with translation.override("en"):
            result = counts_write(actor=actor, cells=[_cell(**changes)], source="import")
        messages = [(e.field, e.message) for e in result.errors]
        assert any(f == field and fragment in m for f, m in messages), (name, messages)
        assert not result.applied
    assert not ParticipantCount.objects.exists()


def test_outsider_may_not_write_into_another_province(jatim_officer):
    with translation.override("en"):
        result = counts_write(actor=jatim_officer, cells=[cell("61.71", "PU", 5)], source="web")
    assert "You may not enter data for" in result.errors[0].message


def test_locked_report_refuses_changes(kalbar_officer):
    counts_write(actor=None, cells=[cell("61.71", "PU", 5)], source="demo")
    MonthlyReport.objects.update(status=MonthlyReport.Status.APPROVED)
    with translation.override("en"):
        result = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 6)], source="web")
    assert result.errors[0].field == "report" and "cannot be changed" in result.errors[0].message


def test_the_same_cell_twice_in_one_batch_is_refused(kalbar_officer):
    twice = [cell("61.71", "PU", 5), cell("61.71", "PU", 6)]
    result = counts_write(actor=kalbar_officer, cells=twice, source="import")
    assert [e.index for e in result.errors] == [1]


def test_retired_category_takes_no_new_values_but_keeps_old_ones(kalbar_officer):
    counts_write(actor=None, cells=[cell("61.71", "PMI", 5)], source="demo")
    Category.objects.filter(code="PMI").update(is_active=False)
    unchanged = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PMI", 5)], source="import")
    changed = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PMI", 7)], source="import")
    assert unchanged.errors == [] and changed.errors[0].field == "category"
