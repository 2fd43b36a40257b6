"""Hypothesis strategies for what a careless or hostile person types into a portal field.

Each leans towards the values that broke pages before: NUL and control characters, numbers
of 19 to 40 digits, decimals and negatives, dates in year 1 or 9999, years 0 and 32767.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests import trust_figures

CONTROL = st.sampled_from(["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\r\n", "\t"])
EDGE_NUMBERS = st.sampled_from(
    [
        "9223372036854775807",
        "9223372036854775808",
        "9" * 29,
        "1" + "0" * 20,
        "-1",
        "1.5",
        "632,5",
        "1e9",
        "0x10",
        "١٢٣",  # Arabic-Indic digits
        "50000001",
        "632.494",
        "632 494",
        "0",
        "",
    ]
)
EDGE_DATES = st.sampled_from(
    ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2023-02-30", "2023-13-01", ""]
)
EDGE_YEARS = st.sampled_from(["0", "1999", "2101", "32767", "65536", "-1", "2023", "2023.5"])


def text(max_size: int = 300) -> st.SearchStrategy[str]:
    """Any text, often with control characters in it, sometimes very long."""
    plain = st.text(max_size=max_size)
    dirty = st.builds(
        lambda a, c, b: a + c + b, st.text(max_size=20), CONTROL, st.text(max_size=20)
    )
    long = st.builds(lambda n: "x" * n, st.integers(min_value=250, max_value=5000))
    return st.one_of(plain, dirty, long)


def number_text() -> st.SearchStrategy[str]:
    return st.one_of(
        EDGE_NUMBERS, st.integers(min_value=-(10**30), max_value=10**30).map(str), text(40)
    )


def date_text() -> st.SearchStrategy[str]:
    return st.one_of(EDGE_DATES, st.dates().map(str), text(20))


def year_text() -> st.SearchStrategy[str]:
    return st.one_of(EDGE_YEARS, st.integers(min_value=-70000, max_value=70000).map(str))


def tried(amount: int = 1) -> None:
    trust_figures.count("bad_inputs", amount)


def refused_yet_stored(before: object, after: object) -> bool:
    """Counts a partial write: the input was refused, yet something was stored."""
    partial = before != after
    if partial:
        trust_figures.count("partial_writes")
    return partial


def server_error(status: int) -> bool:
    if status >= 500:
        trust_figures.count("server_errors")
    return status >= 500


# --- Values for any door: a path parameter, a query parameter, a form field, a JSON value --

OTHER_SCRIPT_DIGITS = st.sampled_from(
    ["١٢٣", "１２３", "١٢.٣٤٥", "٢٠٢٦١١", "٢٠٢٣-١٢", "２０２３", "६१"]
)
PERIODS = st.sampled_from(
    ["0000-12", "9999-12", "000012", "999912", "2023-13", "2023-12", "202312"]
)
# Leading zeros hide a huge number from a bound that reads the first digits only.
HUGE_NUMBERS = st.sampled_from(
    [str(10**30), "9" * 5000, "1" * 40, "1e999999", "-1", "NaN", "001111", "000" + "9" * 5000]
)
UNKNOWN_CODES = st.sampled_from(["99", "99.99", "ZZ", "61.71", "74.02", "PU", "../..", "%", "*"])
BLANKS = st.sampled_from(["", " ", "\u00a0", "\t", "\u200b"])


def hostile_value(long: bool = False) -> st.SearchStrategy[str]:
    """One text from every class that broke a door: control characters, other scripts'
    digits, years 0 and 9999, 10^30 and 5.000 digits, blanks, unknown codes, long texts."""
    dirty = st.builds(lambda a, c, b: a + c + b, UNKNOWN_CODES, CONTROL, st.text(max_size=5))
    classes = [dirty, OTHER_SCRIPT_DIGITS, PERIODS, HUGE_NUMBERS, UNKNOWN_CODES, BLANKS]
    if long:
        classes.append(st.sampled_from(["x" * 5000, "é" * 1_000_000]))
    return st.one_of(*classes)


def json_value() -> st.SearchStrategy[object]:
    """Wrong types as well as hostile texts: what a JSON body may hold."""
    scalars: st.SearchStrategy[object] = st.one_of(
        hostile_value(long=True),
        st.sampled_from([10**30, -1, 0, 1.5, True, None, [], {}]),
    )
    return st.one_of(scalars, st.lists(scalars, max_size=3))


def deep_json(levels: int = 50_000) -> bytes:
    """Tens of thousands of `[` (or `{"a":`): a body that once cost a RecursionError."""
    return b"[" * levels if levels % 2 else b'{"a":' * levels
