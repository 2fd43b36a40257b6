from django.urls import URLPattern, URLResolver, path

from participants.transfer import views

# Import/export pages, included by participants/urls.py under /laporan/.
urlpatterns: list[URLPattern | URLResolver] = [
    path("impor/", views.import_upload, name="import-upload"),
    path("impor/pratinjau/", views.import_preview, name="import-preview"),
    path("impor/terapkan/", views.import_apply, name="import-apply"),
    path("impor/templat/", views.import_template, name="import-template"),
    path("ekspor/", views.export_counts, name="export"),
]
