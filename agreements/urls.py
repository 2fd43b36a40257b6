from django.urls import URLPattern, URLResolver, path
from django.views.generic import RedirectView

from agreements.meetings import views as views_meetings
from agreements.mou import views
from agreements.records import views as views_records

app_name = "agreements"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.agreement_list, name="agreement-list"),
    path("baru/", views.agreement_edit, name="agreement-create"),
    path("<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("<int:pk>/ubah/", views.agreement_edit, name="agreement-edit"),
    path("<int:pk>/<str:step>/", views.agreement_step, name="agreement-step"),
    path("komitmen/", views.commitment_list, name="commitment-list"),
    path("komitmen/baru/", views.commitment_edit, name="commitment-create"),
    path("komitmen/<int:pk>/", views.commitment_detail, name="commitment-detail"),
    path("komitmen/<int:pk>/ubah/", views.commitment_edit, name="commitment-edit"),
    path("komitmen/<int:pk>/status/", views.commitment_status, name="commitment-status"),
    path("rapat/", views_meetings.meeting_list, name="meeting-list"),
    path("rapat/baru/", views_meetings.meeting_edit, name="meeting-create"),
    path("rapat/<int:pk>/", views_meetings.meeting_detail, name="meeting-detail"),
    path("rapat/<int:pk>/ubah/", views_meetings.meeting_edit, name="meeting-edit"),
    path("rapat/<int:pk>/kalender.ics", views_meetings.meeting_ics, name="meeting-ics"),
    path("tindak-lanjut/<int:pk>/selesai/", views_meetings.action_complete, name="action-complete"),
    path("regulasi/", views_records.regulation_list, name="regulation-list"),
    path("regulasi/baru/", views_records.regulation_edit, name="regulation-create"),
    path("regulasi/<int:pk>/", views_records.regulation_detail, name="regulation-detail"),
    path("regulasi/<int:pk>/ubah/", views_records.regulation_edit, name="regulation-edit"),
    path("anggaran/", views_records.budget_list, name="budget-list"),
    path("anggaran/baru/", views_records.budget_edit, name="budget-create"),
    path("anggaran/<int:pk>/ubah/", views_records.budget_edit, name="budget-edit"),
    path(
        "dokumen/<str:owner>/<int:pk>/unggah/",
        views_records.document_upload,
        name="document-upload",
    ),
    path("dokumen/<int:pk>/", views_records.document_download, name="document-download"),
    path("dokumen/<int:pk>/hapus/", views_records.document_remove, name="document-delete"),
    path("wilayah/<str:code>/linimasa/", views_records.region_timeline, name="region-timeline"),
    # Notifications moved to /notifikasi/ (regions); the old address still leads there.
    path(
        "notifikasi/",
        RedirectView.as_view(pattern_name="notification-list"),
        name="notification-list",
    ),
]
