from django.apps import AppConfig


class CoveragePortalConfig(AppConfig):
    name = "coverage_portal"
    verbose_name = "Coverage Portal"
