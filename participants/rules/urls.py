from django.urls import URLPattern, path

from participants.rules import views

urlpatterns: list[URLPattern] = [
    path("aturan/", views.rule_list, name="rule-list"),
    path("aturan/hasil/", views.rule_results, name="rule-results"),
]
