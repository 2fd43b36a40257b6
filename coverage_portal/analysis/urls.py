from django.urls import path

from coverage_portal.analysis import views

app_name = "analysis"
urlpatterns = [
    path("pivot/", views.pivot, name="pivot"),
    path("pivot.csv", views.pivot_csv, name="pivot-csv"),
    path("pivot.xlsx", views.pivot_xlsx, name="pivot-xlsx"),
]
urlpatterns += [
    path("pelaporan/", views.reporting_rates, name="reporting"),
    path("pelaporan.csv", views.reporting_csv, name="reporting-csv"),
]
urlpatterns += [
    path("infografik/<str:code>.png", views.infographic, name="infographic"),
]
