"""counts_write: all or nothing, set-based, audited, versioned, stale-marking."""

from __future__ import annotations

import pytest

from participants.entry.services import counts_write
from participants.models import MonthlyReport, ParticipantCount, ReportEvent, StaleBucket
from tests.participants.conftest import DECEMBER, cell, full_month

pytestmark = pytest.mark.django_db


def test_officer_saves_new_counts_into_a_new_draft_report(kalbar_officer):
    result = counts_write(
        actor=kalbar_officer,
        cells=[cell("61.71", "PU", 1000), cell("61.71", "BPU", 500)],
        source="web",
    )
    assert (result.applied, result.created, result.updated, result.errors) == (True, 2, 0, [])
    report = MonthlyReport.objects.get(province__code="61", period=DECEMBER)
    assert report.status == MonthlyReport.Status.DRAFT and report.version == 2
    assert ParticipantCount.objects.filter(report=report).count() == 2
    actions = list(report.events.values_list("action", "actor"))
    assert actions == [("created", kalbar_officer.pk), ("saved", kalbar_officer.pk)]
    assert StaleBucket.objects.filter(province=report.province, period=DECEMBER).exists()


def test_history_records_who_and_through_which_channel(kalbar_officer):
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web")
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1100)], source="import")
    count = ParticipantCount.objects.get(region__code="61.71", period=DECEMBER)
    history = list(count.history.order_by("history_date", "history_id"))
    assert [(h.active_participants, h.history_change_reason) for h in history] == [
        (1000, "web"),
        (1100, "import"),
    ]
    assert {h.history_user_id for h in history} == {kalbar_officer.pk}


def test_unchanged_cells_are_counted_but_not_rewritten(kalbar_officer):
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web")
    version = MonthlyReport.objects.get(province__code="61", period=DECEMBER).version
    result = counts_write(
        actor=kalbar_officer,
        cells=[cell("61.71", "PU", 1000), cell("61.72", "PU", 700)],
        source="web",
    )
    assert (result.created, result.updated, result.unchanged) == (1, 0, 1)
    count = ParticipantCount.objects.get(region__code="61.71", period=DECEMBER)
    assert count.history.count() == 1
    assert MonthlyReport.objects.get(pk=count.report_id).version == version + 1


def test_one_bad_cell_means_nothing_is_written(kalbar_officer):
    result = counts_write(
        actor=kalbar_officer,
        cells=[cell("61.71", "PU", 1000), cell("61.72", "PU", -5)],
        source="import",
    )
    assert not result.applied
    assert [(e.index, e.field) for e in result.errors] == [(1, "active_participants")]
    assert not ParticipantCount.objects.exists() and not MonthlyReport.objects.exists()


def test_dry_run_reports_what_would_happen_without_writing(kalbar_officer):
    result = counts_write(
        actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="import", dry_run=True
    )
    assert (result.applied, result.created, result.errors) == (False, 1, [])
    assert not ParticipantCount.objects.exists() and not ReportEvent.objects.exists()


def test_system_caller_without_actor_may_write_anywhere():
    result = counts_write(actor=None, cells=[cell("35.78", "PU", 1000)], source="demo")
    assert result.applied
    assert ParticipantCount.objects.get().updated_by is None


def test_sub_group_may_not_exceed_its_parent_after_the_write(kalbar_officer):
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web")
    result = counts_write(
        actor=kalbar_officer, cells=[cell("61.71", "NON_ASN", 1200)], source="web"
    )
    assert not result.applied
    assert "NON_ASN (1.200)" in result.errors[0].message
    assert "PU (1.000)" in result.errors[0].message
    lowered = counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 150)], source="web")
    assert lowered.applied


def test_no_data_with_reason_is_stored_as_such(kalbar_officer):
    result = counts_write(
        actor=kalbar_officer,
        cells=[cell("61.71", "PMI", None, no_data_reason="Data BP2MI belum tersedia")],
        source="web",
    )
    assert result.applied
    count = ParticipantCount.objects.get()
    assert count.no_data and count.active_participants is None


