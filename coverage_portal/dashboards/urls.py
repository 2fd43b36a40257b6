from django.urls import path

from coverage_portal.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("", views.national, name="national"),
    path("provinsi/<str:code>/", views.province, name="province"),
    path("kabupaten/<str:code>/", views.regency, name="regency"),
    path("peta/<str:code>.geojson", views.boundaries, name="boundaries"),
    path("ekspor/<slug:table>.<str:fmt>", views.export, name="export"),
    path("kelengkapan/", views.completeness_national, name="completeness"),
    path("kelengkapan/<str:code>/", views.completeness_province, name="completeness-province"),
    path("skor/", views.scorecards, name="scorecard"),
    path("provinsi/<str:code>/laporan/", views.report, name="report"),
    path("provinsi/<str:code>/laporan.pdf", views.report_pdf, name="report-pdf"),
]
