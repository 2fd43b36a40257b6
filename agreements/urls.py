from django.urls import URLPattern, URLResolver, path
from django.views.generic import RedirectView

from agreements.documents import views as documents
from agreements.meetings import views as meetings
from agreements.mou import views as mou
from agreements.records import views as records
from agreements.timeline import views as timeline

app_name = "agreements"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", mou.agreement_list, name="agreement-list"),
    path("baru/", mou.agreement_edit, name="agreement-create"),
    path("<int:pk>/", mou.agreement_detail, name="agreement-detail"),
    path("<int:pk>/ubah/", mou.agreement_edit, name="agreement-edit"),
    path("<int:pk>/<str:step>/", mou.agreement_step, name="agreement-step"),
    path("komitmen/", records.commitment_list, name="commitment-list"),
    path("komitmen/baru/", records.commitment_edit, name="commitment-create"),
    path("komitmen/<int:pk>/", records.commitment_detail, name="commitment-detail"),
    path("komitmen/<int:pk>/ubah/", records.commitment_edit, name="commitment-edit"),
    path("komitmen/<int:pk>/status/", records.commitment_status, name="commitment-status"),
    path("rapat/", meetings.meeting_list, name="meeting-list"),
    path("rapat/baru/", meetings.meeting_edit, name="meeting-create"),
    path("rapat/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("rapat/<int:pk>/ubah/", meetings.meeting_edit, name="meeting-edit"),
    path("rapat/<int:pk>/kalender.ics", meetings.meeting_ics, name="meeting-ics"),
    path("tindak-lanjut/<int:pk>/selesai/", meetings.action_complete, name="action-complete"),
    path("regulasi/", records.regulation_list, name="regulation-list"),
    path("regulasi/baru/", records.regulation_edit, name="regulation-create"),
    path("regulasi/<int:pk>/", records.regulation_detail, name="regulation-detail"),
    path("regulasi/<int:pk>/ubah/", records.regulation_edit, name="regulation-edit"),
    path("anggaran/", records.budget_list, name="budget-list"),
    path("anggaran/baru/", records.budget_edit, name="budget-create"),
    path("anggaran/<int:pk>/ubah/", records.budget_edit, name="budget-edit"),
    path("dokumen/<str:owner>/<int:pk>/unggah/", documents.document_upload, name="document-upload"),
    path("dokumen/<int:pk>/", documents.document_download, name="document-download"),
    path("dokumen/<int:pk>/hapus/", documents.document_remove, name="document-delete"),
    path("wilayah/<str:code>/linimasa/", timeline.region_timeline, name="region-timeline"),
    # Notifications moved to /notifikasi/ (regions); the old address still leads there.
    path(
        "notifikasi/",
        RedirectView.as_view(pattern_name="notification-list"),
        name="notification-list",
    ),
]
