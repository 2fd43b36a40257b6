from django.urls import URLPattern, URLResolver, path

from participants.transfer import views

# Import/export pages, included by participants/urls.py under /laporan/.
urlpatterns: list[URLPattern | URLResolver] = [
    path("impor/", views.import_upload, name="import-upload"),
    path("impor/pratinjau/", views.import_preview, name="import-preview"),
    path("impor/pratinjau/<str:token>/", views.import_preview_page, name="import-preview-page"),
    path("impor/terapkan/", views.import_apply, name="import-apply"),
    path("impor/batal/", views.import_cancel, name="import-cancel"),
    path("impor/templat/", views.import_template, name="import-template"),
    path("ekspor/", views.export_counts, name="export"),
]
