"""Benchmark: import a 100.000-row national CSV (targets: ≤ 30 s, ≤ 300 MB peak memory).

    scripts/with-services.sh .venv/bin/python bench/bench_import.py [--rows 100000]

Creates its own throwaway database (test_<name>, dropped at the end), loads the regions,
writes a CSV with every regency valid in each month × 5 categories from 2019-01 on (old
Papua codes before the 2022 split), then imports it twice through `counts_import` as a
national administrator: once into an empty database, once again (everything unchanged).
Prints wall time and the process's peak resident memory (ru_maxrss) for each.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

CATEGORIES = ("PU", "NON_ASN", "BPU", "JAKON", "PMI")
FIRST = dt.date(2019, 1, 1)


def national_csv(rows: int) -> bytes:
    from participants.periods import add_months
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


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed_import(label: str, actor: Any, data: bytes) -> None:
    from participants.transfer.counts_import import counts_import

    started = time.perf_counter()
    report = counts_import(actor=actor, data=data, filename="national.csv")
    seconds = time.perf_counter() - started
    status = "applied" if report.applied else f"NOT applied, {len(report.errors)} errors"
    print(
        f"{label:<22} {report.rows:>7} rows  {seconds:6.1f} s  peak RSS {peak_mb():6.0f} MB  "
        f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}; "
        f"{status}; {len(report.warnings)} warnings"
    )
    for problem in report.errors[:5]:
        print(f"  line {problem.line} [{problem.column}]: {problem.message}")


def timed_parse(data: bytes) -> None:
    """Reading and checking the file alone (this module's share, before counts_write)."""
    from participants.transfer.reading import read_rows
    from participants.transfer.rows import Lookups, parse_rows

    started = time.perf_counter()
    parsed = parse_rows(read_rows(data, "national.csv"), Lookups.load())
    seconds = time.perf_counter() - started
    print(f"{'read + check rows':<22} {parsed.rows:>7} rows  {seconds:6.1f} s  (no writes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="cProfile the first import.")
    args = parser.parse_args()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_regions", verbosity=0)
        from django.contrib.auth import get_user_model

        from regions.models import Role
        from regions.services import user_scope_assign

        admin = get_user_model().objects.create(username="bench-admin")
        user_scope_assign(user=admin, role=Role.NATIONAL_ADMIN, province=None, office=None)
        data = national_csv(args.rows)
        print(f"CSV: {len(data) / 1e6:.1f} MB, baseline peak RSS {peak_mb():.0f} MB")
        timed_parse(data)
        if args.profile:
            import cProfile

            cProfile.runctx(
                "timed_import('import (empty db)', admin, data)",
                globals(),
                {"admin": admin, "data": data},
                sort="cumulative",
            )
        else:
            timed_import("import (empty db)", admin, data)
        timed_import("re-import (unchanged)", admin, data)
        print(f"targets: ≤ 30 s and ≤ 300 MB; load average {os.getloadavg()[0]:.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
