"""bulk_sql's array parameters: whole numbers written as array text, anything else as a list."""

from __future__ import annotations

from participants.entry.bulk_sql import array_param


def test_whole_numbers_travel_as_array_text_with_unknowns_as_null():
    assert array_param([3, None, 12]) == "{3,NULL,12}"
    assert array_param([]) == "{}"


def test_anything_but_whole_numbers_is_left_to_the_driver():
    assert array_param(["a,b", "{c}"]) == ["a,b", "{c}"]
    assert array_param([True, 2]) == [True, 2]  # a flag is no number
