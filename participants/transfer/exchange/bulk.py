"""The counts bulk upsert of the portal's own API: codes on the wire → cells → counts_write."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from participants.counts.models import MonthlyReport
from participants.entry.services import CellInput, CellProblem, counts_write
from participants.transfer.rows import Lookups
from regions.access.users import PortalUser
from regions.bounds import echo

MAX_CELLS = 50_000


def bulk_write(
    *, actor: PortalUser, counts: list[dict], expected_versions: list[dict], dry_run: bool
) -> dict[str, Any]:
    lookups = Lookups.load()
    unknown = list(_unknown_codes(counts, lookups))
    if unknown:
        return bulk_result(errors=unknown, dry_run=dry_run)
    cells = [
        CellInput(
            region_id=lookups.regencies[c["region"]].id,
            category_id=lookups.categories[c["category"]].pk,
            period=c["period"],
            active_participants=c["active_participants"],
            inactive_participants=c["inactive_participants"],
            employers=c["employers"],
            no_data_reason=c["no_data_reason"],
        )
        for c in counts
    ]
    result = counts_write(
        actor=actor,
        cells=cells,
        source="api",
        expected_versions=_report_versions(expected_versions),
        dry_run=dry_run,
    )
    return bulk_result(
        errors=[_problem(p) for p in result.errors],
        warnings=[_problem(p) for p in result.warnings],
        dry_run=dry_run,
        applied=result.applied,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
    )


def _unknown_codes(counts: list[dict], lookups: Lookups) -> Iterator[dict[str, Any]]:
    for index, count in enumerate(counts):
        if count["region"] not in lookups.regencies:
            message = _("Unknown regency code %(code)r.") % {"code": echo(count["region"])}
            yield {"index": index, "field": "region", "message": str(message)}
        if count["category"] not in lookups.categories:
            message = _("Unknown category code %(code)r.") % {"code": echo(count["category"])}
            yield {"index": index, "field": "category", "message": str(message)}


def _report_versions(expected: list[dict]) -> dict[int, int]:
    """(province code, period) → the report id counts_write compares versions by."""
    if not expected:
        return {}
    condition = Q()
    for item in expected:
        condition |= Q(province__code=item["province"], period=item["period"])
    reports = MonthlyReport.objects.filter(condition).values_list("pk", "province__code", "period")
    wanted = {(e["province"], e["period"]): e["version"] for e in expected}
    return {pk: wanted[(code, period)] for pk, code, period in reports}


def _problem(problem: CellProblem) -> dict[str, Any]:
    return {"index": problem.index, "field": problem.field, "message": str(problem.message)}


def bulk_result(**values: Any) -> dict[str, Any]:
    base = {
        "applied": False,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "warnings": [],
    }
    return {**base, **values}
