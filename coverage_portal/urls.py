from django.contrib import admin
from django.urls import include, path

from coverage_portal import views
from coverage_portal.password_reset import ThrottledPasswordResetView

admin.site.site_header = "Coverage Portal"
admin.site.site_title = "Coverage Portal"
# A database outage answers 503 with a friendly page, any other failure a plain 500 page.
handler500 = "coverage_portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "accounts/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("dasbor/", include("coverage_portal.dashboards.urls")),
    path("analisis/", include("coverage_portal.analysis.urls")),
    path("laporan/", include("participants.urls")),
    path("cakupan/", include("participants.coverage.urls")),
    path("kesepakatan/", include("agreements.urls")),
    path("api/", include("coverage_portal.api.urls")),
    path("publik/", include("coverage_portal.public.urls")),
    path("", include("coverage_portal.home.urls")),
    path("", include("regions.urls")),
]
