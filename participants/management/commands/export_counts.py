"""Export counts as CSV or XLSX with the import's columns.

    manage.py export_counts --province 61 --period 2023-12 -o kalbar.xlsx
    manage.py export_counts --year 2023 -o national-2023.csv   (every province)

A system export: the command line is trusted, so it is not narrowed to a user's scope.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from participants.kernel.periods import months_between, parse_period
from participants.transfer.counts_export import csv_lines, export_rows, xlsx_bytes
from regions.models import Region


class Command(BaseCommand):
    help = "Export participant counts of a province (or the whole country) as CSV or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--province", help="Province code, e.g. 61 (default: all).")
        when = parser.add_mutually_exclusive_group(required=True)
        when.add_argument("--period", help="One month, YYYY-MM.")
        when.add_argument("--year", type=int, help="Every month of a year.")
        parser.add_argument(
            "-o", "--output", type=Path, help="File (.csv or .xlsx); default stdout."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        province = self._province(options["province"])
        periods = self._periods(options["period"], options["year"])
        rows = export_rows(user=None, province=province, periods=periods)
        output: Path | None = options["output"]
        if output and output.suffix.lower() == ".xlsx":
            output.write_bytes(xlsx_bytes(rows, title="counts"))
        elif output:
            with output.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(csv_lines(rows))
        else:
            sys.stdout.writelines(csv_lines(rows))

    def _province(self, code: str | None) -> Region | None:
        if not code:
            return None
        province = Region.objects.provinces().filter(code=code).first()
        if province is None:
            raise CommandError(f"No such province: {code}")
        return province

    def _periods(self, period: str | None, year: int | None) -> list:
        if year:
            return months_between(parse_period(f"{year}-01"), parse_period(f"{year}-12"))
        try:
            return [parse_period(period or "")]
        except ValueError:
            raise CommandError("Write the period as YYYY-MM.") from None
