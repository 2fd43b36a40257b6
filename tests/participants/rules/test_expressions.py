"""The rule language: what it reads, what it refuses, and that it never runs anything."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from participants.rules.expressions import Figure, evaluate, figures, parse


def test_reads_categories_shifts_and_functions():
    node = parse("0.9 * PU[previous] + workforce(KONSTRUKSI) - target(PU)[last_year]")
    assert set(figures(node)) == {
        Figure("count", "PU", "previous"),
        Figure("workforce", "KONSTRUKSI"),
        Figure("target", "PU", "last_year"),
    }
    values = {"PU": 100, "KONSTRUKSI": 50, "target": 20}
    lookup = lambda f: values[f.code] if f.kind != "target" else values["target"]  # noqa: E731
    assert evaluate(node, lookup) == Decimal("120.0")


def test_an_unknown_figure_or_a_division_by_zero_is_unknown_never_zero():
    assert evaluate(parse("PU - NON_ASN"), lambda f: None if f.code == "PU" else 3) is None
    assert evaluate(parse("PU / (BPU - BPU)"), lambda f: 7) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "PU +",
        "__import__('os')",
        "PU[tomorrow]",
        "workforce(3)",
        "PU ** 2",
        "(" * 40 + "PU" + ")" * 40,
        "PU; DROP TABLE",
        "PU\x00",
        "٣ * PU",
        "x" * 400,
    ],
)
def test_refuses_hostile_or_malformed_text_with_a_validation_error(text):
    with pytest.raises(ValidationError):
        parse(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("PU_NON()[]*/+-. 0123456789previous\x00é٣")), max_size=80)
    | st.text(max_size=60)
)
def test_any_text_parses_or_is_a_validation_error(text):
    try:
        node = parse(text)
    except ValidationError:
        return
    evaluate(node, lambda f: 5)  # and evaluating what parsed never raises either
