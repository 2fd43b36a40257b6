import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from participants.counts.models import Category
from participants.coverage.reporting import NoCoverage, coverage_summary
from participants.kernel.periods import parse_period
from regions.models import Region
from regions.values.formatting import format_number, format_percent


class Command(BaseCommand):
    help = "Print the coverage of one region (Kemendagri code, or ID) for one month."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="e.g. 61, 61.71 or ID")
        parser.add_argument("--period", required=True, help="YYYY-MM")
        parser.add_argument("--category", help="a category code, e.g. PU")
        parser.add_argument("--format", choices=["json", "table"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"Unknown region code {options['region']!r}.")
        try:
            period = parse_period(options["period"])
        except ValueError as error:
            raise CommandError(
                f"Period must look like 2023-12, not {options['period']!r}."
            ) from error
        category = None
        if options["category"]:
            category = Category.objects.filter(code=options["category"].upper()).first()
            if category is None:
                raise CommandError(f"Unknown category {options['category']!r}.")
        try:
            summary = coverage_summary(region, period, category)
        except NoCoverage as error:
            raise CommandError(
                f"No coverage computed for {error}: is there data? Run recompute_coverage."
            ) from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            with translation.override("id"):
                self.stdout.write(_table(summary))


def _completeness(summary: dict) -> str:
    submitted, expected = summary["reports_submitted"], summary["reports_expected"]
    if summary["completeness"] == "not_reported":
        return "belum melapor"
    if summary["completeness"] == "complete":
        return "lengkap"
    return f"sebagian: {submitted} dari {expected} laporan provinsi dikirim"


def _table(summary: dict) -> str:
    denominator = summary["denominator"]
    target = summary["target"]
    lines = [
        f"Wilayah        {summary['region']} {summary['region_name']}",
        f"Periode        {summary['period']}",
        *(
            f"Peserta {code:<7}{format_number(value) if value is not None else 'belum melapor':>15}"
            for code, value in summary["participants"].items()
        ),
        "Penyebut       "
        + (
            f"{format_number(denominator['value'])} ({denominator['kind']}, {denominator['year']})"
            if denominator
            else "tidak diketahui"
        ),
        f"Cakupan        {format_percent(summary['coverage_percent'])}",
        "Target         "
        + (
            f"{format_number(target['participants'])} · {format_percent(target['percent'])}"
            f" · selisih {format_number(target['gap'])}"
            if target
            else "–"
        ),
        f"Proyeksi       {_projection(summary['projection'])}",
        f"Kab/kota lapor {summary['regencies_reported']} dari {summary['regencies_expected']}",
        f"Kelengkapan    {_completeness(summary)}",
        f"Disetujui      {'ya' if summary['all_approved'] else 'belum semua'}",
    ]
    return "\n".join(lines)


def _projection(projection: dict | None) -> str:
    if projection is None:
        return "–"
    if projection["reached"]:
        return "target tercapai"
    if projection["reached_in"] is None:
        return "tidak tercapai dengan laju ini"
    return f"target tercapai {projection['reached_in']} dengan laju ini"
