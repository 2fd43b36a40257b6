"""The "API tokens" page: list, create, rotate and revoke one's own tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coverage_portal.api.tokens import token_create, token_revoke, token_rotate, tokens_for


def _page(request: HttpRequest, new_token: str = "", status: int = 200) -> HttpResponse:
    context = {"tokens": tokens_for(request.user), "new_token": new_token, "now": timezone.now()}
    response = render(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the page may show a token once
    return response


@login_required
def token_page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@login_required
@require_POST
def token_new(request: HttpRequest) -> HttpResponse:
    try:
        _token, text = token_create(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("api:tokens")
    return _page(request, new_token=text, status=201)


@login_required
@require_POST
def token_rotate_view(request: HttpRequest, key: str) -> HttpResponse:
    try:
        _token, text = token_rotate(actor=request.user, key=key)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("api:tokens")
    return _page(request, new_token=text, status=201)


@login_required
@require_POST
def token_revoke_view(request: HttpRequest, key: str) -> HttpResponse:
    try:
        token_revoke(actor=request.user, key=key)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("api:tokens")
