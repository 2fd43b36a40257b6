"""Password reset, throttled as login is: per address asked for and per client address.

Each request sends an email; without a bound anyone could flood an officer's inbox (or the
mail server's reputation) from one machine. The budgets follow login's (AXES_FAILURE_LIMIT
within AXES_COOLOFF_TIME): an address may be asked for that many times, one client four
times as many (it may serve a whole office behind one NAT), within the window.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from coverage_portal.middleware import client_ip_behind_proxy

CLIENT_FACTOR = 4


def _window_seconds() -> int:
    return max(60, int(float(settings.AXES_COOLOFF_TIME) * 3600))


def _spend(kind: str, who: str, limit: int) -> bool:
    """Count one request of `who`; False once it is over `limit` in this window."""
    window = _window_seconds()
    slot = int(timezone.now().timestamp()) // window
    digest = hashlib.sha256(who.encode("utf-8", "replace")).hexdigest()[:32]
    key = f"password-reset:{kind}:{digest}:{slot}"
    cache.add(key, 0, window + 60)
    try:
        seen = cache.incr(key)
    except ValueError:  # expired between add and incr
        seen = 1
    return seen <= limit


def _client(request: HttpRequest) -> str:
    if settings.BEHIND_PROXY:
        return client_ip_behind_proxy(request) or ""
    return str(request.META.get("REMOTE_ADDR", ""))


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        address = str(request.POST.get("email", ""))[:254].strip().lower()
        limit = settings.AXES_FAILURE_LIMIT
        client_ok = _spend("client", _client(request), limit * CLIENT_FACTOR)
        if not (client_ok and _spend("address", address, limit)):
            response = HttpResponse(
                _("Too many password reset requests; please try again later."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(_window_seconds())
            return response
        return super().post(request, *args, **kwargs)
