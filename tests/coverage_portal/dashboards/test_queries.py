import datetime as dt
import random
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.kernel.periods import add_months
from participants.models import Category, CoverageRow, WorkforceKind
from regions.models import Region

pytestmark = pytest.mark.django_db
LAST = dt.date(2024, 6, 1)


@pytest.fixture
def two_years_of_everything():
    """Every region × 24 months, totals for all and every category for provinces and ID."""
    rng, now = random.Random(6), timezone.now()
    employed = WorkforceKind.objects.get(code="EMPLOYED")
    categories = [None, *Category.objects.all()]
    rows = []
    for region in Region.objects.defer("boundary"):
        for months_back in range(24):
            period = add_months(LAST, -months_back)
            for category in categories if region.level != "regency" else [None]:
                participants = rng.randint(1_000, 900_000)
                rows.append(
                    CoverageRow(
                        region=region, level=region.level, period=period, category=category,
                        participants=participants, denominator_kind=employed,
                        denominator_value=participants * 3, denominator_year=period.year,
                        coverage_percent=Decimal("33.3333"), computed_at=now,
                        regencies_reported=1, regencies_expected=1,
                    )
                )  # fmt: skip
    CoverageRow.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def test_national_dashboard_runs_in_a_constant_number_of_queries(
    client, viewer, two_years_of_everything, django_assert_max_num_queries
):
    assert two_years_of_everything > 18_000
    client.force_login(viewer)
    # 20: one read of which categories each month collected, so an unknown reads "not
    # collected" instead of 0, and the key of the kept page (the reports' last step, the
    # months with figures and the month shown, the newest row up to it); constant however
    # many provinces and months there are.
    with django_assert_max_num_queries(20):
        response = client.get(reverse("dashboards:national"))
    assert response.status_code == 200
    assert len(response.context["ranking"]) == 38
    assert len(response.context["trend"]) == 24


def test_province_page_queries_do_not_grow_with_its_regencies(
    client, viewer, two_years_of_everything, django_assert_max_num_queries
):
    client.force_login(viewer)
    url = reverse("dashboards:province", args=["35"])
    # 30: the page's own reads and the key of the kept page (five reads when the month
    # shown is not yet known for these months, three after).
    with django_assert_max_num_queries(30):
        response = client.get(url)
    assert len(response.context["regencies"]) == 38
    # Kept (17 while the timeline and scorecard were drawn every time): session, user,
    # scope, region, the key's three reads, the agreements' history probe, the header.
    with django_assert_max_num_queries(9):
        again = client.get(url)
    assert again.content.count(b"<tr data-code=") == response.content.count(b"<tr data-code=")
