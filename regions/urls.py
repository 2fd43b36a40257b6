from django.urls import path

from regions import views
from regions.notifications import views as notification_views

urlpatterns = [
    path("wilayah/", views.region_list, name="region-list"),
    path("provinsi/<str:code>/", views.province_detail, name="province-detail"),
    path("kabupaten/<str:code>/", views.regency_detail, name="regency-detail"),
    path("notifikasi/", notification_views.notification_list, name="notification-list"),
    path("notifikasi/dibaca/", notification_views.notification_read, name="notification-read"),
]
