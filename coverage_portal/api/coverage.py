"""Coverage from the precomputed table, one object per region × month in coverage_report's
shape (participants by category, the named denominator, coverage %, target, completeness)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.fields import MonthField, MonthFilter
from participants.models import Category, CoverageRow
from participants.selectors import (
    add_months,
    collected_categories,
    completeness_fields,
    coverage_rows_for,
    denominator_fields,
    has_figures,
    months_completeness,
    projection_fields,
    row_progress,
    target_fields,
    two_decimals,
    unknown_reason,
)
from regions.models import Region

PART_FIELDS = (
    "region_id",
    "period",
    "category__code",
    "category_id",
    "participants",
    "regencies_reported",
    "regencies_expected",
)


class CoverageSerializer(serializers.Serializer):
    """Reads a CoverageRow with `breakdown` (category rows of the same region and month)."""

    region = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")
    level = serializers.CharField()
    period = MonthField(read_only=True)
    category = serializers.CharField(source="category.code", default=None, allow_null=True)
    participants = serializers.SerializerMethodField()
    unknown = serializers.SerializerMethodField(
        help_text="Why each null participants figure is unknown: not reported, not collected "
        "(a category marked “no data”), category did not exist yet. Unknown is never 0."
    )
    denominator = serializers.SerializerMethodField()
    coverage_percent = serializers.SerializerMethodField()
    target = serializers.SerializerMethodField()
    projection = serializers.SerializerMethodField(
        help_text="When the target is reached at the 12-month trend (null without a target)."
    )
    regencies_reported = serializers.IntegerField()
    regencies_expected = serializers.IntegerField()
    all_approved = serializers.BooleanField()
    completeness = serializers.SerializerMethodField(
        help_text="complete, partial (a provincial report it rests on is not yet submitted) "
        "or not_reported (no regency has a count: participants and coverage are null)."
    )
    reports_submitted = serializers.SerializerMethodField()
    reports_expected = serializers.SerializerMethodField()

    def get_participants(self, row: CoverageRow) -> dict[str, int | None]:
        """{"total": …, one key per category (a category's own sub-groups for a category)}."""
        if not has_figures(row):
            return {"total": None}
        shown: dict[str, int | None] = {"total": row.participants}
        shown.update(getattr(row, "breakdown", {}))
        return shown

    def get_unknown(self, row: CoverageRow) -> dict[str, str]:
        if not has_figures(row):
            return {"total": unknown_reason(row)}
        return dict(getattr(row, "unknown", {}))

    def get_denominator(self, row: CoverageRow) -> dict[str, Any] | None:
        return denominator_fields(row)

    def get_coverage_percent(self, row: CoverageRow) -> float | None:
        return two_decimals(row.coverage_percent) if has_figures(row) else None

    def get_projection(self, row: CoverageRow) -> dict[str, Any] | None:
        return getattr(row, "projection", None) if has_figures(row) else None

    def get_target(self, row: CoverageRow) -> dict[str, Any] | None:
        return target_fields(row)

    def get_completeness(self, row: CoverageRow) -> str:
        return str(row.month_fields["completeness"])  # type: ignore[attr-defined]

    def get_reports_submitted(self, row: CoverageRow) -> int:
        return int(row.month_fields["reports_submitted"])  # type: ignore[attr-defined]

    def get_reports_expected(self, row: CoverageRow) -> int:
        return int(row.month_fields["reports_expected"])  # type: ignore[attr-defined]


class CoverageFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(
        field_name="region__code", help_text="A region: ID (national), 61, 61.71."
    )
    parent = django_filters.CharFilter(
        field_name="region__parent__code", help_text="Every region under this one, e.g. 61."
    )
    period = MonthFilter(field_name="period", help_text="YYYY-MM")
    category = django_filters.CharFilter(
        method="filter_category", help_text="A category code; without it, all categories' total."
    )
    level = django_filters.ChoiceFilter(choices=Region.Level.choices)

    class Meta:
        model = CoverageRow
        fields: list[str] = []

    def filter_category(self, rows: QuerySet, name: str, value: str) -> QuerySet:
        return rows.filter(category__code=value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if not self.form.cleaned_data.get("category"):
            queryset = queryset.filter(category__isnull=True)
        return super().filter_queryset(queryset)


EXAMPLE = OpenApiExample(
    "Kalimantan Barat, December 2022",
    value={
        "region": "61",
        "region_name": "Kalimantan Barat",
        "level": "province",
        "period": "2022-12",
        "category": None,
        "participants": {"total": 633494, "BPU": 98541, "JAKON": 149949, "PU": 385004},
        "denominator": {"kind": "EMPLOYED", "value": 1830662, "year": 2022},
        "coverage_percent": 34.6,
        "target": {"participants": 700000, "percent": None, "gap": 66506},
        "regencies_reported": 14,
        "regencies_expected": 14,
        "all_approved": True,
        "completeness": "complete",
        "reports_submitted": 1,
        "reports_expected": 1,
    },
    response_only=True,
)


class CoverageListView(ConditionalGetMixin, generics.ListAPIView):
    serializer_class = CoverageSerializer
    filterset_class = CoverageFilter

    def get_queryset(self) -> QuerySet[CoverageRow]:
        return coverage_rows_for(self.request.user)

    @extend_schema(
        summary="Coverage per region and month (the fields of coverage_report)",
        description="The precomputed coverage table, in scope. Without `category` each item "
        "is a region's all-categories total with its participants per category; with one it "
        "is that category (and its sub-groups). `denominator` is null when unknown (never 0%).",
        examples=[EXAMPLE],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        if page:
            _attach_breakdown(page)
        return page


def _attach_breakdown(rows: list[CoverageRow]) -> None:
    """The per-category participants of every row on the page, in two queries."""
    parts = CoverageRow.objects.filter(
        region_id__in={r.region_id for r in rows},
        period__in={r.period for r in rows},
        category__isnull=False,
    ).select_related("category")
    collected = collected_categories({r.period for r in rows})
    by_bucket: dict[tuple[int, Any], dict[str, CoverageRow]] = {}
    for part in parts.only(*PART_FIELDS):
        assert part.category is not None  # category__isnull=False
        by_bucket.setdefault((part.region_id, part.period), {})[part.category.code] = part
    subgroups: dict[int, list[str]] = {}
    for parent_id, code in Category.objects.filter(parent__isnull=False).values_list(
        "parent_id", "code"
    ):
        subgroups.setdefault(parent_id, []).append(code)
    for row in rows:
        found = by_bucket.get((row.region_id, row.period), {})
        by_code = {code: part.participants for code, part in found.items()}
        row.breakdown = _shown(row, by_code, subgroups)  # type: ignore[attr-defined]
        row.unknown = {  # type: ignore[attr-defined]
            code: unknown_reason(
                found.get(code),
                total=row,
                collected=(row.period, found[code].category_id) in collected
                if code in found
                else False,
            )
            for code, value in row.breakdown.items()  # type: ignore[attr-defined]
            if value is None and code != "total"
        }
    _attach_projection(rows)
    _attach_completeness(rows)


def _attach_completeness(rows: list[CoverageRow]) -> None:
    """Each row's month by the one partial-month rule, two queries for the whole page."""
    months = months_completeness({r.period for r in rows})
    for row in rows:
        month = months[row.period].of(row.region)
        row.month_fields = completeness_fields(row, month)  # type: ignore[attr-defined]


def _attach_projection(rows: list[CoverageRow]) -> None:
    """The target projection of every row that has a target, from one query of history."""
    targeted = [r for r in rows if r.target_participants]
    if not targeted:
        return
    history = CoverageRow.objects.filter(
        regencies_reported__gt=0,  # months a region did not report are left out, as on pages
        region_id__in={r.region_id for r in targeted},
        period__gte=add_months(min(r.period for r in targeted), -12),
        period__lte=max(r.period for r in targeted),
    ).values_list("region_id", "category_id", "period", "participants")
    series: dict[tuple[int, int | None], dict[Any, int]] = {}
    for region_id, category_id, period, participants in history:
        if participants is None:
            continue
        series.setdefault((region_id, category_id), {})[period] = participants
    for row in targeted:
        first = add_months(row.period, -12)
        mine = series.get((row.region_id, row.category_id), {})
        window = {p: v for p, v in mine.items() if first <= p <= row.period}
        row.projection = projection_fields(row_progress(row, window))  # type: ignore[attr-defined]


def _shown(
    row: CoverageRow, by_code: dict[str, int | None], subgroups: dict[int, list[str]]
) -> dict:
    """As coverage_report: every category for a total; a category and its sub-groups else."""
    if row.category is None:
        return dict(sorted(by_code.items()))
    shown = {row.category.code: by_code.get(row.category.code, row.participants)}
    shown.update({code: by_code.get(code) for code in subgroups.get(row.category.pk, [])})
    return shown
