import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from regions.values.formatting import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_person,
    format_rupiah,
    format_short,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (632494, "632.494"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (-12141, "-12.141"),
        (41560000, "41.560.000"),
        (None, "–"),
        (Decimal("1234.6"), "1.235"),
    ],
)
def test_numbers_group_thousands_with_dots(value, expected):
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (34.55, "34,55%"),
        (Decimal("56.664"), "56,66%"),
        (100, "100,00%"),
        (0, "0,00%"),
        (1234.5, "1.234,50%"),
        (None, "–"),
    ],
)
def test_percentages_use_a_decimal_comma(value, expected):
    assert format_percent(value) == expected


def test_rupiah_has_no_space_after_the_symbol():
    assert format_rupiah(36722869847) == "Rp36.722.869.847"
    assert format_rupiah(-16800) == "-Rp16.800"


def test_dates_name_the_month_in_indonesian():
    with translation.override("id"):
        assert format_date(dt.date(2023, 2, 21)) == "21 Februari 2023"


def test_dates_name_the_month_in_english_when_the_ui_is_english():
    with translation.override("en"):
        assert format_date(dt.date(2023, 2, 21)) == "21 February 2023"


def test_large_numbers_read_in_millions():
    with translation.override("id"):
        assert format_short(41560000) == "41,56 juta"


def test_template_filters_render_indonesian_formats():
    template = Template(
        "{% load idformat %}{{ n|angka }} {{ p|persen }} {{ r|rupiah }} {{ d|tanggal }}"
    )
    context = Context({"n": 632494, "p": 34.55, "r": 36722869847, "d": dt.date(2023, 2, 21)})
    with translation.override("id"):
        assert template.render(context) == "632.494 34,55% Rp36.722.869.847 21 Februari 2023"


class _Province:
    timezone = "Asia/Jayapura"


def test_one_date_time_format_in_the_provinces_zone_and_the_pages_language():
    moment = dt.datetime(2026, 12, 5, 5, 22, tzinfo=dt.UTC)
    with translation.override("id"):
        assert format_datetime(moment, _Province()) == "5 Desember 2026 14.22 WIT"
        assert format_datetime(moment) == "5 Desember 2026 12.22 WIB"
        assert format_datetime(None) == "–"
    with translation.override("en"):
        assert format_datetime(moment, _Province()) == "5 December 2026 14:22 WIT"


class _Person:
    username = "petugas.kalbar"

    def __init__(self, full_name):
        self.full_name = full_name

    def get_full_name(self):
        return self.full_name


def test_who_did_it_names_the_person_or_the_system():
    template = Template(
        "{% load idformat %}{{ a|who }}/{{ b|who }}/{{ c|who }}/{{ gone.actor|who }}"
    )
    context = Context({"a": _Person("Rini Suryani"), "b": _Person(""), "c": None, "gone": None})
    with translation.override("id"):
        assert template.render(context) == "Rini Suryani/petugas.kalbar/sistem/sistem"
    with translation.override("en"):
        assert format_person(None) == "system"
