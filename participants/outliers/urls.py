from django.urls import URLPattern, path

from participants.outliers import views

urlpatterns: list[URLPattern] = [path("pencilan/", views.outlier_list, name="outliers")]
