"""The notification list (any signed-in user) and marking everything read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from regions.notifications import selectors, services


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = selectors.notifications_for(request.user)[:200]
    return render(request, "regions/notifications.html", {"notifications": notifications})


@login_required
@require_POST
def notification_read(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_read(actor=request.user)
    return redirect("notification-list")
