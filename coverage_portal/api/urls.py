"""/api/: the versioned resources, DHIS2's Web API, the schema, the docs, the tokens.

DHIS2 clients call /api/<resource> (optionally /api/<version>/<resource>, and with a format
suffix such as .json); the schema documents the plain paths, the variants are the same views.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from coverage_portal.api import (
    adx,
    agreements,
    counts,
    coverage,
    errors,
    followups,
    infographics,
    pivot,
    records,
    regions,
    reporting_rates,
    reports,
    rules,
    token_views,
    workforce,
)
from coverage_portal.api.dhis2 import data_value_sets, metadata, system

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("regions", regions.RegionViewSet, basename="region")
router.register("categories", regions.CategoryViewSet, basename="category")
router.register("workforce-kinds", regions.WorkforceKindViewSet, basename="workforce-kind")
router.register("reports", reports.ReportViewSet, basename="report")
router.register("workforce-totals", workforce.WorkforceTotalViewSet, basename="workforce-total")
router.register("targets", workforce.TargetViewSet, basename="target")
router.register("agreements", agreements.AgreementViewSet, basename="agreement")
router.register("meetings", agreements.MeetingViewSet, basename="meeting")
router.register("commitments", records.CommitmentViewSet, basename="commitment")
router.register("regulations", records.RegulationViewSet, basename="regulation")
router.register("budgets", records.BudgetViewSet, basename="budget")
router.register("validation-rules", rules.ValidationRuleViewSet, basename="validation-rule")
router.register("rule-results", rules.RuleResultViewSet, basename="rule-result")
router.register("follow-ups", followups.FollowUpViewSet, basename="follow-up")

v1: list[URLPattern | URLResolver] = [
    path("counts/", counts.CountListView.as_view(), name="counts"),
    path("counts/bulk/", counts.CountBulkView.as_view(), name="counts-bulk"),
    path("coverage/", coverage.CoverageListView.as_view(), name="coverage"),
    path("pivot/", pivot.PivotView.as_view(), name="pivot"),
    path(
        "infographics/<str:code>/",
        infographics.InfographicView.as_view(),
        name="infographic",
    ),
    path("reporting-rates/", reporting_rates.ReportingRatesView.as_view(), name="reporting-rates"),
    # DHIS2 and IHE name these without a trailing slash; clients expect them so.
    path(
        "dataValueSets",
        data_value_sets.DataValueSetView.as_view(schema=None),
        name="data-value-sets-v1",
    ),
    path("adx", adx.AdxView.as_view(), name="adx"),
    path("adx/schema.xsd", adx.AdxSchemaView.as_view(), name="adx-schema-v1"),
    path("", include(router.urls)),
    # Anything else under /api/v1/ answers in the API's own error shape, not an HTML page.
    re_path(r"^.*$", errors.not_found),
]

UID = r"/(?P<uid>[A-Za-z0-9_.-]{1,64}?)"
# (path, view, URL name or None for a detail, the view's attributes, the suffixes it writes)
DHIS2: list[tuple[str, Any, str | None, dict[str, Any], str]] = [
    ("dataValueSets", data_value_sets.DataValueSetView, "data-value-sets", {}, "json|xml|csv|adx"),
    ("system/info", system.SystemInfoView, "dhis2-system-info", {}, "json"),
    ("me", system.MeView, "dhis2-me", {}, "json"),
    ("system/tasks/DATAVALUE_IMPORT" + UID, system.TaskView, None, {}, "json"),
    ("system/taskSummaries/DATAVALUE_IMPORT" + UID, system.TaskSummaryView, None, {}, "json"),
    *(
        (resource, metadata.VIEWS[resource], f"dhis2-{resource}", {}, "json")
        for resource in metadata.RESOURCES
    ),
    *(
        (resource + UID, metadata.MetadataView, None, {"resource": resource}, "json")
        for resource in metadata.RESOURCES
    ),
]


def _dhis2() -> list[URLPattern]:
    """Each path plain (named, in the schema), with a format suffix (dataValueSets.json) and
    under an API version (/api/40/dataValueSets): the same view, the twins left unnamed."""
    patterns = []
    for route, view, name, attributes, formats in DHIS2:
        twin = view.as_view(schema=None, **attributes)
        plain = view.as_view(**attributes) if name else twin  # details stay out of the schema
        patterns += [
            # The suffixed twin first: an id may hold dots (61.71), "61.71.json" is 61.71.
            re_path(rf"^{route}\.(?P<format>{formats})$", twin),
            re_path(rf"^{route}$", plain, name=name),
            re_path(rf"^(?:[2-9][0-9])/{route}(?:\.(?P<format>{formats}))?$", twin),
        ]
    return patterns


app_name = "api"
urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("adx/schema.xsd", adx.AdxSchemaView.as_view(), name="adx-schema"),
    path(
        "docs/",
        login_required(
            SpectacularSwaggerSplitView.as_view(
                url_name="api:schema", template_name="api/docs.html"
            )
        ),
        name="docs",
    ),
    path("tokens/", token_views.token_page, name="tokens"),
    path("tokens/new/", token_views.token_new, name="token-new"),
    path("tokens/<str:key>/rotate/", token_views.token_rotate_view, name="token-rotate"),
    path("tokens/<str:key>/revoke/", token_views.token_revoke_view, name="token-revoke"),
    *_dhis2(),
]
