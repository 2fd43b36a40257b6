"""Benchmark: import a 100.000-row national CSV against a hand COPY load of the same rows.

    scripts/with-services.sh .venv/bin/python bench/bench_import.py [--rows 100000] [--rounds 3]

Creates its own throwaway database (test_<name>, dropped at the end), loads the regions,
writes a CSV with every regency valid in each month × 5 categories from 2019-01 on (old
Papua codes before the 2022 split), then, alternately (bench/limits.py):
- `counts_import` as a national administrator into empty tables, against the limit: Python's
  csv, int() and dictionary look-ups, COPY into a temporary table and plain INSERT … SELECT
  of the same reports, counts and history rows (bench/hand_import.py);
- the same file again (every row unchanged), against COPY and one comparing join.
Targets: ≤ 1,5 × the limit and ≤ 4 s for a first import; peak RSS ≤ 200 MB, measured in a
fresh process that does nothing but the import (resource.getrusage).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench import hand_import  # noqa: E402
from bench.limits import compare, peak_rss_mb  # noqa: E402

CATEGORIES = ("PU", "NON_ASN", "BPU", "JAKON", "PMI")
FIRST = dt.date(2019, 1, 1)


def national_csv(rows: int) -> bytes:
    from participants.kernel.periods import add_months
    from regions.models import Region

    regencies = list(Region.objects.regencies().values_list("code", "valid_from", "valid_until"))
    draw = random.Random(7)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["period", "region_code", "category", "active_participants", "employers"])
    size = {code: draw.randint(5_000, 400_000) for code, _, _ in regencies}
    written, period, month = 0, FIRST, 0
    while written < rows:
        for code, start, end in regencies:
            if (start and start > period) or (end and end < period):
                continue
            # a regency grows about 1 % a month with a little noise, as real stocks do
            pu = round(size[code] * 1.01**month * draw.uniform(0.995, 1.005))
            values = {"PU": pu, "NON_ASN": pu // 7, "BPU": pu // 3, "JAKON": pu // 4, "PMI": 90}
            for category in CATEGORIES:
                if written < rows:
                    employers = pu // 31 if category == "PU" else ""
                    writer.writerow(
                        [f"{period:%Y-%m}", code, category, values[category], employers]
                    )
                    written += 1
        period, month = add_months(period, 1), month + 1
    return buffer.getvalue().encode()


def project_import(actor: Any, data: bytes) -> Any:
    from participants.transfer.counts_import import counts_import

    report = counts_import(actor=actor, data=data, filename="national.csv")
    assert report.applied, [p.message for p in report.errors[:5]]
    return report


def rss_child(path: str) -> None:
    """Run in a fresh process: import the file once, print the peak resident memory."""
    from django.contrib.auth import get_user_model

    hand_import.empty_tables()
    admin = get_user_model().objects.get(username="bench-admin")
    report = project_import(admin, Path(path).read_bytes())
    print(f"{peak_rss_mb():.0f} {report.created}")


def fresh_process_peak(data: bytes) -> float:
    """Peak RSS of a process that starts Django and imports the file, nothing else."""
    with tempfile.NamedTemporaryFile(suffix=".csv") as file:
        file.write(data)
        file.flush()
        env = {**os.environ, "BENCH_DATABASE_NAME": connection.settings_dict["NAME"]}
        done = subprocess.run(
            [sys.executable, __file__, "--rss-child", file.name],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return float(done.stdout.split()[-2])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rss-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        connection.settings_dict["NAME"] = os.environ["BENCH_DATABASE_NAME"]
        rss_child(args.rss_child)
        return
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_regions", verbosity=0)
        run(args.rows, args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(rows: int, rounds: int, *, rss: bool = True) -> None:
    """Both comparisons on the current database (the quick test runs them on tiny files)."""
    from django.contrib.auth import get_user_model

    from regions.models import Role
    from regions.services import user_scope_assign

    admin = get_user_model().objects.create(username="bench-admin")
    user_scope_assign(user=admin, role=Role.NATIONAL_ADMIN, province=None, office=None)
    data = national_csv(rows)
    print(f"CSV: {rows} rows, {len(data) / 1e6:.1f} MB")
    compare(
        f"import {rows} rows into empty tables",
        project=lambda: project_import(admin, data),
        limit=lambda: hand_import.load(data, admin.pk),
        limit_name="csv + COPY + INSERT…SELECT of reports, counts, history",
        target=1.5,
        budget=4.0 * rows / 100_000,
        rounds=rounds,
        reset=hand_import.empty_tables,
    )
    compare(
        f"re-import {rows} unchanged rows",
        project=lambda: project_import(admin, data),
        limit=lambda: hand_import.compare_stored(data),
        limit_name="csv + COPY + one comparing join",
        target=1.5,
        rounds=rounds,
    )
    if rss:
        peak = fresh_process_peak(data)
        verdict = "met" if peak <= 200 else "MISSED"
        print(
            f"peak RSS of a fresh process importing {rows} rows: {peak:.0f} MB "
            f"(target ≤ 200 MB) {verdict}"
        )


if __name__ == "__main__":
    main()
