"""National map → province → regency in a real browser, with screenshots of each page."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.utils import timezone

from participants.kernel.periods import add_months
from participants.models import Category, CoverageRow, WorkforceKind
from regions.models import Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD

LAST = dt.date(2024, 6, 1)


@pytest.fixture
def two_years_of_figures():
    """Every current province and Kalbar's regencies for 24 months; Maluku Utara unknown."""
    rng, now = random.Random(3), timezone.now()
    employed = seeded_kind()
    categories = seeded_categories()
    current = Region.objects.defer("boundary").current()
    regions = [*current.exclude(level="regency"), *current.filter(parent__code="61")]
    rows = []
    for region in regions:
        base = rng.randint(100_000, 3_000_000) // (14 if region.level == "regency" else 1)
        workforce = int(base * rng.uniform(1.8, 9))
        if region.level == "national":
            base, workforce = 41_000_000, 140_000_000
        known = region.code not in ("82", "61.02", "61.71")  # Maluku Utara, two regencies
        for back in range(24):
            period, participants = add_months(LAST, -back), int(base * (1 - back * 0.008))
            rows.append(
                CoverageRow(
                    region=region, level=region.level, period=period, participants=participants,
                    denominator_kind=employed if known else None,
                    denominator_value=workforce if known else None,
                    denominator_year=period.year if known else None,
                    coverage_percent=Decimal(participants * 100) / workforce if known else None,
                    regencies_reported=1, regencies_expected=1, all_approved=True, computed_at=now,
                )
            )  # fmt: skip
        for category, share in categories:
            rows.append(CoverageRow(region=region, level=region.level, period=LAST,
                                    category=category, participants=int(base * share),
                                    computed_at=now))  # fmt: skip
    CoverageRow.objects.bulk_create(rows)


def seeded_kind():
    """A live-server test flushes the tables, seeded rows included: put back what we use."""
    kind, _ = WorkforceKind.objects.get_or_create(
        code="EMPLOYED", defaults={"name_id": "Penduduk bekerja", "name_en": "Employed"}
    )
    return kind


def seeded_categories():
    shares = {"PU": (10, 0.6), "BPU": (20, 0.15), "JAKON": (30, 0.2), "PMI": (40, 0.05)}
    return [
        (
            Category.objects.get_or_create(
                code=code, defaults={"name_id": code, "name_en": code, "order": order}
            )[0],
            share,
        )
        for code, (order, share) in shares.items()
    ]


def wait_for_map(page):
    # A function, not an expression: the portal's CSP forbids the eval Playwright uses for one.
    page.wait_for_function(
        "() => Number(document.querySelector('#map')?.dataset.features) > 0", timeout=60_000
    )


def test_national_map_to_province_to_regency(page, make_user, two_years_of_figures):
    viewer = make_user(Role.VIEWER, username="pemantau.nasional")
    log_in(page, viewer.username, PASSWORD)
    page.goto("/dasbor/")
    wait_for_map(page)
    assert page.locator("#map path[data-code]").count() == 38
    assert page.get_by_test_id("total-participants").inner_text() == "41.000.000"
    page.locator("canvas#trend-chart").wait_for()
    screenshot(page, "dashboards-national")

    page.locator('#map path[data-code="61"]').hover()
    assert "Kalimantan Barat" in page.locator(".leaflet-tooltip").inner_text()
    page.locator('#map path[data-code="61"]').click()
    page.wait_for_url("**/dasbor/provinsi/61/**")
    wait_for_map(page)
    assert page.locator("#map path[data-code]").count() == 14
    assert "Kota Pontianak" in page.get_by_test_id("regencies").inner_text()
    screenshot(page, "dashboards-province-61")
    page.get_by_test_id("report-link").click()
    assert page.locator("[data-testid=report-map] path").count() == 14
    page.emulate_media(media="print")
    screenshot(page, "dashboards-report-61-print")
    page.emulate_media(media="screen")
    page.go_back()
    wait_for_map(page)

    page.get_by_test_id("regencies").get_by_role("link", name="Kota Pontianak").click()
    page.wait_for_url("**/dasbor/kabupaten/61.71/**")
    page.locator("canvas#trend-chart").wait_for()
    assert page.get_by_test_id("total-coverage").inner_text().strip() in (
        "tidak ada data",
        "no data",
    )
    screenshot(page, "dashboards-regency-61-71")
    assert page.console_errors == []


def test_month_selector_swaps_the_dashboard_in_place(page, make_user, two_years_of_figures):
    viewer = make_user(Role.VIEWER)
    log_in(page, viewer.username, PASSWORD)
    page.goto("/dasbor/")
    wait_for_map(page)
    before = page.get_by_test_id("total-participants").inner_text()
    page.select_option("#id_bulan", "2023-06")
    page.wait_for_timeout(200)
    assert page.get_by_test_id("total-participants").inner_text() == before  # not on choosing
    page.get_by_test_id("period-show").click()
    page.wait_for_url("**bulan=2023-06")
    wait_for_map(page)
    assert page.get_by_test_id("total-participants").inner_text() != before
    assert page.console_errors == []


def test_a_region_name_with_markup_shows_as_text_in_the_map_tooltip(
    page, make_user, two_years_of_figures
):
    """Stored script: a name holding HTML must reach the tooltip as text, never as markup."""
    from regions.models import Region

    Region.objects.filter(code="61").update(name='<img src=x id="injected">Kalbar')
    viewer = make_user(Role.VIEWER)
    log_in(page, viewer.username, PASSWORD)
    page.goto("/dasbor/")
    wait_for_map(page)
    page.locator('#map path[data-code="61"]').hover()
    tooltip = page.locator(".leaflet-tooltip")
    assert '<img src=x id="injected">Kalbar' in tooltip.inner_text()
    assert page.locator("#injected").count() == 0
