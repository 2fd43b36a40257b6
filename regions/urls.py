from django.urls import path

from regions import views

urlpatterns = [
    path("", views.home, name="home"),
    path("provinsi/<str:code>/", views.province_detail, name="province-detail"),
    path("kabupaten/<str:code>/", views.regency_detail, name="regency-detail"),
]
