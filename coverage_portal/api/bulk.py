"""The counts bulk upsert: codes on the wire → cells → participants.services.counts_write."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from rest_framework import serializers

from coverage_portal.api.errors import first_message
from coverage_portal.api.fields import MonthField
from participants.models import MonthlyReport
from participants.services import CellInput, category_ids, counts_write, regency_ids

MAX_CELLS = 50_000


class CountInSerializer(serializers.Serializer):
    region = serializers.CharField(max_length=16, help_text="Regency code, e.g. 61.71.")
    category = serializers.CharField(max_length=30, help_text="Category code, e.g. PU.")
    period = MonthField(help_text="YYYY-MM")
    active_participants = serializers.IntegerField(allow_null=True, min_value=0)
    inactive_participants = serializers.IntegerField(
        allow_null=True, required=False, default=None, min_value=0
    )
    employers = serializers.IntegerField(allow_null=True, required=False, default=None, min_value=0)
    no_data_reason = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        max_length=250,
        help_text="Instead of active_participants: why there is no figure.",
    )


class ExpectedVersionSerializer(serializers.Serializer):
    province = serializers.CharField(max_length=16)
    period = MonthField()
    version = serializers.IntegerField(min_value=1)


class BulkSerializer(serializers.Serializer):
    counts = CountInSerializer(many=True, allow_empty=False)
    expected_versions = ExpectedVersionSerializer(many=True, required=False, default=list)
    dry_run = serializers.BooleanField(default=False)

    def validate_counts(self, counts: list[dict]) -> list[dict]:
        if len(counts) > MAX_CELLS:
            raise serializers.ValidationError(f"Send at most {MAX_CELLS} counts in one request.")
        return counts


class ProblemSerializer(serializers.Serializer):
    index = serializers.IntegerField(
        allow_null=True, help_text="Position of the cell in `counts`; null for the whole request."
    )
    field = serializers.CharField()
    message = serializers.CharField()


class BulkResultSerializer(serializers.Serializer):
    """Documentation only. Fields are built in get_fields: a declared `errors` field would
    hide Serializer.errors."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "applied": serializers.BooleanField(),
            "dry_run": serializers.BooleanField(),
            "created": serializers.IntegerField(),
            "updated": serializers.IntegerField(),
            "unchanged": serializers.IntegerField(),
            "errors": ProblemSerializer(many=True),
            "warnings": ProblemSerializer(many=True),
        }


def bulk_write(
    *, actor: Any, counts: list[dict], expected_versions: list[dict], dry_run: bool
) -> dict[str, Any]:
    regions = regency_ids(c["region"] for c in counts)
    categories = category_ids(c["category"] for c in counts)
    unknown = list(_unknown_codes(counts, regions, categories))
    if unknown:
        return _result(errors=unknown, dry_run=dry_run)
    cells = [
        CellInput(
            region_id=regions[c["region"]],
            category_id=categories[c["category"]],
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
    return _result(
        errors=[_problem(p) for p in result.errors],
        warnings=[_problem(p) for p in result.warnings],
        dry_run=dry_run,
        applied=result.applied,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
    )


def _unknown_codes(counts: list[dict], regions: dict, categories: dict) -> Any:
    for index, count in enumerate(counts):
        if count["region"] not in regions:
            yield {
                "index": index,
                "field": "region",
                "message": f"Unknown regency code {count['region']!r}.",
            }
        if count["category"] not in categories:
            yield {
                "index": index,
                "field": "category",
                "message": f"Unknown category code {count['category']!r}.",
            }


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


def _problem(problem: Any) -> dict[str, Any]:
    return {"index": problem.index, "field": problem.field, "message": str(problem.message)}


def _result(**values: Any) -> dict[str, Any]:
    base = {
        "applied": False,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "warnings": [],
    }
    return {**base, **values}


def unread_result(errors: Any) -> dict[str, Any]:
    """Serializer errors as problems; DRF keys a list's errors by the failing items' index."""
    problems = []
    for name, detail in errors.items() if isinstance(errors, dict) else [("body", errors)]:
        if name == "counts" and isinstance(detail, dict):
            for index, cell_errors in detail.items():
                fields = cell_errors if isinstance(cell_errors, dict) else {"counts": cell_errors}
                position = index if isinstance(index, int) else None
                problems += [
                    {"index": position, "field": field_name, "message": first_message(messages)}
                    for field_name, messages in fields.items()
                ]
        else:
            problems.append({"index": None, "field": name, "message": first_message(detail)})
    return _result(errors=problems, dry_run=False)
