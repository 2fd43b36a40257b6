"""The benchmarks' harness prints the project's figure beside its limit (figures are not
checked: benchmarks are not timed tests)."""

from __future__ import annotations

import time

import pytest

from bench.limits import RATIO_MARK, compare


def test_compare_alternates_and_prints_ratio_and_target(capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[str] = []

    def call(name: str, seconds: float = 0) -> None:
        calls.append(name)
        time.sleep(seconds)

    result = compare(
        "sleep",
        project=lambda: call("project", 0.002),
        limit=lambda: call("limit", 0.001),
        target=1.5,
        rounds=3,
        reset=lambda: call("reset"),
    )
    assert calls[1::2] == ["project", "limit", "limit", "project", "project", "limit"]
    assert len(result.project) == len(result.limit) == 3
    assert result.ratio > 1
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{RATIO_MARK} sleep: ")
    assert "| limit " in line and "| ratio " in line and "(target ≤ 1.5)" in line
