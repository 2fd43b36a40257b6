"""Request middleware: the default language, a request id for the logs, and the refusal of
input no view should see (control characters, other scripts' digits, oversized bodies).

Bahasa Indonesia unless the user chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, which would show most
officers' English-configured browsers an English portal; the brief wants Indonesian by
default, with English only on request (the language switch sets a cookie).
"""

import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _

from coverage_portal.logging_config import request_id
from regions import bounds
from regions.values.numbers import other_script_digits, read_digits


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


class PlainInputMiddleware:
    """The first door of every request: a path, a query string or a form field holding NUL
    or another control character (a form field: NUL only, as multi-line text keeps its line
    breaks and tabs), or a number, month, date or code written with another script's digits
    (free text in its own script may hold them: `other_script_digits`), is refused with a 400
    that says why, before any view, form or query sees it; a body larger than the largest
    upload with 413, before it is read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = max(bounds.REQUEST_MAX_BYTES, (settings.DOCUMENT_MAX_MB + 1) * 1024 * 1024)
        length = read_digits(request.META.get("CONTENT_LENGTH") or "0", max_digits=15)
        if length is None or length > limit:
            message = _("This request is too large: at most %(limit)s MB.")
            return refusal(request, message % {"limit": limit // (1024 * 1024)}, 413)
        problem = input_problem(request)
        return refusal(request, problem) if problem else self.get_response(request)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def input_problem(request: HttpRequest) -> str | None:
    """Why this request's path, query or form may not reach a view, or None."""
    texts = [request.path, *_pairs(request.GET.lists())]
    if bounds.SINGLE_LINE_FORBIDDEN.search("".join(texts)):
        return str(_("The address holds invisible control characters; remove them."))
    if request.method == "POST" and request.content_type in FORM_TYPES:
        if request.path.startswith("/api/"):
            # The API reads its raw body (DHIS2's formats): keep it before the form is parsed,
            # which would otherwise consume the stream (the size was bounded above).
            request.body  # noqa: B018
        try:
            texts += _pairs(request.POST.lists())
        except MultiPartParserError:
            return str(_("The form could not be read; please send it again."))
        texts += [str(getattr(upload, "name", "")) for upload in request.FILES.values()]
        if "\x00" in "".join(texts):
            return str(bounds.CONTROL_CHARACTERS)
    segments = [*request.path.split("/"), *texts[1:]]
    if any(other_script_digits(text) for text in segments):
        return str(bounds.FOREIGN_DIGITS)
    return None


def _pairs(lists: Iterable[tuple[str, list[str]]]) -> list[str]:
    return [text for key, values in lists for text in (key, *values)]


def refusal(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    """A refusal with its reason, as JSON on the API and as text elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse(api_refusal(message), status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def api_refusal(message: str) -> dict[str, object]:
    """Refused before any route is known, the body satisfies both of the API's error shapes:
    the portal's (detail, errors) and DHIS2's import summary, which its exchange doors use."""
    counts = dict.fromkeys(("imported", "updated", "ignored", "deleted"), 0)
    return {
        "detail": message,
        "errors": {},
        "status": "ERROR",
        "description": message,
        "dryRun": False,
        "importCount": counts,
        "conflicts": [],
        "warnings": [],
    }
