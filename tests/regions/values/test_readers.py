"""The readers at the edge: ASCII digits only, bounds before conversion, refusals that
cannot fail themselves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from regions.values.formatting import format_number, format_percent, format_rupiah, format_short
from regions.values.numbers import parse_decimal_number, parse_whole_number, read_digits, read_month
from tests import hostile

OTHER_SCRIPTS = ["١٢٣", "１２３", "१२३", "۱۲۳", "١٢.٣٤٥", "12٣"]


@pytest.mark.parametrize("text", OTHER_SCRIPTS)
def test_digits_of_other_scripts_are_no_number(text):
    with pytest.raises(ValidationError):
        parse_whole_number(text)
    with pytest.raises(ValidationError):
        parse_decimal_number(text)
    assert read_digits(text, max_digits=10) is None


@pytest.mark.parametrize(
    "text", ["9" * 5000, "1" * 40, "1." + "000." * 2000 + "000", "1," + "5" * 5000]
)
def test_huge_numbers_are_refused_before_conversion(text):
    for reader in (parse_whole_number, parse_decimal_number):
        with pytest.raises(ValidationError) as refused:
            reader(text)
        assert "large" in str(refused.value) or "besar" in str(refused.value)
    assert read_digits(text, max_digits=18) is None


@pytest.mark.parametrize(
    "text",
    [
        "0000-12",
        "9999-12",
        "2101-01",
        "1999-12",
        "2023-13",
        "2023-00",
        "٢٠٢٣-١٢",
        "２０２３-１２",
        "",
    ],
)
def test_months_outside_the_bounds_or_in_other_scripts_are_refused(text):
    with pytest.raises(ValueError):
        read_month(text)


def test_months_read_both_layouts():
    assert read_month("2023-12") == dt.date(2023, 12, 1)
    assert read_month("202312", compact=True) == dt.date(2023, 12, 1)
    for text in ("000012", "999912", "٢٠٢٦١١", "202313", "2023-12"):
        with pytest.raises(ValueError):
            read_month(text, compact=True)


@pytest.mark.parametrize(
    "value",
    [
        10**30,
        -(10**30),
        10**45,
        Decimal("1e999999"),
        Decimal("NaN"),
        Decimal("Infinity"),
        float("inf"),
    ],
)
def test_formatting_never_fails(value):
    for text in (format_number(value), format_number(value, 2), format_percent(value)):
        assert isinstance(text, str) and len(text) < 80
    assert format_short(value) and format_rupiah(value)


def test_ten_to_the_thirty_is_written_in_full():
    assert format_number(10**30) == "1" + ".000" * 10
    assert format_number(10**30, 2) == "1" + ".000" * 10 + ",00"


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.one_of(hostile.number_text(), st.integers(), st.decimals(allow_nan=True)))
def test_reading_or_formatting_any_number_answers_or_refuses(value):
    hostile.tried()
    if isinstance(value, str):
        try:
            parsed = parse_decimal_number(value)
        except ValidationError as error:
            assert error.messages  # the message itself can be built
        else:
            assert parsed is None or parsed.is_finite()
    else:
        assert isinstance(format_number(value, 2), str)
