"""How an API caller proves who they are, beside knox's `Token <t>` and the session:

- `Authorization: ApiToken <t>`: DHIS2's personal access token header, backed by the same
  knox tokens, so a DHIS2 client configured with a portal token connects unchanged.
- HTTP Basic (username and password), as DHIS2 clients use by default: checked through
  Django's authenticate, so django-axes counts every failure and locks out as at the login
  page; refused over plain HTTP wherever the site itself is HTTPS-only (production).

Imported by DRF's settings: nothing here may import rest_framework.views.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication, get_authorization_header
from rest_framework.request import Request


class ApiTokenAuthentication(TokenAuthentication):
    """knox tokens sent the DHIS2 way: `Authorization: ApiToken <t>`."""

    def authenticate(self, request: Request) -> Any:
        auth = get_authorization_header(request).split()
        if len(auth) != 2 or auth[0].lower() != b"apitoken":
            return None
        return self.authenticate_credentials(auth[1])

    def authenticate_header(self, request: Request) -> str:
        return "ApiToken"


class AxesBasicAuthentication(BasicAuthentication):
    """HTTP Basic through Django's authenticate (so django-axes counts and locks out)."""

    www_authenticate_realm = "Coverage Portal API"

    def authenticate(self, request: Request) -> Any:
        if get_authorization_header(request)[:6].lower() != b"basic ":
            return None
        if getattr(settings, "SECURE_SSL_REDIRECT", False) and not request.is_secure():
            raise exceptions.AuthenticationFailed(_("Send a password only over HTTPS."))
        return super().authenticate(request)

    def authenticate_credentials(
        self, userid: str, password: str, request: Request | None = None
    ) -> tuple[Any, None]:
        http_request = getattr(request, "_request", request)  # axes reads the HttpRequest
        user = authenticate(request=http_request, username=userid, password=password)
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid username or password."))
        return user, None
