from django.urls import path

from participants.coverage import views as views_coverage

app_name = "coverage"
urlpatterns = [
    path("", views_coverage.national, name="national"),
    path("<str:code>/", views_coverage.province, name="province"),
]
