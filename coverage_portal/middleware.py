"""Request middleware: the default language, and a request id for the logs.

Bahasa Indonesia unless the user chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, which would show most
officers' English-configured browsers an English portal; the brief wants Indonesian by
default, with English only on request (the language switch sets a cookie).
"""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from coverage_portal.logging_config import request_id


class DefaultLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


# A proxy's own request id (nginx's $request_id, a load balancer's trace id) is kept so one
# id follows the request end to end; anything else could forge log lines and is replaced.
INCOMING_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
request_log = logging.getLogger("coverage_portal.request")


class RequestIdMiddleware:
    """Give every request an id: in each log line it causes, and in `X-Request-ID`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        rid = incoming if INCOMING_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        # Not reset on the way out: Django logs a 4xx/5xx answer after the middleware chain
        # has returned, and that line belongs to this request too. request_finished clears it.
        request_id.set(rid)
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = rid
        _log_request(request, response, time.perf_counter() - started)
        return response


def forget_request_id(**_kwargs: object) -> None:
    """request_finished: lines logged between requests belong to none."""
    request_id.set("-")


def _log_request(request: HttpRequest, response: HttpResponse, seconds: float) -> None:
    user = getattr(request, "user", None)
    request_log.info(
        "%s %s %s",
        request.method,
        request.path,
        response.status_code,
        extra={
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round(seconds * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None,
        },
    )


def client_ip_behind_proxy(request: HttpRequest) -> str | None:
    """The address the declared proxy saw (the last X-Forwarded-For hop), for login
    throttling; earlier hops are whatever the client chose to send."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else request.META.get("REMOTE_ADDR")
