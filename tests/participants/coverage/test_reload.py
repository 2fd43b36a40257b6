import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from participants.coverage import engine as coverage
from participants.coverage.reload import INDEX_DEFINITIONS, emptied_for_reload
from participants.models import CoverageRow
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar_covered():
    put_counts("61", DEC, {"61.71": {"PU": 385_004}, "61.12": {"BPU": 98_541}})
    put_workforce("61", 2022, 1_830_662)
    coverage.recompute_stale()


def table_indexes() -> list[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(INDEX_DEFINITIONS, {"table": CoverageRow._meta.db_table})
        return sorted(cursor.fetchall())


def test_full_recompute_leaves_the_same_indexes(kalbar_covered):
    before = table_indexes()
    coverage.recompute_all()
    assert table_indexes() == before
    assert "one_coverage_row" in {name for _kind, name, _definition in before}


def test_reloaded_table_still_refuses_a_second_row_for_a_cell(kalbar_covered):
    coverage.recompute_all()
    total = CoverageRow.objects.get(region__code="61", period=DEC, category=None)
    total.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        total.save()


def test_failed_reload_keeps_every_row_and_index(kalbar_covered):
    rows, indexes = CoverageRow.objects.count(), table_indexes()
    with pytest.raises(RuntimeError), transaction.atomic(), emptied_for_reload(CoverageRow):
        assert CoverageRow.objects.count() == 0
        raise RuntimeError("worker died mid-reload")
    assert CoverageRow.objects.count() == rows > 0
    assert table_indexes() == indexes


def test_full_recompute_equals_the_incremental_result(kalbar_covered):
    fields = ["region_id", "period", "category_id", "participants", "coverage_percent"]
    incremental = set(CoverageRow.objects.values_list(*fields))
    assert len(incremental) > 1
    coverage.recompute_all()
    assert set(CoverageRow.objects.values_list(*fields)) == incremental
