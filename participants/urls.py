from django.urls import URLPattern, URLResolver

from participants.urls_transfer import urlpatterns as transfer_urlpatterns

app_name = "participants"
urlpatterns: list[URLPattern | URLResolver] = [*transfer_urlpatterns]
