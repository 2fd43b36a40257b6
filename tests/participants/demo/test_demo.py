"""Demo counts: calibrated to the published figures, complete, plausible and idempotent."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from django.db.models import F, OuterRef, Subquery, Sum
from django.http import HttpRequest

from participants.demo import counts as demo
from participants.demo.calibration import REFERENCE_CSV, apportion
from participants.models import MonthlyReport, ParticipantCount, ReportEvent
from regions.models import Region

DEC_2022 = dt.date(2022, 12, 1)
DEC_2023 = dt.date(2023, 12, 1)
LAST = dt.date(2024, 1, 1)
TOP_LEVEL = ("PU", "BPU", "JAKON", "PMI")
# Domain brief: national Dec 2023 by segment; Kalimantan Barat Dec 2022 (published figures).
NATIONAL_SEGMENTS_2023 = {"PU": 25_000_000, "BPU": 9_190_000, "JAKON": 7_360_000}
KALBAR_2022 = {"PU": 385_004, "BPU": 98_541, "JAKON": 149_949}


@pytest.fixture
def seeded(db) -> demo.SeedResult:
    return demo.seed(first=DEC_2022, last=LAST)


def published_2023() -> dict[str, int]:
    with REFERENCE_CSV.open(encoding="utf-8") as handle:
        return {r["region_code"]: int(r["value"]) for r in csv.DictReader(handle)}


def totals(period: dt.date, by: str) -> dict[str, int]:
    counts = ParticipantCount.objects.filter(period=period, category__parent__isnull=True)
    rows = counts.values(by).annotate(total=Sum("active_participants"))
    return {row[by]: row["total"] for row in rows}


def test_each_published_province_total_for_december_2023_is_met_exactly(seeded):
    published = published_2023()
    by_province = totals(DEC_2023, "region__parent__code")

    for code, value in published.items():
        if code != "ID":
            assert by_province[code] == value, code
    assert sum(by_province.values()) == published["ID"]


def test_national_segments_are_near_the_published_split(seeded):
    by_segment = totals(DEC_2023, "category__code")

    for code, value in NATIONAL_SEGMENTS_2023.items():
        assert by_segment[code] == pytest.approx(value, rel=0.02)


def test_kalimantan_barat_december_2022_matches_published_segments(seeded):
    kalbar = ParticipantCount.objects.filter(period=DEC_2022, region__parent__code="61")

    by_segment = dict(
        kalbar.values("category__code")
        .annotate(total=Sum("active_participants"))
        .values_list("category__code", "total")
    )

    assert {code: by_segment[code] for code in KALBAR_2022} == KALBAR_2022
    assert kalbar.aggregate(s=Sum("employers"))["s"] == 12_141


def test_every_regency_has_every_category_each_month(seeded):
    categories = 5
    for period in (DEC_2022, DEC_2023):
        regencies = Region.objects.regencies().valid_on(period).count()
        assert ParticipantCount.objects.filter(period=period).count() == regencies * categories


def test_non_asn_never_exceeds_pu(seeded):
    pu = ParticipantCount.objects.filter(
        category__code="PU", region=OuterRef("region"), period=OuterRef("period")
    ).values("active_participants")
    non_asn = ParticipantCount.objects.filter(category__code="NON_ASN").annotate(pu=Subquery(pu))

    assert non_asn.exists()
    assert not non_asn.filter(active_participants__gt=F("pu")).exists()


def test_past_months_are_approved_and_the_last_is_a_draft(seeded):
    reports = MonthlyReport.objects.all()

    assert set(reports.filter(period__lt=LAST).values_list("status", flat=True)) == {"approved"}
    assert set(reports.filter(period=LAST).values_list("status", flat=True)) == {"draft"}
    assert not ParticipantCount.objects.filter(period=LAST, region__parent__code="61").exists()
    assert ParticipantCount.objects.filter(period=LAST, region__parent__code="35").exists()
    assert demo.demo_data_present()
    assert demo.context(HttpRequest())["demo_data"]


def test_seeding_twice_changes_nothing(seeded):
    history = ParticipantCount.history.count()
    events = ReportEvent.objects.count()

    again = demo.seed(first=DEC_2022, last=LAST)

    assert (again.created, again.updated, again.approved) == (0, 0, 0)
    assert again.unchanged == again.cells > 0
    assert ParticipantCount.history.count() == history
    assert ReportEvent.objects.count() == events


def test_old_papua_codes_carry_the_data_before_the_split(db):
    demo.seed(first=dt.date(2022, 7, 1), last=dt.date(2022, 8, 1))
    july = set(
        ParticipantCount.objects.filter(period="2022-07-01").values_list("region__code", flat=True)
    )
    august = set(
        ParticipantCount.objects.filter(period="2022-08-01").values_list("region__code", flat=True)
    )

    assert "91.09" in july and "94.04" not in july
    assert "94.04" in august and "91.09" not in august


@pytest.mark.parametrize(
    ("total", "weights"), [(632_494, [3, 1, 1]), (10, [1, 1, 1]), (0, [2, 5]), (7, [0.1, 0.2, 0.7])]
)
def test_apportion_splits_a_total_exactly(total, weights):
    shares = apportion(total, weights)

    assert sum(shares) == total and all(s >= 0 for s in shares)
    assert max(shares) == shares[weights.index(max(weights))]


def test_no_demo_label_without_demo_data(db):
    assert not demo.demo_data_present()
    assert not demo.context(HttpRequest())["demo_data"]


def test_the_demo_follows_today_and_leaves_the_month_now_due_to_the_officer(db, viewer):
    from participants import selectors
    from participants.coverage import engine
    from participants.kernel.periods import add_months, current_period

    due = demo.month_now_due()
    before = add_months(due, -1)
    demo.seed(first=before, last=due)
    engine.recompute_stale()

    assert due == add_months(current_period(), -1)
    statuses = dict(
        MonthlyReport.objects.filter(province__code="35").values_list("period", "status")
    )
    assert statuses == {before: "approved", due: "draft"}
    assert not ParticipantCount.objects.filter(period=due, region__parent__code="61").exists()
    assert selectors.latest_complete_period(viewer) == before  # pages open on a whole month
    assert selectors.month_completeness(due).partial


@pytest.mark.django_db
def test_whether_demo_data_is_shown_is_answered_from_its_own_index():
    """Every page asks; on a portal without demo data a scan would read every report event."""
    from django.db import connection

    events = ReportEvent.objects.filter(comment=demo.DEMO_MARK)
    query = events.order_by().values("pk")[:1]  # as exists() asks it
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "reportevent_demo" in plan
