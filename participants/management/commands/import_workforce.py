from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from participants.transfer.workforce_import import workforce_file_import


class Command(BaseCommand):
    help = "Import workforce totals (CSV/XLSX: year,region_code,kind,value,source): all or none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument("--user", help="username recorded in the audit trail")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"Unknown user {options['user']!r}.")
        report = workforce_file_import(path=path, actor=actor, dry_run=options["dry_run"])
        for line, message in report.errors:
            self.stderr.write(f"line {line}: {message}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} error(s); nothing was imported.")
        verb = "would import" if options["dry_run"] else "imported"
        self.stdout.write(
            f"Workforce totals {verb}: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
