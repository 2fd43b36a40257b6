"""CPU seconds spent by each part of the stack between two readings of /proc (Linux).

A live process's own time plus the time of its children that ended, so a PostgreSQL backend
that exited is still counted, in the postmaster. Read where the 2 cores went under load.
"""

from __future__ import annotations

import os
import resource
from pathlib import Path

PARTS = ("gunicorn", "celery", "postgres", "redis-server", "locust")
TICK = os.sysconf("SC_CLK_TCK")


def reading() -> dict[str, float]:
    """CPU seconds per part of the stack, and in all ("machine": every process here)."""
    spent = dict.fromkeys((*PARTS, "other", "machine"), 0.0)
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rpartition(")")[2].split()
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended while being read
            continue
        seconds = sum(int(f) for f in fields[11:15]) / TICK  # utime stime cutime cstime
        part = next((p for p in PARTS if p in command), "other")
        spent[part] += seconds
        spent["machine"] += seconds
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent["ended children"] = usage.ru_utime + usage.ru_stime
    return spent


def ended_children(before: dict[str, float]) -> float:
    """CPU seconds of this process's children that ended since `before` was read (locust,
    run to its end by bench/load.py, is one)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime - before["ended children"]


def report(before: dict[str, float], after: dict[str, float], wall: float) -> str:
    used = {part: after[part] - before[part] for part in (*PARTS, "other", "machine")}
    cores = os.cpu_count() or 1
    shares = ", ".join(
        f"{part} {used[part]:.0f} s ({used[part] / wall:.2f} cores)"
        for part in (*PARTS, "other")
        if used[part] > 0.5
    )
    busy = used["machine"] / (wall * cores)
    return f"CPU over {wall:.0f} s: {shares}; the machine {busy:.0%} busy on {cores} cores"
