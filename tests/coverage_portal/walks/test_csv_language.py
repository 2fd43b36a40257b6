"""One language per CSV: every download a person reads (/cakupan/, the dashboards' tables,
the analysis pages, outliers, agreements lists) speaks the user's language in its headers;
the grid import template an officer fills in speaks it too (labels, instructions, sheet name);
the machine formats (the counts export, the open data, DHIS2's dataValueSets) keep one
documented set of English identifiers whatever the language, and nothing localised leaks
into DHIS2's wire format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from participants.coverage import engine
from tests.coverage_portal.api.conftest import token_client
from tests.coverage_portal.walks.test_unknown_never_zero import _fresh_public_cache  # noqa: F401
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
BULAN = "2022-12"
ENGLISH = {"region", "province", "category", "month", "participants", "coverage", "code",
           "name", "year", "deadline", "submitted", "approved", "late", "missing", "rate",
           "expected", "reported", "regency", "city", "value", "change", "note", "rank",
           "denominator", "completeness", "period", "title", "date", "office", "budget",
           "reason", "unknown", "partial", "last"}  # fmt: skip
INDONESIAN = {"wilayah", "provinsi", "kategori", "bulan", "peserta", "cakupan", "kode", "nama",
              "tahun", "tenggat", "diajukan", "disetujui", "terlambat", "kabupaten", "kota",
              "nilai", "perubahan", "catatan", "penyebut", "kelengkapan", "peringkat",
              "periode", "judul", "tanggal", "kantor", "anggaran", "alasan", "lalu"}  # fmt: skip
HUMAN = [
    ("coverage:national", [], {"period": BULAN, "format": "csv"}),
    ("coverage:province", ["61"], {"period": BULAN, "format": "csv"}),
    *[
        ("dashboards:export", [table, "csv"], {"bulan": BULAN, "wilayah": region})
        for table, region in (
            ("peringkat", ""),
            ("kabupaten", "61"),
            ("kategori", "61"),
            ("tren", "61"),
            ("kelengkapan", ""),
            ("skor", ""),
        )
    ],
    ("analysis:pivot-csv", [], {}),
    ("analysis:reporting-csv", [], {}),
    ("participants:outliers", [], {"dari": "2022-06", "bulan": BULAN, "format": "csv"}),
    *[
        (f"agreements:{name}", [], {"format": "csv"})
        for name in (
            "agreement-list",
            "meeting-list",
            "commitment-list",
            "regulation-list",
            "budget-list",
        )
    ],
]
MACHINE: list[tuple[str, list[str], dict[str, str]]] = [
    ("participants:export", [], {"province": "61", "period": BULAN, "format": "csv"}),
    ("public:csv", [], {"bulan": BULAN}),
    ("public:all-csv", [], {}),
]


@pytest.fixture
def a_month():
    put_workforce("61", 2022, 1_830_662)
    put_counts("61", dt.date(2022, 12, 1), {"61.71": {"PU": 385_004, "BPU": 98_541}}, "approved")
    engine.recompute_stale()


def _body(response) -> str:
    return (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8-sig")


def _header(client, name: str, args: list[str], params: dict[str, str]) -> list[str]:
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200, (name, args, response.status_code)
    body = _body(response)
    rows = [r for r in csv.reader(io.StringIO(body)) if sum(1 for v in r if v) > 1]
    return rows[0]


def _words(header: list[str]) -> set[str]:
    return {w for cell in header for w in re.findall(r"[a-z]+", cell.lower())}


def test_every_download_people_read_speaks_one_language(client, national_admin, a_month):
    client.force_login(national_admin)
    for language, foreign in (("id", ENGLISH), ("en", INDONESIAN)):
        client.cookies["django_language"] = language
        for name, args, params in HUMAN:
            header = _header(client, name, args, params)
            assert not _words(header) & foreign, (language, name, args, header)


def test_machine_formats_keep_their_identifiers_in_every_language(client, national_admin, a_month):
    client.force_login(national_admin)
    seen: dict[str, list[str]] = {}
    for language in ("id", "en"):
        client.cookies["django_language"] = language
        for name, args, params in MACHINE:
            header = _header(client, name, args, params)
            assert all(re.fullmatch(r"[a-z][a-z0-9_]*", cell) for cell in header), header
            assert seen.setdefault(name, header) == header, (language, name)


def test_the_grid_template_speaks_the_users_language(client, kalbar_officer):
    client.force_login(kalbar_officer)
    template = reverse("participants:import-template")
    params = {"province": "61", "period": BULAN, "shape": "grid"}
    for language, foreign, title in (
        ("id", ENGLISH, "Jumlah peserta 2022-12"),
        ("en", INDONESIAN, "Participant counts 2022-12"),
    ):
        client.cookies["django_language"] = language
        csv_text = _body(client.get(template, params | {"format": "csv"}))
        table = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
        sheet = load_workbook(io.BytesIO(client.get(template, params | {"format": "xlsx"}).content))
        xlsx = [list(row) for row in sheet.active.iter_rows(max_row=4, values_only=True)]
        # The month, province and instruction labels and the column headers (not region names).
        labels = [table[0][0], table[1][0], table[2][0], *table[3]]
        assert not _words(labels) & foreign, (language, labels)
        assert [row[0] for row in xlsx] == [row[0] for row in table[:4]]
        assert [c for c in xlsx[3] if c] == table[3]
        assert sheet.active.title == title


def test_dhis2_data_value_sets_csv_is_the_same_bytes_in_every_language(national_admin, a_month):
    client = token_client(national_admin)
    bodies = {}
    for language in ("id", "en"):
        client.cookies["django_language"] = language
        response = client.get(
            "/api/dataValueSets.csv",
            {"orgUnit": "61", "period": BULAN.replace("-", ""), "children": "true"},
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert response.status_code == 200, response.content[:300]
        bodies[language] = _body(response)
    header, *rows = list(csv.reader(io.StringIO(bodies["id"])))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", cell) for cell in header), header
    assert rows and bodies["id"] == bodies["en"]
    assert not _words([c for row in rows for c in row]) & (INDONESIAN | ENGLISH) - {"value"}
