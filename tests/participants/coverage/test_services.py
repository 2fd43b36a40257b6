import datetime as dt

import pytest
from django.urls import reverse

from participants.coverage import engine as coverage
from participants.coverage.models import Target, WorkforceTotal
from participants.coverage.services import target_save, workforce_total_save
from participants.entry.categories import category_save
from participants.models import Category, CoverageRow, StaleBucket
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)


@pytest.fixture
def computed():
    put_counts("61", DEC, {"61.71": {"PU": 100}})
    put_counts("35", DEC, {"35.74": {"PU": 50}})
    coverage.recompute_stale()


def test_workforce_change_marks_only_its_province_year(computed):
    put_workforce("61", 2022, 1000)
    total = WorkforceTotal.objects.get(region__code="61")
    workforce_total_save(total=total)
    assert set(StaleBucket.objects.values_list("province__code", "period")) == {("61", DEC)}


def test_national_workforce_change_marks_every_province(computed):
    put_workforce("ID", 2022, 10_000)
    workforce_total_save(total=WorkforceTotal.objects.get(region__code="ID"))
    assert (
        StaleBucket.objects.count()
        == CoverageRow.objects.filter(level="province", category=None, period=DEC).count()
    )


def test_workforce_history_records_who_and_the_old_value(computed, national_admin):
    put_workforce("61", 2022, 1000)
    total = WorkforceTotal.objects.get(region__code="61")
    total.value = 1200
    workforce_total_save(total=total, actor=national_admin)
    latest = total.history.latest()
    assert latest.history_user == national_admin
    assert latest.prev_record.value == 1000 and latest.value == 1200


def test_target_change_reaches_the_table(computed):
    target = Target(
        region=CoverageRow.objects.get(
            level="province", category=None, period=DEC, region__code="61"
        ).region,
        year=2022,
        participants=500,
        source="test",
    )
    target_save(target=target)
    coverage.recompute_stale()
    assert CoverageRow.objects.get(region__code="61", period=DEC, category=None).target_gap == 400


def test_retiring_a_category_keeps_its_history_in_the_table(computed):
    pu = Category.objects.get(code="PU")
    pu.is_active = False
    category_save(category=pu)
    coverage.recompute_stale()
    assert (
        CoverageRow.objects.get(region__code="61.71", period=DEC, category=pu).participants == 100
    )


def test_target_without_any_figure_is_refused():
    from django.core.exceptions import ValidationError

    from regions.models import Region

    with pytest.raises(ValidationError):
        target_save(target=Target(region=Region.objects.get(code="61"), year=2022))


def test_officer_may_not_edit_workforce_totals_in_the_admin(client, kalbar_officer, computed):
    put_workforce("61", 2022, 1000)
    total = WorkforceTotal.objects.get(region__code="61")
    client.force_login(kalbar_officer)
    url = reverse("admin:participants_workforcetotal_change", args=[total.pk])
    response = client.post(
        url,
        {"value": 1, "source": "x", "kind": total.kind_id, "region": total.region_id, "year": 2022},
    )
    assert response.status_code in (403, 200)
    total.refresh_from_db()
    assert total.value == 1000


def test_outsider_cannot_see_another_province_figures_in_the_admin(client, jatim_officer, computed):
    put_workforce("61", 2022, 1000)
    total = WorkforceTotal.objects.get(region__code="61")
    client.force_login(jatim_officer)
    url = reverse("admin:participants_workforcetotal_change", args=[total.pk])
    assert client.get(url).status_code == 403


def test_admin_saves_workforce_through_the_service(client, national_admin, computed):
    client.force_login(national_admin)
    kind = Category.objects.get(code="PU").measured_by
    region = CoverageRow.objects.get(region__code="61", period=DEC, category=None).region
    response = client.post(
        reverse("admin:participants_workforcetotal_add"),
        {"kind": kind.pk, "region": region.pk, "year": 2022, "value": 4000, "source": "BPS"},
    )
    assert response.status_code == 302
    assert StaleBucket.objects.filter(province__code="61", period=DEC).exists()


def test_retiring_a_category_in_the_admin_marks_coverage_stale(client, national_admin, computed):
    pmi = Category.objects.get(code="PMI")
    client.force_login(national_admin)
    client.post(
        reverse("admin:participants_category_changelist"),
        {"action": "retire", "_selected_action": [pmi.pk]},
    )
    pmi.refresh_from_db()
    assert not pmi.is_active
    assert StaleBucket.objects.filter(period=DEC).exists()
