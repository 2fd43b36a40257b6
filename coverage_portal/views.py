from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from coverage_portal.health import health_report


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, report = health_report()
    if not sees_health_details(request):
        report = {"status": report["status"]}  # no versions, hosts or errors for strangers
    return JsonResponse(report, status=200 if healthy else 503)


LOOPBACK = {"127.0.0.1", "::1"}


def sees_health_details(request: HttpRequest) -> bool:
    """Staff, or a probe on this machine (the container's health check). A request a proxy
    forwarded also comes from 127.0.0.1, so one carrying X-Forwarded-For is not local."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    local = request.META.get("REMOTE_ADDR") in LOOPBACK
    return local and "HTTP_X_FORWARDED_FOR" not in request.META
