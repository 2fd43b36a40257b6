"""The coverage table's body rows, written in Python: every kind of cell as the template wrote
it, in Indonesian and English, every name escaped, an unknown figure a dash and never 0."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from participants.coverage.table_html import body_rows
from participants.coverage.tables import coverage_table
from participants.models import Category, MonthlyReport
from regions.models import Region
from tests.coverage_portal.factories import CoverageRowFactory, MonthlyReportFactory, total_row

pytestmark = pytest.mark.django_db
NOV, DEC = dt.date(2022, 11, 1), dt.date(2022, 12, 1)
DEC_2021 = dt.date(2021, 12, 1)


def rows(user, language: str = "id", parent: str | None = None) -> str:
    """The body rows of December 2022's table as `user` sees it in `language`."""
    with translation.override(language):
        region = Region.objects.get(code=parent) if parent else None
        return str(body_rows(coverage_table(user, period=DEC, parent=region)))


def cells(html: str, code: str) -> list[str]:
    """What each cell of a region's row holds: name, categories…, total, coverage, vs last
    month, vs last year, target progress, reported, approved."""
    row = re.search(rf'<tr data-region="{re.escape(code)}">(.*?)</tr>', html)
    assert row, html
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))


def approved(code: str = "61", period: dt.date = DEC) -> None:
    MonthlyReportFactory(
        province=Region.objects.get(code=code), period=period, status=MonthlyReport.Status.APPROVED
    )


def category(code: str, category: str, participants: int | None, **extra) -> None:
    """A category's row of December 2022; None participants with no regency reported."""
    if participants is None:
        extra.setdefault("regencies_reported", 0)
    CoverageRowFactory(
        region=Region.objects.get(code=code),
        period=DEC,
        category=Category.objects.get(code=category),
        participants=participants,
        **extra,
    )


def nationally(category_code: str) -> None:
    """Some region had a figure for the category this month: it is collected."""
    category("ID", category_code, 1_000)


def not_reported(code: str) -> None:
    total_row(code, DEC, None, regencies_reported=0, all_approved=False)
    category(code, "PU", None)


def test_a_reported_province_in_indonesian_formats_with_a_link_to_its_regencies(viewer):
    approved()
    fourteen = {"regencies_reported": 14, "regencies_expected": 14}
    total_row("61", DEC, 632_494, denominator=1_830_662, **fourteen)
    category("61", "PU", 385_004, **fourteen)

    name, pu, *rest = cells(rows(viewer), "61")

    url = reverse("coverage:province", args=["61"])
    assert name == f'<a href="{url}?period=2022-12">Kalimantan Barat</a>'
    assert pu == "385.004"
    # total, coverage, no month to compare with, no target, reported, approved
    assert rest == ["632.494", "34,55%", "–", "–", "–", "14/14", "✓"]


def test_a_regency_is_named_without_a_link_in_its_provinces_table(viewer):
    total_row("61.71", DEC, 1_234, regencies_reported=1)

    name, *_rest = cells(rows(viewer, parent="61"), "61.71")

    assert name == Region.objects.get(code="61.71").name


@pytest.mark.parametrize("language, words", [("id", "belum melapor"), ("en", "not reported")])
def test_a_province_without_figures_shows_not_reported_and_dashes_never_0(viewer, language, words):
    not_reported("61")

    _name, pu, total, coverage, *rest = cells(rows(viewer, language), "61")

    assert pu == (
        f'<span class="nodata" data-testid="unknown" title="{words}">–</span>'
        f'<br><small class="nodata">{words}</small>'
    )
    assert total == f'<span class="nodata" data-testid="not-reported">{words}</span>'
    # no coverage, no change, no progress, no regency reported, not approved
    assert [coverage, *rest] == ["–", "–", "–", "–", "0/1", "–"]


@pytest.mark.parametrize(
    "language, not_collected, not_yet, without",
    [
        ("id", "tidak dikumpulkan", "kategori belum ada", "sebagian: tanpa Bukan Penerima Upah"),
        ("en", "not collected", "category did not exist yet", "partial: without Non-wage ("),
    ],
)
def test_a_category_without_a_figure_says_why_and_the_total_what_it_leaves_out(
    viewer, language, not_collected, not_yet, without
):
    approved()
    total_row("61", DEC, 1_000)
    category("61", "PU", 1_000)
    category("61", "BPU", None)  # another province had BPU figures: not collected here
    nationally("BPU")
    category("61", "JAKON", None)  # no region had JAKON figures this month

    _name, pu, bpu, jakon, *_rest, reported, _approval = cells(rows(viewer, language), "61")

    assert pu == "1.000"
    assert bpu == (
        f'<span class="nodata" data-testid="unknown" title="{not_collected}">–</span>'
        f'<br><small class="nodata">{not_collected}</small>'
    )
    assert f'title="{not_yet}">–</span>' in jakon
    assert reported.startswith('1/1<br><small class="partial-sum" data-testid="partial-sum">')
    assert without in reported


