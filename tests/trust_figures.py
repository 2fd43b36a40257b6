"""The figures the trust tests measure, printed at the end of every run (README, "Trust and
bounds"): how many URL × role requests were checked, how many bad inputs were tried, and how
many 500s, out-of-scope reads and writes and partial writes were seen (each must stay 0).

Tests call `count(name)`; under pytest-xdist each worker hands its counts to the controller,
which adds them up and prints one summary line.
"""

from __future__ import annotations

from collections import Counter

FIGURES: Counter[str] = Counter()
ORDER = (
    ("url_role_checks", "URL × role checks"),
    ("bad_inputs", "bad inputs tried"),
    ("server_errors", "500s"),
    ("out_of_scope_reads", "out-of-scope reads"),
    ("out_of_scope_writes", "out-of-scope writes"),
    ("partial_writes", "partial writes"),
)


def count(name: str, amount: int = 1) -> None:
    FIGURES[name] += amount


def merge(figures: dict[str, int] | None) -> None:
    FIGURES.update(figures or {})


def summary() -> str:
    return "trust figures: " + ", ".join(f"{label} {FIGURES[key]}" for key, label in ORDER)
