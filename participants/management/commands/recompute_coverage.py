import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from participants.coverage import engine as coverage
from participants.kernel.periods import parse_period
from regions.models import Region


class Command(BaseCommand):
    help = "Recompute the coverage table (all of it, from a month, or for one province)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", help="first month to recompute, YYYY-MM")
        parser.add_argument("--region", help="a province or regency code (its province is done)")

    def handle(self, *args: Any, **options: Any) -> None:
        since = province = None
        if options["since"]:
            try:
                since = parse_period(options["since"])
            except ValueError as error:
                raise CommandError("--since must look like 2023-12.") from error
        if options["region"]:
            region = Region.objects.filter(code=options["region"]).first()
            if region is None or region.level == Region.Level.NATIONAL:
                raise CommandError(f"Unknown province or regency code {options['region']!r}.")
            province = region if region.level == Region.Level.PROVINCE else region.parent
        started = time.perf_counter()
        buckets = coverage.recompute_all(since=since, province=province)
        seconds = time.perf_counter() - started
        self.stdout.write(f"Recomputed {buckets} province-month buckets in {seconds:.2f} s.")
