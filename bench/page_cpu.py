"""CPU per dashboard page, in-process, on the quick start's database (not a test).

    DATABASE_URL=sqlite:////path/db.sqlite3 .venv/bin/python bench/page_cpu.py
        [--runs 20] [--rounds 4] [--baseline DIR]

Requests the national, province and regency dashboards as the demo's national viewer
(`pemantau`) with Django's test client and prints each page's median CPU time of this
process (`time.process_time`: what the page costs a gunicorn thread, without waiting for
the database's own process or for the machine). The shared cache is warm after the first
request, as it is on a served portal. With `--baseline DIR` (a checkout of another commit,
e.g. `git worktree add /tmp/base HEAD~3`), rounds of DIR's code and this checkout's code
alternate on the same database, so a busy machine slows both alike, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "national": "/dasbor/",
    "province 35": "/dasbor/provinsi/35/",
    "province 61": "/dasbor/provinsi/61/",
    "regency 61.71": "/dasbor/kabupaten/61.71/",
}


def one_round(runs: int) -> dict[str, list[float]]:
    """`runs` CPU times in ms per page, after one warm-up request each."""
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="pemantau"))
    spent: dict[str, list[float]] = {}
    for name, url in PAGES.items():
        assert client.get(url).status_code == 200
        samples = spent.setdefault(name, [])
        for _ in range(runs):
            started = time.process_time()
            response = client.get(url)
            samples.append((time.process_time() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return spent


def in_checkout(checkout: Path, runs: int) -> dict[str, list[float]]:
    argv = [sys.executable, str(ROOT / "bench" / "page_cpu.py"), "--round", "--runs", str(runs)]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(argv, cwd=checkout, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        print(json.dumps(one_round(args.runs)))
        return
    sides = {"this": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    spent: dict[str, dict[str, list[float]]] = {side: {} for side in sides}
    for _ in range(args.rounds):
        for side, checkout in sides.items():
            for page, samples in in_checkout(checkout, args.runs).items():
                spent[side].setdefault(page, []).extend(samples)
    print(f"load average {os.getloadavg()[0]:.1f}; median CPU ms per page, {args.rounds} rounds")
    for page in PAGES:
        medians = {side: statistics.median(spent[side][page]) for side in sides}
        line = " · ".join(f"{side} {ms:.1f}" for side, ms in medians.items())
        ratio = f"  ratio {medians['this'] / medians['baseline']:.2f}" if args.baseline else ""
        print(f"{page:<16}{line}{ratio}")


if __name__ == "__main__":
    main()
