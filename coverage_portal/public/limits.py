"""A per-address request budget for the public page, kept in the shared cache."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _


def rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """429 once an address has asked PUBLIC_RATE_PER_MINUTE times this minute.

    The address is REMOTE_ADDR: behind a proxy that is the proxy's, so the proxy must set
    it from the client (gunicorn's forwarded-allow-ips), not a header anyone can forge.
    """

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        minute = timezone.now().strftime("%Y%m%d%H%M")
        key = f"public:rate:{request.META.get('REMOTE_ADDR', '')}:{minute}"
        cache.add(key, 0, 61)
        try:
            seen = cache.incr(key)
        except ValueError:  # expired between add and incr
            seen = 1
        if seen > settings.PUBLIC_RATE_PER_MINUTE:
            response = HttpResponse(
                _("Too many requests; please wait a minute."), status=429, content_type="text/plain"
            )
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return limited
