from django.apps import AppConfig


class CoveragePortalConfig(AppConfig):
    name = "coverage_portal"
    verbose_name = "Coverage Portal"

    def ready(self) -> None:
        from celery.signals import task_success

        from coverage_portal.health import record_recompute

        # Connected here so the web process (eager tasks) and every worker record it alike.
        task_success.connect(record_recompute, weak=False, dispatch_uid="record-recompute")
