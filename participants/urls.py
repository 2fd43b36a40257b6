from django.urls import URLPattern, URLResolver, path, re_path

from participants.entry import views
from participants.followup.urls import urlpatterns as followup_urlpatterns
from participants.outliers.urls import urlpatterns as outlier_urlpatterns
from participants.rules.urls import urlpatterns as rule_urlpatterns
from participants.transfer.urls import urlpatterns as transfer_urlpatterns

app_name = "participants"
MONTH = r"^(?P<code>[0-9]{2})/(?P<period>[0-9]{4}-[0-9]{2})/"
urlpatterns: list[URLPattern | URLResolver] = [
    *transfer_urlpatterns,
    *rule_urlpatterns,
    *followup_urlpatterns,
    *outlier_urlpatterns,
    path("", views.report_list, name="report-list"),
    re_path(rf"{MONTH}$", views.grid, name="grid"),
    re_path(rf"{MONTH}kirim/$", views.submit, name="submit"),
    re_path(rf"{MONTH}setujui/$", views.approve, name="approve"),
    re_path(rf"{MONTH}kembalikan/$", views.send_back, name="send-back"),
    re_path(rf"{MONTH}buka/$", views.reopen, name="reopen"),
    re_path(rf"{MONTH}riwayat/$", views.report_history, name="report-history"),
    re_path(
        rf"{MONTH}riwayat/(?P<regency>[0-9.]+)/(?P<category>[A-Z0-9_]+)/$",
        views.cell_history,
        name="cell-history",
    ),
]
