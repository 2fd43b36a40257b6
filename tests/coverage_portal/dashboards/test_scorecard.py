import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from agreements.models import Agreement, BudgetAllocation, Commitment
from participants.models import Category
from regions.models import Region
from tests.coverage_portal.dashboards.helpers import table_rows, text_of
from tests.coverage_portal.factories import CoverageRowFactory, total_row

pytestmark = pytest.mark.django_db
DEC_2022 = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar_record():
    """Kalbar, December 2022: 90,36% of its target, half its non-ASN staff covered, an MoU,
    a 2022 budget, one commitment kept and one overdue, and no regional regulation."""
    kalbar = Region.objects.get(code="61")
    total_row("61", DEC_2022, 632_494, target_participants=700_000)
    total_row("35", DEC_2022, 4_100_000)
    CoverageRowFactory(
        region=kalbar, period=DEC_2022, category=Category.objects.get(code="NON_ASN"),
        participants=5_000, coverage_percent=Decimal("50"),
    )  # fmt: skip
    mou = Agreement.objects.create(
        title="Nota kesepakatan Pemprov Kalbar", region=kalbar, signed_on=dt.date(2022, 1, 10),
        valid_from=dt.date(2022, 1, 10), status=Agreement.Status.ACTIVE,
    )  # fmt: skip
    BudgetAllocation.objects.create(region=kalbar, year=2022, amount=Decimal(1_000_000_000))
    for status, due in ((Commitment.Status.DONE, dt.date(2022, 6, 1)),
                        (Commitment.Status.PLANNED, dt.date(2022, 9, 1))):  # fmt: skip
        Commitment.objects.create(
            region=kalbar, agreement=mou, kind=Commitment.Kind.BUDGET, description="APBD",
            responsible="Disnakertrans", due_date=due, status=status,
        )  # fmt: skip


def test_scorecard_ranks_provinces_by_the_published_method(client, viewer, kalbar_record):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:scorecard"), {"bulan": "2022-12"})
    rows = table_rows(response.content.decode(), "scorecards")
    # kinerja 27,11 (90,36% of 30) + 10 (50% of 20); kebijakan 15 (MoU, no regulation);
    # penerapan 10 (budget) + 5 (1 of 2 due commitments kept)
    assert rows["61"] == ["1", rows["61"][1], "37,11", "15,00", "15,00", "67,11"]
    assert rows["35"][-1] == "0,00"
    assert 'data-testid="method"' in response.content.decode()


def test_province_page_carries_its_scorecard_and_timeline(client, kalbar_officer, kalbar_record):
    client.force_login(kalbar_officer)
    html = client.get(reverse("dashboards:province", args=["61"])).content.decode()
    assert text_of(html, "score-total") == "67,11 / 100"
    assert "Nota kesepakatan Pemprov Kalbar" in html


def test_regency_ranking_within_a_province(client, kalbar_officer, kalbar_record):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:scorecard"), {"wilayah": "61"})
    assert len(table_rows(response.content.decode(), "scorecards")) == 14


def test_officer_cannot_rank_another_provinces_regencies(client, kalbar_officer, kalbar_record):
    client.force_login(kalbar_officer)
    assert client.get(reverse("dashboards:scorecard"), {"wilayah": "35"}).status_code == 404
    rows = table_rows(client.get(reverse("dashboards:scorecard")).content.decode(), "scorecards")
    assert list(rows) == ["61"]


def test_scorecard_download(client, viewer, kalbar_record):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:export", args=["skor", "csv"]))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("1,61,Kalimantan Barat,")
    assert lines[1].endswith(",67.11")


def test_scorecard_ranking_reads_agreements_in_a_fixed_number_of_queries(
    client, viewer, kalbar_record, django_assert_max_num_queries
):
    """Adding agreement records for more provinces must not add queries (no N+1)."""
    for code in ("11", "65", "74"):
        Agreement.objects.create(
            title=f"MoU {code}", region=Region.objects.get(code=code),
            signed_on=dt.date(2022, 2, 1), valid_from=dt.date(2022, 2, 1),
            status=Agreement.Status.ACTIVE,
        )  # fmt: skip
        total_row(code, DEC_2022, 1_000)
    client.force_login(viewer)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("dashboards:scorecard"), {"bulan": "2022-12"})
    rows = table_rows(response.content.decode(), "scorecards")
    assert all(rows[code][3] == "15,00" for code in ("11", "65", "74"))  # kebijakan: an MoU
