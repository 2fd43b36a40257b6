"""The API's language: the caller's Accept-Language first (a script says what it reads),
then the language the person chose on the portal (its cookie), then Indonesian.

The portal's pages ignore Accept-Language on purpose (coverage_portal/middleware.py); under
/api/ an integrator's client is explicit, so it decides, and every message of one answer is
in that one language.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


class ApiLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        language = self.accepted(request) or self.chosen(request) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response

    def accepted(self, request: HttpRequest) -> str | None:
        header = request.headers.get("Accept-Language", "")[:500]
        for tag, quality in parse_accept_lang_header(header):
            base = tag.lower().split("-")[0]
            if quality > 0 and base in self.supported:
                return base
        return None

    def chosen(self, request: HttpRequest) -> str | None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        return chosen if chosen in self.supported else None
