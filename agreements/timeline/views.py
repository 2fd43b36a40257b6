"""The per-region timeline page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from agreements.timeline import selectors
from regions import access
from regions.access import Action
from regions.models import Region


@login_required
def region_timeline(request: HttpRequest, code: str) -> HttpResponse:
    region = access.regions_for(request.user, Action.VIEW).filter(code=code).first()
    if region is None or region.level == Region.Level.NATIONAL:
        raise Http404
    entries = selectors.timeline_for(request.user, region)
    context = {"region": region, "entries": entries, "today": timezone.localdate()}
    return render(request, "agreements/timeline.html", context)
