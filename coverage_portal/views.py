import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from coverage_portal.health import health_report

# The database is down or restarting, not a bug: the user is asked to retry shortly.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
LOOPBACK = {"127.0.0.1", "::1"}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, report = health_report(web_only=request.GET.get("part") == "web")
    if not sees_health_details(request):
        report = {"status": report["status"]}  # no versions, hosts or errors for strangers
    return JsonResponse(report, status=200 if healthy else 503)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it inside the `except` of any view or middleware failure.

    The pages are rendered without a request context: context processors read the database,
    which may be what failed.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def sees_health_details(request: HttpRequest) -> bool:
    """Staff, or a probe on this machine (the container's health check). A request a proxy
    forwarded also comes from 127.0.0.1, so one carrying X-Forwarded-For is not local."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    local = request.META.get("REMOTE_ADDR") in LOOPBACK
    return local and "HTTP_X_FORWARDED_FOR" not in request.META
