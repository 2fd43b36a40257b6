"""The one reader of numbers people type: Indonesian thousands, decimals refused or read."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from regions.values.numbers import (
    DecimalNumberField,
    WholeNumberField,
    other_script_digits,
    parse_decimal_number,
    parse_whole_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("150.000", 150_000),
        ("1.830.662", 1_830_662),
        ("632 494", 632_494),
        ("632494", 632_494),
        ("Rp36.722.869.847", 36_722_869_847),
        ("", None),
        ("  ", None),
    ],
)
def test_whole_numbers_read_dots_as_thousands(text, value):
    assert parse_whole_number(text) == value


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("150,5", "tanpa desimal"), ("1.5", "tanpa desimal"), ("-3", "negatif"), ("x", "bukan")],
)
def test_a_decimal_where_a_whole_number_is_expected_is_refused(text, fragment):
    with translation.override("id"), pytest.raises(ValidationError) as error:
        parse_whole_number(text)
    assert fragment in error.value.messages[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [("34,55", Decimal("34.55")), ("1.234,5", Decimal("1234.5")), ("52", Decimal(52))],
)
def test_decimals_take_a_comma(text, value):
    assert parse_decimal_number(text) == value


def test_a_dot_that_groups_no_thousands_is_refused_not_guessed():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        parse_decimal_number("52.15")
    assert "comma" in error.value.messages[0]


class Budget(forms.Form):
    workers = WholeNumberField(min_value=0)
    amount = DecimalNumberField(max_digits=18, decimal_places=0)
    percent = DecimalNumberField(max_digits=6, decimal_places=2, required=False)


def test_form_fields_read_and_show_the_indonesian_way():
    form = Budget({"workers": "150.000", "amount": "Rp1.500.000", "percent": "34,55"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "workers": 150_000,
        "amount": Decimal(1_500_000),
        "percent": Decimal("34.55"),
    }
    shown = Budget(initial={"workers": 632_494, "percent": Decimal("34.55")})
    html = str(shown["workers"]) + str(shown["percent"])
    assert 'value="632.494"' in html and 'value="34,55"' in html
    assert 'type="text"' in html and 'inputmode="numeric"' in html


def test_an_amount_in_rupiah_takes_no_decimals():
    with translation.override("en"):
        form = Budget({"workers": "1", "amount": "1.500.000,50"})
        assert not form.is_valid()
    assert "without decimals" in form.errors["amount"][0]


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("١٢٣", True),  # Arabic-Indic
        ("１２３", True),  # fullwidth
        ("٢٠٢٦-١١", True),
        ("61.٧١", True),
        ("5 Desember ٢٠٢٦", True),  # Latin words make no other script's text
        ("Rp ١٢٣", True),
        ("اجتماع ١٢", False),  # a note in Arabic, with its own digits
        ("Rapat dengan محمد ٣", False),
        ("محمد", False),
        ("632.494", False),
        ("", False),
    ],
)
def test_other_scripts_digits_are_a_value_to_refuse_unless_in_free_text(text, refused):
    assert other_script_digits(text) is refused


@pytest.mark.parametrize("text", ["١٢٣", "１２３", "١٢٣,٥"])
def test_the_number_readers_refuse_other_scripts_digits_saying_why(text):
    for read in (parse_whole_number, parse_decimal_number):
        with translation.override("id"), pytest.raises(ValidationError) as refused:
            read(text)
        assert refused.value.code == "other_script_digits"
        assert "0–9" in refused.value.messages[0]
