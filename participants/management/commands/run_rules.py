from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from participants.kernel.periods import parse_period
from participants.rules.services import rule_results_refresh


class Command(BaseCommand):
    help = "Run the validation rules over stored months (the nightly job's twin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rule", type=int, action="append", help="a rule id (repeatable)")
        parser.add_argument("--from", dest="first", help="YYYY-MM")
        parser.add_argument("--to", dest="last", help="YYYY-MM")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            first = parse_period(options["first"]) if options["first"] else None
            last = parse_period(options["last"]) if options["last"] else None
        except ValueError as error:
            raise CommandError(f"Give months as YYYY-MM: {error}") from None
        written = rule_results_refresh(rule_ids=options["rule"], first=first, last=last)
        self.stdout.write(f"{written} rule results written.")
