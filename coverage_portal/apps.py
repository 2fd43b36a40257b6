from django.apps import AppConfig


class CoveragePortalConfig(AppConfig):
    name = "coverage_portal"
    verbose_name = "Coverage Portal"

    def ready(self) -> None:
        from celery.signals import task_success
        from django.core.signals import request_finished

        from coverage_portal.health import record_recompute
        from coverage_portal.middleware import forget_request_id

        # Connected here so the web process (eager tasks) and every worker record it alike.
        task_success.connect(record_recompute, weak=False, dispatch_uid="record-recompute")
        request_finished.connect(forget_request_id, dispatch_uid="forget-request-id")
