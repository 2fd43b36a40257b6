import datetime as dt

import pytest

from tests.coverage_portal.factories import category_row, total_row

DEC, NOV = dt.date(2022, 12, 1), dt.date(2022, 11, 1)


@pytest.fixture
def table():
    for period in (NOV, DEC):
        total_row("ID", period, 900_000, denominator=3_000_000, regencies_reported=20)
        total_row("61", period, 632_494, denominator=1_830_662, target_participants=700_000,
                  target_gap=67_506)  # fmt: skip
        category_row("ID", period, "PU", 500_000)
        category_row("ID", period, "BPU", 400_000)
        category_row("61", period, "PU", 385_004)
        category_row("61", period, "BPU", 247_490)
        total_row("61.71", period, 200_000, regencies_reported=1)
    # Jawa Timur reported in November only: unknown in December, never 0.
    total_row("35", NOV, 100_000)
    total_row("35", DEC, 0, regencies_reported=0)
