"""Formset rows added on the page, with a fallback for browsers without JavaScript.

With JavaScript, "Add a row" clones the formset's empty form in the browser. Without it the
same button submits the form with `add=<prefix>`; the view then shows the form again with
one more blank row and saves nothing.
"""

from __future__ import annotations

from typing import Any

from django.forms import BaseForm
from django.http import HttpRequest, QueryDict

from regions.values.numbers import read_digits


def adding_row(request: HttpRequest) -> str:
    """The prefix of the formset a no-JavaScript "Add a row" asked to grow, or ''."""
    return request.POST.get("add", "") if request.method == "POST" else ""


def with_extra_row(data: QueryDict, prefix: str) -> QueryDict:
    grown = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    count = read_digits(grown.get(key, "0"), max_digits=4)
    if count is not None:  # a tampered count: the formset reports it
        grown[key] = str(count + 1)
    return grown


def quiet(*forms: Any) -> None:
    """Adding a row is not a save: fields not yet filled in are not flagged as errors."""
    for form in forms:
        members: list[BaseForm] = list(getattr(form, "forms", [])) or [form]
        for member in members:
            member.full_clean()
            member._errors = type(member.errors)()  # type: ignore[attr-defined]
        if hasattr(form, "_non_form_errors"):
            form._non_form_errors = form.error_class()


def kept(formset: Any) -> list[Any]:
    """The rows a submitted formset keeps: filled in and not marked for deletion."""
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
