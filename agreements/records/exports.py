"""The commitment, regulation and budget lists as spreadsheets."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from agreements.kernel.pages import table
from agreements.records.models import BudgetAllocation, Commitment, Regulation


def commitments_table(rows: Iterable[Commitment]) -> list[list]:
    return table(
        [
            (_("Region"), lambda c: c.region.name),
            (_("Kind"), lambda c: c.get_kind_display()),
            (_("What was promised"), lambda c: c.description),
            (_("Responsible institution"), lambda c: c.responsible),
            (_("Due date"), lambda c: c.due_date),
            (_("Status"), lambda c: c.get_status_display()),
            (_("Category"), lambda c: c.category_code),
            (_("Workers"), lambda c: c.workers),
            (_("Amount (Rp)"), lambda c: c.amount),
        ],
        rows,
    )


def regulations_table(rows: Iterable[Regulation]) -> list[list]:
    return table(
        [
            (_("Region"), lambda r: r.region.name),
            (_("Kind"), lambda r: r.get_kind_display()),
            (_("Number"), lambda r: r.number),
            (_("Year"), lambda r: r.year),
            (_("Title"), lambda r: r.title),
            (_("Date enacted"), lambda r: r.enacted_on),
        ],
        rows,
    )


def budgets_table(rows: Iterable[BudgetAllocation]) -> list[list]:
    return table(
        [
            (_("Region"), lambda b: b.region.name),
            (_("APBD year"), lambda b: b.year),
            (_("Category"), lambda b: b.category_code),
            (_("Group"), lambda b: b.label),
            (_("Workers to cover"), lambda b: b.workers),
            (_("Amount (Rp)"), lambda b: b.amount),
            (_("Realised (Rp)"), lambda b: b.realised),
        ],
        rows,
    )
