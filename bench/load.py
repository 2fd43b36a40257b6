"""Month-end load: 38 officers saving, 200 viewers reading, for two minutes (not a test).

    make load        # = scripts/with-services.sh .venv/bin/python bench/load.py
    scripts/with-services.sh .venv/bin/python bench/load.py [--minutes 2] [--workers 1]

Everything on 127.0.0.1: gunicorn with production settings and the image's configuration,
a Celery worker as compose runs it, PostgreSQL and Redis from scripts/with-services.sh, the
national benchmark dataset (bench/dataset.py). Locust runs headless, bounded in time, and
stops by itself. Prints requests per second, p50/p95/p99 per endpoint, errors, and freshness
(from a save's answer to its coverage page showing it), each against its target.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import cpu
from bench.stack import ROOT, Stack, production_stack

PAGE_P95_MS = 500
SAVE_P95_MS = 1000
FRESH_P95_MS = 5000
CODES = re.compile(r"/(?:\d+(?:\.\d+)?|\d{4}-\d{2})(?=/|$)")  # region codes and months


def run_locust(stack: Stack, minutes: float, users: int) -> Path:
    prefix = stack.workdir / "locust"
    argv = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py")]
    argv += ["--headless", "--only-summary", "-u", str(users), "-r", "40"]
    argv += ["-t", f"{int(minutes * 60)}s", "--stop-timeout", "20", "--host", stack.url]
    argv += ["--csv", str(prefix), "--exit-code-on-error", "0"]
    env = {**os.environ, "LOAD_USERS": str(stack.users_file)}
    with (stack.workdir / "locust.log").open("wb") as log:
        subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=log, stderr=log)
    return prefix.with_name("locust_stats.csv")


def server_side(log: Path) -> None:
    """What gunicorn itself spent per request (from the JSON request log): the difference to
    locust's figures is time spent queueing for a thread or a CPU."""
    pages: list[float] = []
    saves: list[float] = []
    views: dict[str, list[float]] = {}
    for line in log.read_text(errors="replace").splitlines():
        if '"coverage_portal.request"' not in line:
            continue
        entry = json.loads(line)
        if not entry["path"].startswith("/static/"):
            (saves if entry["method"] == "POST" else pages).append(entry["duration_ms"])
            view = f"{entry['method']} {CODES.sub('/[code]', entry['path'])}"
            views.setdefault(view, []).append(entry["duration_ms"])
    for name, samples in (("pages", pages), ("grid saves", saves)):
        ordered = sorted(samples) or [0.0]
        at = [ordered[int(q * (len(ordered) - 1))] for q in (0.5, 0.95, 0.99)]
        print(
            f"server side, {name}: p50 {at[0]:.0f}, p95 {at[1]:.0f}, p99 {at[2]:.0f} ms "
            f"({len(samples)} requests)"
        )
    print("server side per view, by total time (where gunicorn's threads went):")
    for view, samples in sorted(views.items(), key=lambda v: -sum(v[1]))[:8]:
        ordered = sorted(samples)
        print(
            f"  {view:44.44} {sum(samples) / 1000:6.1f} s  {len(samples):>6} requests  "
            f"p50 {ordered[len(ordered) // 2]:.0f} ms"
        )


def report(stats_file: Path, minutes: float) -> bool:
    rows = [r for r in csv.DictReader(stats_file.open()) if r["Name"] != "Aggregated"]
    total = next(r for r in csv.DictReader(stats_file.open()) if r["Name"] == "Aggregated")
    print(
        f"\n{'endpoint':44} {'count':>7} {'errors':>6} {'rps':>6} "
        f"{'p50':>6} {'p95':>6} {'p99':>6}  (ms)"
    )
    for row in sorted(rows, key=lambda r: (r["Type"], r["Name"])):
        print(
            f"{row['Type'] + ' ' + row['Name']:44.44} {row['Request Count']:>7} "
            f"{row['Failure Count']:>6} {float(row['Requests/s']):6.1f} {row['50%']:>6} "
            f"{row['95%']:>6} {row['99%']:>6}"
        )
    http = [r for r in rows if r["Type"] != "FRESH"]
    http_requests = sum(int(r["Request Count"]) for r in http)
    print(
        f"\nHTTP requests: {http_requests:,} in {minutes:g} min = "
        f"{http_requests / (minutes * 60):.1f} per second; all failures: {total['Failure Count']}"
    )
    return _verdict(rows, int(total["Failure Count"]))


def _verdict(rows: list[dict[str, str]], errors: int) -> bool:
    pages = [r for r in rows if r["Type"] == "GET"]
    saves = next(r for r in rows if r["Name"] == "save grid month")
    fresh = next(r for r in rows if r["Type"] == "FRESH")
    worst_page = max(pages, key=lambda r: float(r["95%"]))
    checks = [
        ("errors", errors, 0),
        (f"pages p95 (worst: {worst_page['Name']})", float(worst_page["95%"]), PAGE_P95_MS),
        ("grid saves p95", float(saves["95%"]), SAVE_P95_MS),
        ("freshness p95", float(fresh["95%"]), FRESH_P95_MS),
    ]
    print()
    for name, value, limit in checks:
        print(f"{'met   ' if value <= limit else 'MISSED'} {name}: {value:g} (target ≤ {limit:g})")
    return all(value <= limit for _name, value, limit in checks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=1, help="Celery worker processes")
    args = parser.parse_args()
    with production_stack("bench_load", workers=args.workers, LOG_FORMAT="json") as stack:
        users = 38 + 200
        print(f"load: {users} users for {args.minutes:g} min against {stack.url}", flush=True)
        before = os.getloadavg()[0]
        spent, started = cpu.reading(), time.monotonic()
        stats = run_locust(stack, args.minutes, users)
        after = cpu.reading()
        # locust has ended: its time is in this process's children's, counted as "other".
        after["locust"] += cpu.ended_children(spent)
        after["other"] -= cpu.ended_children(spent)
        print(cpu.report(spent, after, time.monotonic() - started))
        met = report(stats, args.minutes)
        server_side(stack.workdir / "gunicorn.log")
        print(
            f"machine load average (1 min): {before:.1f} before, {os.getloadavg()[0]:.1f} "
            f"after, on {os.cpu_count()} cores (other work on the machine included)"
        )
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
