"""/api/: the versioned resources, the exchange endpoints, the schema, the docs, the tokens."""

from django.contrib.auth.decorators import login_required
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from coverage_portal.api import (
    adx,
    agreements,
    counts,
    coverage,
    dhis2,
    errors,
    records,
    regions,
    reports,
    token_views,
    workforce,
)

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

v1: list[URLPattern | URLResolver] = [
    path("counts/", counts.CountListView.as_view(), name="counts"),
    path("counts/bulk/", counts.CountBulkView.as_view(), name="counts-bulk"),
    path("coverage/", coverage.CoverageListView.as_view(), name="coverage"),
    # DHIS2 and IHE name these without a trailing slash; clients expect them so.
    path("dataValueSets", dhis2.DataValueSetView.as_view(), name="data-value-sets"),
    path("adx", adx.AdxView.as_view(), name="adx"),
    path("", include(router.urls)),
    # Anything else under /api/v1/ answers in the API's own error shape, not an HTML page.
    re_path(r"^.*$", errors.not_found),
]

app_name = "api"
urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
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
]
