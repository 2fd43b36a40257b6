from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regions import selectors
from regions.models import Region


@login_required
def region_list(request: HttpRequest) -> HttpResponse:
    provinces = selectors.provinces_for(request.user)
    return render(request, "regions/region_list.html", {"provinces": provinces})


@login_required
def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    province = selectors.region_for(request.user, code, Region.Level.PROVINCE)
    regencies = selectors.regencies_for(request.user, province, include_retired=True)
    context = {
        "province": province,
        "regencies": [r for r in regencies if r.is_current],
        "retired": [r for r in regencies if not r.is_current],
    }
    return render(request, "regions/province_detail.html", context)


@login_required
def regency_detail(request: HttpRequest, code: str) -> HttpResponse:
    regency = selectors.region_for(request.user, code, Region.Level.REGENCY)
    context = {"regency": regency, "offices": selectors.offices_serving(regency)}
    return render(request, "regions/regency_detail.html", context)
