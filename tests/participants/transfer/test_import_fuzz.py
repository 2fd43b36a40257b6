"""Any file offered to the counts or the workforce import: never a traceback or a 500, and
nothing stored when it is refused."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participants.models import ParticipantCount, WorkforceTotal
from participants.transfer.reading import FileProblem
from participants.transfer.workforce_import import read_rows, workforce_import
from tests import hostile
from tests.participants.transfer.helpers import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PERIODS = st.one_of(st.sampled_from(["2024-05", "2022-07", "2013-12", "2999-01"]), hostile.text(12))
CODES = st.one_of(st.sampled_from(["61.71", "61.01", "35.01", "61", "91.09"]), hostile.text(12))
CATEGORIES = st.one_of(st.sampled_from(["PU", "BPU", "NON_ASN", "pu"]), hostile.text(8))
COUNT_ROW = st.tuples(PERIODS, CODES, CATEGORIES, hostile.number_text(), hostile.text(300))
WORKFORCE_ROW = st.tuples(
    hostile.year_text(),
    CODES,
    st.one_of(st.just("EMPLOYED"), hostile.text(8)),
    hostile.number_text(),
    hostile.text(600),
)


def files(rows: st.SearchStrategy, header: tuple[str, ...]) -> st.SearchStrategy[tuple[str, bytes]]:
    as_csv = st.lists(rows, min_size=1, max_size=5).map(lambda r: ("f.csv", csv_bytes(r, header)))
    as_xlsx = st.lists(rows, min_size=1, max_size=3).map(lambda r: ("f.xlsx", _xlsx(r, header)))
    junk = st.tuples(st.sampled_from(["f.csv", "f.xlsx", "f.txt"]), st.binary(max_size=300))
    return st.one_of(as_csv, as_xlsx, junk)


def _xlsx(rows: list, header: tuple[str, ...]) -> bytes:
    # openpyxl itself refuses control characters in cells; such a workbook cannot be made.
    clean = [[hostile_free(c) for c in row] for row in rows]
    return xlsx_bytes(clean, header)


def hostile_free(value: str) -> str:
    return "".join(ch for ch in value if ch >= " " or ch in "\t\n")


COUNT_HEADER = ("period", "region_code", "category", "active_participants", "no_data_reason")
WORKFORCE_HEADER = ("year", "region_code", "kind", "value", "source")


@FUZZ
@given(upload=files(COUNT_ROW, COUNT_HEADER))
def test_any_counts_file_is_checked_without_a_server_error(client, kalbar_officer, upload):
    client.force_login(kalbar_officer)
    name, data = upload
    hostile.tried()

    preview = client.post(
        reverse("participants:import-preview"), {"file": SimpleUploadedFile(name, data)}
    )
    assert not hostile.server_error(preview.status_code)
    token = preview.context.get("confirm") and preview.context["confirm"].initial.get("token")
    report = preview.context.get("report")
    if report is not None and report.ok and token:
        applied = client.post(
            reverse("participants:import-apply"), {"token": token, "acknowledge": "on"}
        )
        assert not hostile.server_error(applied.status_code)
    else:
        assert not hostile.refused_yet_stored(0, ParticipantCount.objects.count())


@FUZZ
@given(upload=files(WORKFORCE_ROW, WORKFORCE_HEADER))
def test_any_workforce_file_is_checked_without_a_traceback(upload):
    name, data = upload
    before = WorkforceTotal.objects.count()
    hostile.tried()
    try:
        report = workforce_import(rows=read_rows(io.BytesIO(data), name))
    except FileProblem:
        assert not hostile.refused_yet_stored(before, WorkforceTotal.objects.count())
        return
    if report.errors:
        assert not hostile.refused_yet_stored(before, WorkforceTotal.objects.count())
    else:
        assert report.applied
