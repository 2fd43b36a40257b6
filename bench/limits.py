"""Measure the project's operation against a hand-written limit doing the same work, in one run.

The machine running a benchmark is often busy, so an absolute time says little on its own; a
ratio to a reference measured in the same minutes does. `compare` alternates the two (the
project first in even rounds, the limit first in odd ones), takes the median of each and prints
one line with both figures, the ratio and its target:

    import 100.000 rows: 5,21 s | limit 3,90 s (COPY + INSERT…SELECT) | ratio 1,34 ≤ 1,5 ✓

A benchmark module needs only this:

    compare("save a month", project=lambda: ..., limit=lambda: ..., target=1.5,
            limit_name="hand SQL", reset=lambda: ..., rounds=5)

`reset` (not timed) runs before every timed call, e.g. to empty the tables an import fills.
`budget` adds an absolute target in seconds. Every ratio line starts with RATIO_MARK, so a
script (or the quick test of the benchmarks) can find them.
"""

from __future__ import annotations

import os
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RATIO_MARK = "≈"  # first character of every comparison line


@dataclass
class Comparison:
    name: str
    limit_name: str
    target: float
    budget: float | None = None
    project: list[float] = field(default_factory=list)  # seconds per round
    limit: list[float] = field(default_factory=list)

    @property
    def project_median(self) -> float:
        return statistics.median(self.project)

    @property
    def limit_median(self) -> float:
        return statistics.median(self.limit)

    @property
    def ratio(self) -> float:
        return self.project_median / self.limit_median if self.limit_median else float("inf")

    @property
    def met(self) -> bool:
        within_budget = self.budget is None or self.project_median <= self.budget
        return self.ratio <= self.target and within_budget

    def line(self) -> str:
        budget = f", ≤ {seconds(self.budget)}" if self.budget is not None else ""
        return (
            f"{RATIO_MARK} {self.name}: {seconds(self.project_median)} | limit "
            f"{seconds(self.limit_median)} ({self.limit_name}) | ratio {self.ratio:.2f} "
            f"(target ≤ {self.target:g}{budget}) {'met' if self.met else 'MISSED'}; "
            f"median of {len(self.project)} rounds, load {os.getloadavg()[0]:.1f}"
        )


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def timed(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def compare(
    name: str,
    *,
    project: Callable[[], Any],
    limit: Callable[[], Any],
    target: float,
    limit_name: str = "hand-written",
    rounds: int = 5,
    reset: Callable[[], Any] | None = None,
    budget: float | None = None,
    verbose: bool = False,
) -> Comparison:
    """Time `project` and `limit` alternately for `rounds` rounds; print and return the result."""
    result = Comparison(name, limit_name, target, budget)
    for round_ in range(rounds):
        order = [(project, result.project), (limit, result.limit)]
        for call, times in order if round_ % 2 == 0 else reversed(order):
            if reset is not None:
                reset()
            times.append(timed(call))
        if verbose:
            print(
                f"  round {round_ + 1}: {seconds(result.project[-1])} | "
                f"limit {seconds(result.limit[-1])}",
                flush=True,
            )
    print(result.line(), flush=True)
    return result


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
