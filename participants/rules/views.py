"""The rules in force and what the last run over history found, per province and month."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from participants.kernel.paging import filters_query
from participants.rules.evaluation import figure_text
from participants.rules.forms import PlaceMonthForm
from participants.rules.models import RuleResult
from participants.rules.selectors import rule_results_for, rules_for

PAGE_SIZE = 200


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    return render(request, "participants/rules/list.html", {"rules": rules_for(request.user)})


@login_required
def rule_results(request: HttpRequest) -> HttpResponse:
    form = PlaceMonthForm(request.user, request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    outcome = request.GET.get("hasil")
    outcomes = RuleResult.Outcome
    if outcome not in outcomes.values:
        outcome = outcomes.VIOLATED  # and the select says so
    rows = rule_results_for(
        request.user, province=data.get("wilayah"), period=data.get("bulan"), outcome=outcome
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    for result in page:
        result.left_text = figure_text(result.left_value)  # type: ignore[attr-defined]
        result.right_text = figure_text(result.right_value)  # type: ignore[attr-defined]
    context = {"form": form, "page": page, "outcomes": outcomes.choices, "outcome": outcome}
    context["query"] = filters_query(request)
    return render(request, "participants/rules/results.html", context)
