"""Every dimension in rows and in columns, and the region levels nested with their totals."""

from itertools import permutations

import pytest
from django.urls import reverse

from coverage_portal.analysis.pivot import choice as c
from coverage_portal.analysis.pivot.page import pivot_for
from tests.coverage_portal.analysis.test_pivot import report

pytestmark = pytest.mark.django_db
DEC_ONLY = {"dari": "2022-12", "sampai": "2022-12"}


def code_of(member):
    return member.label.rsplit("(", 1)[1].rstrip(")")


def test_region_level_rows_nest_the_nation_provinces_and_regencies(viewer, table):
    pivot = pivot_for(viewer, {"baris": "tingkat", "kolom": "kategori", "tingkat": "kabupaten",
                               **DEC_ONLY})  # fmt: skip
    codes = [code_of(r) for r in pivot.rows]
    assert codes[0] == "ID" and pivot.rows[0].depth == 0
    assert codes.index("61.71") == codes.index("61") + 1 + codes[codes.index("61") + 1 :].index(
        "61.71"
    )
    assert all(code.startswith("61.") for code in codes[codes.index("61") + 1 : codes.index("62")])
    by_code = dict(zip(codes, pivot.rows, strict=True))
    for code in ("ID", "61", "61.71"):
        assert pivot.row_totals is not None
        total = pivot.row_totals[by_code[code].key].value
        assert total == report(code, "2022-12")["participants"]["total"]
    assert pivot.column_totals is None  # the levels hold their own totals: nothing added twice
    assert pivot.value(by_code["35"], pivot.columns[0]) is None  # not reported: unknown


def test_region_level_columns_hold_the_national_total_per_category(viewer, table):
    pivot = pivot_for(viewer, {"baris": "kategori", "kolom": "tingkat", **DEC_ONLY})
    national = next(k for k in pivot.columns if code_of(k) == "ID")
    assert not any(code_of(k).startswith("61.") for k in pivot.columns)  # provinces by default
    expected = report("ID", "2022-12")["participants"]
    for row in pivot.rows:
        assert pivot.value(row, national) == expected.get(code_of(row))
    assert pivot.column_totals is not None
    assert pivot.column_totals[national.key].value == expected["total"]


def test_a_provincial_user_gets_their_province_and_its_regencies(client, kalbar_officer, table):
    client.force_login(kalbar_officer)
    response = client.get(reverse("analysis:pivot"), {"baris": "tingkat", **DEC_ONLY})
    codes = [code_of(line["member"]) for line in response.context["lines"]]
    assert codes[0] == "61" and "61.71" in codes and "ID" not in codes and "35" not in codes
    assert "900.000" not in response.content.decode()


def test_every_dimension_works_in_rows_and_in_columns(client, viewer, table):
    client.force_login(viewer)
    pairs = [
        (rows, columns)
        for rows, columns in permutations(c.DIMENSIONS, 2)
        if not {rows, columns} <= set(c.PERIOD_DIMENSIONS)
        and {rows, columns} != set(c.REGION_DIMENSIONS)
    ]
    assert len(pairs) == 34
    for rows, columns in pairs:
        query = {"baris": rows, "kolom": columns, "dari": "2022-11", "sampai": "2022-12"}
        page = client.get(reverse("analysis:pivot"), query)
        assert page.status_code == 200, query
        # The national all-categories December figure is on every one of them: a total, the
        # nation's own row or column, or the one cell every other axis narrows down to.
        assert "900.000" in page.content.decode(), query
        assert "None" not in page.content.decode(), query
        download = client.get(reverse("analysis:pivot-csv"), query)
        assert download.status_code == 200 and "900000" in download.content.decode("utf-8-sig")