def test_saving_a_full_jawa_timur_month_takes_a_constant_number_of_queries(
    django_assert_max_num_queries, jatim_officer
):
    cells = full_month("35")
    assert len(cells) == 38 * 5
    # a first save also creates the report
    with django_assert_max_num_queries(6):
        result = counts_write(actor=jatim_officer, cells=cells, source="web")
    assert result.created == 190
    changed = full_month("35", base=1100)
    with django_assert_max_num_queries(4):
        result = counts_write(actor=jatim_officer, cells=changed, source="web")
    assert result.updated == 190


def test_a_month_save_reads_in_one_round_trip_and_writes_in_another(jatim_officer):
    """Savepoint, every read (the report locked first), every write, release: the reads and
    the writes each in one execute, with the audit, version and stale mark still written."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts_write(actor=jatim_officer, cells=full_month("35"), source="web")
    cells = full_month("35", base=1100)
    with CaptureQueriesContext(connection) as captured:
        result = counts_write(actor=jatim_officer, cells=cells, source="web")
    asked = [q["sql"] for q in captured.captured_queries]
    assert len(asked) == 4 and asked[0].startswith("SAVEPOINT") and "RELEASE" in asked[3]
    reads, writes = asked[1], asked[2]
    assert reads.index("FOR UPDATE") < reads.index("participants_participantcount")
    assert "participants_category" in reads and "participants_workforcetotal" in reads
    assert "participants_validationrule" in reads
    for table in ("historicalparticipantcount", "monthlyreport", "reportevent", "stalebucket"):
        assert f"participants_{table}" in writes
    report = MonthlyReport.objects.get(province__code="35", period=DECEMBER)
    assert result.updated == 190 and report.version == 3 == result.reports[0].version
    assert ParticipantCount.history.filter(history_type="~").count() == 190
    assert list(report.events.values_list("action", flat=True)) == ["created", "saved", "saved"]
    assert StaleBucket.objects.filter(province=report.province, period=DECEMBER).exists()


def test_later_save_based_on_an_old_version_is_refused_and_names_the_winner(
    kalbar_officer, make_user
):
    colleague = make_user("provincial_officer", province="61", username="sari")
    colleague.first_name, colleague.last_name = "Sari", "Wulandari"
    colleague.save()
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web")
    report = MonthlyReport.objects.get()
    seen = {report.pk: report.version}  # both open the grid at this version
    first = counts_write(
        actor=colleague, cells=[cell("61.71", "PU", 1200)], source="web", expected_versions=seen
    )
    later = counts_write(
        actor=kalbar_officer,
        cells=[cell("61.71", "PU", 1100), cell("61.72", "PU", 5)],
        source="web",
        expected_versions=seen,
    )
    assert first.applied and not later.applied
    version = next(e for e in later.errors if e.field == "version")
    assert "Sari Wulandari" in version.message
    theirs = next(e for e in later.errors if e.field == "conflict")
    assert theirs.index == 0 and "1.200" in theirs.message
    assert ParticipantCount.objects.get(region__code="61.71").active_participants == 1200
    assert not ParticipantCount.objects.filter(region__code="61.72").exists()


@pytest.mark.parametrize("small_batch", [1000, 0], ids=["arrays", "copy"])
def test_both_ways_of_sending_rows_write_the_same_counts_and_history(
    kalbar_officer, monkeypatch, small_batch
):
    from participants.entry import bulk_sql

    monkeypatch.setattr(bulk_sql, "SMALL_BATCH", small_batch)
    odd = 'Data {"belum", ada}\\ tersedia'  # what an array literal would have to quote
    first = [cell("61.71", "PU", 1000), cell("61.72", "PMI", None, no_data_reason=odd)]
    counts_write(actor=kalbar_officer, cells=first, source="web")
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1100)], source="import")
    stored = ParticipantCount.objects.order_by("region__code")
    assert [(c.active_participants, c.no_data_reason, c.no_data) for c in stored] == [
        (1100, "", False),
        (None, odd, True),
    ]
    history = ParticipantCount.history.order_by("history_id")
    assert [
        (h.active_participants, h.history_type, h.history_change_reason, h.history_user_id)
        for h in history
    ] == [
        (1000, "+", "web", kalbar_officer.pk),
        (None, "+", "web", kalbar_officer.pk),
        (1100, "~", "import", kalbar_officer.pk),
    ]
