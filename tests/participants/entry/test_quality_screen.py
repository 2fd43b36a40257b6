"""The warnings' screen (`_quiet`) lets a cell pass unchecked only when the full rules say nothing.

Generated series and thresholds: whenever the screen calls a cell quiet, `cell_warnings`
with the same thresholds yields no warning, so screening a write's cells changes no verdict.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from participants.entry.quality import Limits, _quiet, _series, cell_warnings
from participants.entry.validation import CellInput, WriteContext
from participants.kernel.periods import add_months

MONTH = dt.date(2023, 12, 1)
values = st.one_of(st.none(), st.integers(0, 50), st.integers(0, 2_000_000))
limits = st.builds(
    Limits,
    drop=st.booleans(),
    jump=st.booleans(),
    outlier=st.booleans(),
    workforce=st.just(False),  # the screen is off whenever workforce totals are known
    jump_floor=st.sampled_from([0.0, 10.0, 1000.0]),
    monthly_limit=st.sampled_from([0.01, 0.3, 2.0]),
    min_history=st.integers(2, 12),
    mad_factor=st.sampled_from([0.5, 5.0, 50.0]),
    relative_floor=st.sampled_from([0.0, 0.05, 1.0]),
    absolute_floor=st.sampled_from([0.0, 10.0, 100_000.0]),
)


@settings(max_examples=300, deadline=None)
@given(
    history=st.lists(values, min_size=0, max_size=14),
    value=values,
    limits=limits,
    offset=st.integers(0, 3),
)
def test_a_quiet_cell_has_no_warning(history, value, limits, offset):
    period = add_months(MONTH, offset)
    after = {(1, 1, add_months(MONTH, -len(history) + i)): v for i, v in enumerate(history)}
    cell = CellInput(1, 1, period, value)
    after[cell.key] = value
    ctx = WriteContext(regions={}, categories={}, reports={}, stored={})

    warned = list(cell_warnings(0, cell, ctx, after, _series(after), limits))
    unscreened = list(cell_warnings(0, cell, ctx, after, None, limits))

    assert warned == unscreened  # the month-indexed series and the plain look-ups agree
    if _quiet(cell, _series(after), limits):
        assert warned == []
