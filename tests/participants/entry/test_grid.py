"""The grid page after a save comes from the write, not a second read: it must say what a
fresh read of the same month would."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from participants.entry.forms import read_grid
from participants.entry.grid import GridPage, grid_page, grid_save
from participants.entry.selectors import grid_for
from participants.entry.services import counts_write
from participants.models import MonthlyReport
from tests.participants.conftest import DECEMBER, cell, full_month, grid_post_data

pytestmark = pytest.mark.django_db


def shown(page: GridPage) -> list[tuple[str, str, str, str, bool]]:
    return [
        (row.regency.code, c.category.code, c.text, c.reason, c.stored)
        for row in page.rows
        for c in row.cells
    ]


def test_the_page_after_a_save_is_what_a_fresh_read_shows(kalbar_officer):
    counts_write(actor=None, cells=full_month("61", base=900), source="demo")
    grid = grid_for(kalbar_officer, "61", DECEMBER)
    data = grid_post_data("61", DECEMBER, 1000, grid.report.version)
    first, second = sorted(k for k in data if k.startswith("v-"))[:2]
    # one cell left empty with a no-data reason, one changed
    data[first], data["r-" + first[2:]] = "", "belum ada data"
    data[second] = "7"
    page = grid_save(actor=kalbar_officer, grid=grid, submission=read_grid(data, grid))
    fresh = grid_page(grid_for(kalbar_officer, "61", DECEMBER))
    assert page.saved and not page.problem
    assert shown(page) == shown(fresh)
    assert (page.version, page.totals, page.province_total) == (
        fresh.version,
        fresh.totals,
        fresh.province_total,
    )
    assert page.may == fresh.may and page.step == fresh.step


def test_a_first_save_that_raced_another_shows_the_other_persons_cells(kalbar_officer):
    grid = grid_for(kalbar_officer, "61", DECEMBER)
    counts_write(actor=None, cells=[cell("61.72", "PU", 5)], source="demo")  # meanwhile
    typed = cell("61.71", "PU", 9)
    mine = {"version": "0", f"v-{typed.region_id}-{typed.category_id}": "9"}
    page = grid_save(actor=kalbar_officer, grid=grid, submission=read_grid(mine, grid))
    assert page.saved
    assert ("61.72", "PU", "5", "", True) in shown(page)
    assert page.version == MonthlyReport.objects.get().version


def test_a_viewer_cannot_save_through_the_page(viewer):
    grid = grid_for(viewer, "61", DECEMBER)
    with pytest.raises(PermissionDenied):
        grid_save(actor=viewer, grid=grid, submission=read_grid({"version": "0"}, grid))