def test_a_sum_over_some_regencies_says_it_is_partial(viewer):
    approved()
    total_row("61", DEC, 1_000, regencies_reported=12, regencies_expected=14)
    category("61", "PU", 1_000, regencies_reported=12, regencies_expected=14)

    _name, pu, *_rest, reported, _approval = cells(rows(viewer, "en"), "61")

    partial = '<small class="partial-sum" data-testid="partial-sum">partial: 12 of 14 regencies'
    assert pu == f"1.000<br>{partial}</small>"
    assert reported == f"12/14<br>{partial}</small>"


def test_a_province_whose_report_is_not_in_says_so(viewer):
    MonthlyReportFactory(period=DEC, status=MonthlyReport.Status.DRAFT)
    total_row("61", DEC, 1_000)

    *_cells, reported, _approval = cells(rows(viewer, "en"), "61")

    assert reported == "1/1<br><small>report not yet submitted</small>"


def test_not_yet_approved_figures_show_a_dash(viewer):
    total_row("61", DEC, 1_000, all_approved=False)

    assert cells(rows(viewer), "61")[-1] == "–"


@pytest.mark.parametrize(
    "language, words", [("id", "struktur wilayah berubah"), ("en", "regional structure changed")]
)
def test_a_changed_structure_says_so_instead_of_a_change(viewer, language, words):
    total_row("61", DEC, 1_000, regencies_expected=2, regencies_reported=2)
    total_row("61", NOV, 900, regencies_expected=2, regencies_reported=2)
    total_row("61", DEC_2021, 1_500, regencies_expected=3, regencies_reported=3)

    *_cells, month, year, _progress, _reported, _approval = cells(rows(viewer, language), "61")

    assert month == "100"
    assert year == f'<small class="structure-change">{words}</small>'


def test_last_month_structure_change_carries_its_test_id(viewer):
    total_row("61", DEC, 1_000, regencies_expected=2, regencies_reported=2)
    total_row("61", NOV, 1_500, regencies_expected=3, regencies_reported=3)

    month = cells(rows(viewer, "en"), "61")[-5]

    assert month == (
        '<small class="structure-change" data-testid="structure-changed">'
        "regional structure changed</small>"
    )


@pytest.mark.parametrize(
    "target, november, language, shown",
    [
        (900, None, "id", "111,11% ✓"),
        (1_800, 900, "id", "55,56%<br><small>tercapai Agu 2023</small>"),
        (1_800, 900, "en", "55,56%<br><small>reached Aug 2023</small>"),
        (1_800, 1_100, "id", "55,56%<br><small>tidak tercapai dengan laju ini</small>"),
        (1_800, None, "en", "55,56%<br><small>not at this pace</small>"),
    ],
)
def test_target_progress_says_when_the_target_is_reached(viewer, target, november, language, shown):
    total_row("61", DEC, 1_000, target_participants=target)
    if november is not None:
        total_row("61", NOV, november)

    assert cells(rows(viewer, language), "61")[-3] == shown


@pytest.mark.parametrize(
    "language, words",
    [
        ("id", "Tidak ada angka cakupan bulan ini dalam cakupan wilayah Anda."),
        ("en", "No coverage figures for this month in your scope."),
    ],
)
def test_a_table_with_no_region_says_so(viewer, language, words):
    assert re.fullmatch(f'<tr><td colspan="[0-9]+">{words}</td></tr>', rows(viewer, language))


def test_the_empty_row_spans_every_column_of_the_head(client, viewer):
    client.force_login(viewer)
    html = client.get(reverse("coverage:national"), {"period": "2022-12"}).content.decode()
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert f'<td colspan="{head.count("<th")}">' in html.split("<tbody>", 1)[1]


def test_hostile_region_and_category_names_are_shown_escaped(viewer):
    Region.objects.filter(code="61").update(name='<script>alert("r")</script> & Co')
    Category.objects.create(code="EVIL", name_id="<script>alert('c')</script>", name_en="x")
    total_row("61", DEC, 1_000)
    category("61", "PU", 1_000)
    category("61", "EVIL", None)
    nationally("EVIL")

    html = rows(viewer)

    assert "<script>" not in html
    name, *_rest, reported, _approval = cells(html, "61")
    assert name.endswith(">&lt;script&gt;alert(&quot;r&quot;)&lt;/script&gt; &amp; Co</a>")
    assert "sebagian: tanpa &lt;script&gt;alert(&#x27;c&#x27;)&lt;/script&gt;" in reported


def test_the_page_shows_the_rows_in_its_table_body(client, viewer):
    Region.objects.filter(code="61").update(name="<b>Kalbar</b>")
    total_row("61", DEC, 632_494)
    client.force_login(viewer)
    client.cookies["django_language"] = "en"

    html = client.get(reverse("coverage:national"), {"period": "2022-12"}).content.decode()

    body = re.search(r"<tbody>(.*)</tbody>", html, re.S)
    assert body and body.group(1).startswith('<tr data-region="61">')
    assert "&lt;b&gt;Kalbar&lt;/b&gt;" in body.group(1) and "<b>" not in body.group(1)
    assert "632.494" in body.group(1)
