"""`/`: the signed-in user's home, their role's work first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coverage_portal.home import panels


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    template, context = panels.home(request.user)
    return render(request, template, context)
