import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from regions.spreadsheets import cell_value as safe_cell
from tests.agreements.factories import ActiveAgreementFactory, MeetingFactory, region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_formula_like_text_is_neutralised(text):
    assert safe_cell(text) == "'" + text


def test_csv_export_holds_only_the_users_rows_and_no_formulas(client, kalbar_officer):
    ActiveAgreementFactory.create(title='=cmd|"/c calc"!A1')
    ActiveAgreementFactory.create(region=region("35"), title="Jatim")
    client.force_login(kalbar_officer)
    response = client.get(reverse("agreements:agreement-list"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][1] == '\'=cmd|"/c calc"!A1'


def test_xlsx_export_follows_the_filters(client, viewer):
    ActiveAgreementFactory.create(title="Satu")
    ActiveAgreementFactory.create(title="Dua", kind="pks")
    client.force_login(viewer)
    response = client.get(reverse("agreements:agreement-list"), {"format": "xlsx", "kind": "pks"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Dua"]


@pytest.mark.parametrize("name", ["meeting-list", "commitment-list", "regulation-list",
                                  "budget-list"])  # fmt: skip
def test_every_list_downloads_as_csv(client, viewer, name):
    client.force_login(viewer)
    response = client.get(reverse(f"agreements:{name}"), {"format": "csv"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_meeting_ics_carries_the_local_time_and_is_refused_to_outsiders(
    client, kolaka_staff, pontianak_staff
):
    meeting = MeetingFactory.create(
        title="Rapat KSO Kolaka Timur",
        host_region=region("74.11"),
        regions=[region("74.11")],
        starts_at=dt.datetime(2021, 10, 14, 1, 0, tzinfo=dt.UTC),
    )
    client.force_login(kolaka_staff)
    response = client.get(reverse("agreements:meeting-ics", args=[meeting.pk]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Rapat KSO Kolaka Timur"
    start = event.decoded("DTSTART")
    assert (start.hour, str(start.tzinfo)) == (9, "Asia/Makassar")
    client.force_login(pontianak_staff)
    assert client.get(reverse("agreements:meeting-ics", args=[meeting.pk])).status_code == 404
