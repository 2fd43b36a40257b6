import datetime as dt

from participants.coverage.progress import progress
from participants.kernel.periods import add_months

JUNE = dt.date(2021, 6, 1)


def series(start: int, per_month: int, months: int = 13) -> dict[dt.date, int]:
    return {add_months(JUNE, -i): start - per_month * i for i in range(months)}


def test_progress_reports_gap_months_left_and_monthly_need():
    result = progress(target=235_000, period=JUNE, series=series(222_000, 1_000))
    assert result.gap == 13_000
    assert result.months_left == 6
    assert result.needed_per_month == 2_167  # 13.000 over 6 months, rounded up
    assert str(result.progress_percent) == "94.47"


def test_target_month_follows_the_twelve_month_trend():
    result = progress(target=235_000, period=JUNE, series=series(222_000, 1_000))
    assert result.monthly_trend == 1_000
    assert result.reached_in == add_months(JUNE, 13)


def test_falling_trend_is_not_at_this_pace():
    result = progress(target=235_000, period=JUNE, series=series(222_000, -500))
    assert result.reached_in is None
    assert result.not_at_this_pace


def test_target_already_met():
    result = progress(target=200_000, period=JUNE, series=series(222_000, 1_000))
    assert result.reached and result.needed_per_month is None and result.gap < 0


def test_short_history_uses_what_there_is():
    result = progress(target=300, period=JUNE, series={add_months(JUNE, -2): 100, JUNE: 200})
    assert result.monthly_trend == 50
    assert result.reached_in == add_months(JUNE, 2)


def test_no_figure_for_the_month_means_no_progress():
    assert progress(target=100, period=JUNE, series={}) is None
