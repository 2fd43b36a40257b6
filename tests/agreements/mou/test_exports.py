import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from regions.spreadsheets import cell_value as safe_cell
from tests.agreements.factories import ActiveAgreementFactory, region

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
