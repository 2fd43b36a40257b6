from django.urls import path

from coverage_portal.home.views import home

# No namespace: the home's URL name is `home` everywhere.
urlpatterns = [path("", home, name="home")]
