from django.urls import URLPattern, path

from participants.followup import views

urlpatterns: list[URLPattern] = [
    path("tindak-lanjut/", views.followup_list, name="followup-list"),
    path("tindak-lanjut/tandai/", views.followup_mark, name="followup-mark"),
    path("tindak-lanjut/tutup/", views.followup_done, name="followup-close"),
]
