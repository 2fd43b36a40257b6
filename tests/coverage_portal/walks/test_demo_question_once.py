"""Whether the portal holds demo data is asked at most once per page.

Every signed-in page shows the demo badge, and the province dashboard also explains its
figures against the published ones when the data is the demo's: both read one answer. The
pages are a sample of each kind (dashboards, analysis, entry, agreements, public), as a
national administrator and as a provincial officer, with demo data present.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participants.demo.counts import DEMO_MARK
from participants.models import MonthlyReport, ReportEvent
from tests.coverage_portal.factories import total_row
from tests.participants.factories import MonthlyReportFactory

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)
PAGES = [
    "/",
    "/dasbor/",
    "/dasbor/provinsi/61/",
    "/dasbor/provinsi/61/laporan/",
    "/dasbor/kabupaten/61.71/",
    "/dasbor/kelengkapan/",
    "/dasbor/skor/",
    "/cakupan/",
    "/cakupan/61/",
    "/analisis/pivot/",
    "/analisis/pelaporan/",
    "/laporan/",
    "/laporan/61/2022-12/",
    "/laporan/aturan/hasil/",
    "/laporan/tindak-lanjut/",
    "/laporan/pencilan/",
    "/laporan/impor/",
    "/laporan/ekspor/",
    "/kesepakatan/",
    "/notifikasi/",
    "/publik/",
]


@pytest.fixture
def demo_present(db):
    for code in ("ID", "61", "61.71"):
        total_row(code, DEC, 632_494, regencies_reported=1)
    report: MonthlyReport = MonthlyReportFactory.create(period=DEC)
    ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.SUBMITTED, at=timezone.now(), comment=DEMO_MARK
    )


def demo_questions(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    asked = [q for q in queries.captured_queries if f"'{DEMO_MARK}'" in q["sql"]]
    return response.status_code, len(asked)


@pytest.mark.parametrize("who", ["national_admin", "kalbar_officer"])
def test_every_sampled_page_asks_at_most_once(client, request, demo_present, who):
    client.force_login(request.getfixturevalue(who))
    answers = {url: demo_questions(client, url) for url in PAGES}
    assert all(status == 200 for status, _asked in answers.values()), answers
    assert {url: asked for url, (_status, asked) in answers.items() if asked > 1} == {}
    assert answers["/dasbor/provinsi/61/"][1] == 1  # asked, and its answer shown
    assert 'data-testid="demo-badge"' in client.get("/dasbor/provinsi/61/").content.decode()
