from django.urls import URLPattern, URLResolver

# Import/export pages (issue 3), included by participants/urls.py.
urlpatterns: list[URLPattern | URLResolver] = []
