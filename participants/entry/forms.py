"""Forms for the data-entry grid and the workflow steps.

The grid posts one text input per regency × category (`v-<region>-<category>`) and an optional
no-data reason (`r-<region>-<category>`); numbers are read the Indonesian way by parse_count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from participants.entry.selectors import CellKey, Grid
from participants.entry.services import CellInput, parse_count
from participants.kernel.periods import FIRST_PERIOD, current_period
from regions.values.numbers import read_digits


@dataclass
class GridSubmission:
    """What the officer typed, the cells to write, and the inputs that could not be read."""

    raw: dict[CellKey, tuple[str, str]] = field(default_factory=dict)
    cells: list[CellInput] = field(default_factory=list)
    errors: dict[CellKey, list[str]] = field(default_factory=dict)
    version: int = 0

    @property
    def keys(self) -> list[CellKey]:
        return [(c.region_id, c.category_id) for c in self.cells]


def read_grid(data: Any, grid: Grid) -> GridSubmission:
    """Read every cell of the grid; blank cells that were never filled are left out."""
    submission = GridSubmission(version=_int(data.get("version")))
    for regency in grid.regencies:
        for category in grid.categories:
            key = (regency.pk, category.pk)
            text = data.get(f"v-{regency.pk}-{category.pk}", "").strip()
            reason = data.get(f"r-{regency.pk}-{category.pk}", "").strip()
            submission.raw[key] = (text, reason)
            _read_cell(submission, grid, key, text, reason)
    return submission


def _read_cell(s: GridSubmission, grid: Grid, key: CellKey, text: str, reason: str) -> None:
    if not text and not reason and key not in grid.counts:
        return
    try:
        value = parse_count(text)
    except ValidationError as error:
        s.errors.setdefault(key, []).extend(error.messages)
        return
    cell = CellInput(key[0], key[1], grid.period, value, no_data_reason=reason)
    stored = grid.counts.get(key)
    if stored is not None:  # the grid edits active participants; keep the optional columns
        cell = CellInput(
            *key, grid.period, value, stored.inactive_participants, stored.employers, reason
        )
    s.cells.append(cell)


def _int(text: Any) -> int:
    return read_digits(text, max_digits=18) or 0


class SubmitForm(forms.Form):
    acknowledge_warnings = forms.BooleanField(
        label=_("I have checked the warnings and the values are correct."), required=False
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"), widget=forms.Textarea(attrs={"rows": 2})
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 2})
    )


class PeriodForm(forms.Form):
    period = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def clean_period(self) -> dt.date | None:
        period: dt.date | None = self.cleaned_data.get("period")
        if period is not None and not FIRST_PERIOD <= period <= current_period():
            raise forms.ValidationError(_("Choose a month from 2014-01 until this month."))
        return period
