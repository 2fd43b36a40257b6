"""Import monthly counts from a CSV or XLSX file: all rows or none.

    manage.py import_counts counts.xlsx --dry-run --user petugas.kalbar

Prints every error and warning by line number and the created / updated / unchanged counts;
exits with status 1 when any row has an error (nothing is written then).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from participants.transfer.counts_import import ImportReport, counts_import


class Command(BaseCommand):
    help = "Import participant counts from a CSV or XLSX file (every row or none)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        parser.add_argument(
            "--user",
            help="Import as this user, within their scope (default: a trusted system import).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        actor = self._actor(options["user"])
        with path.open("rb") as handle:
            report = counts_import(
                actor=actor, data=handle, filename=path.name, dry_run=options["dry_run"]
            )
        self._print(report)
        if report.errors:
            raise CommandError(f"{len(report.errors)} error(s); nothing was imported.")

    def _actor(self, username: str | None) -> Any:
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No such user: {username}") from None

    def _print(self, report: ImportReport) -> None:
        for label, problems in (("error", report.errors), ("warning", report.warnings)):
            for p in problems:
                where = f"line {p.line}" if p.line else "file"
                column = f" [{p.column}]" if p.column else ""
                self.stdout.write(f"{where}{column}: {label}: {p.message}")
        verb = "written" if report.applied else "would be written"
        self.stdout.write(
            f"{report.rows} rows; {verb}: created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}; {len(report.errors)} errors, "
            f"{len(report.warnings)} warnings."
        )
        if report.applied:
            self.stdout.write(self.style.SUCCESS("Imported."))
