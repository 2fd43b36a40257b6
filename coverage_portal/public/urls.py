from django.urls import path

from coverage_portal.public import views

app_name = "public"
urlpatterns = [
    path("", views.page, name="page"),
    path("data.csv", views.data_csv, name="csv"),
    path("data.json", views.data_json, name="json"),
    path("data-all.csv", views.data_all_csv, name="all-csv"),
    path("datapackage.json", views.datapackage_json, name="datapackage"),
    path("dcat.json", views.dcat_json, name="dcat"),
]
