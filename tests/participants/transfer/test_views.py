"""Upload with preview and confirm; export and template downloads, each tried by an outsider."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from participants.entry.services import counts_write
from participants.models import MonthlyReport, ParticipantCount, ReportEvent
from participants.transfer import staging
from regions.models import Region
from tests.participants.conftest import full_month
from tests.participants.transfer.helpers import csv_bytes, csv_rows, kalbar_month, xlsx_rows

UPLOAD = reverse("participants:import-upload")
PREVIEW = reverse("participants:import-preview")
APPLY = reverse("participants:import-apply")
EXPORT = reverse("participants:export")
TEMPLATE = reverse("participants:import-template")
MAY = dt.date(2024, 5, 1)


@pytest.fixture(autouse=True)
def _staging_in_tmp(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _english(client, settings) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def upload(client, data: bytes, name: str = "mei.csv", **headers):
    return client.post(PREVIEW, {"file": SimpleUploadedFile(name, data)}, **headers)


def token_of(response) -> str:
    return response.context["confirm"].initial["token"]


def test_the_upload_page_is_for_people_who_enter_data(client, kalbar_officer, viewer):
    client.force_login(kalbar_officer)
    page = client.get(UPLOAD)
    assert page.status_code == 200
    assert b"61 Kalimantan Barat" in page.content and b"35 Jawa Timur" not in page.content

    client.force_login(viewer)
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, csv_bytes(kalbar_month())).status_code == 403


def test_the_preview_speaks_indonesian_by_default(client, kalbar_officer, settings):
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    client.force_login(kalbar_officer)

    response = upload(client, csv_bytes([("2024-05", "99.99", "PU", "1")]))

    assert "Kode kabupaten/kota “99.99” tidak dikenal" in response.content.decode()
    assert '<th class="num">Baris</th>' in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(UPLOAD).status_code == 302
    assert client.get(EXPORT).status_code == 302


def test_preview_lists_errors_by_line_and_offers_no_confirm(client, kalbar_officer):
    client.force_login(kalbar_officer)
    rows = [*kalbar_month(), ("2024-05", "99.99", "PU", "1")]

    response = upload(client, csv_bytes(rows))

    assert response.status_code == 200
    assert b'data-testid="import-errors"' in response.content
    assert b">7</td>" in response.content and b"99.99" in response.content
    assert b'data-testid="confirm-form"' not in response.content
    assert not ParticipantCount.objects.exists()


def test_preview_then_confirm_writes_every_row(client, kalbar_officer):
    client.force_login(kalbar_officer)
    preview = upload(client, csv_bytes(kalbar_month()))
    assert b'data-testid="confirm-form"' in preview.content
    assert not ParticipantCount.objects.exists()

    response = client.post(APPLY, {"token": token_of(preview)}, follow=True)

    assert response.redirect_chain[-1][0] == f"{UPLOAD}?selesai=61:2024-05"
    assert ParticipantCount.objects.filter(period=MAY).count() == 5
    assert b"/laporan/61/2024-05/#workflow" in response.content
    assert "5" in next(str(m) for m in response.context["messages"])


def test_confirm_cannot_apply_a_different_file_than_the_one_previewed(client, kalbar_officer):
    client.force_login(kalbar_officer)
    token = token_of(upload(client, csv_bytes(kalbar_month())))
    staged = Path(staging._folder(kalbar_officer.pk)) / token
    staged.write_bytes(csv_bytes(kalbar_month(pu=99999)))

    response = client.post(APPLY, {"token": token}, follow=True)

    assert "no longer available" in str(next(iter(response.context["messages"])))
    assert not ParticipantCount.objects.exists()


def test_a_preview_token_is_useless_in_another_session(client, kalbar_officer, make_user):
    client.force_login(kalbar_officer)
    token = token_of(upload(client, csv_bytes(kalbar_month())))
    colleague = make_user("provincial_officer", province="61")
    client.force_login(colleague)  # a fresh session

    client.post(APPLY, {"token": token})

    assert not ParticipantCount.objects.exists()


def test_warnings_must_be_acknowledged_before_applying(client, kalbar_officer):
    client.force_login(kalbar_officer)
    client.post(APPLY, {"token": token_of(upload(client, csv_bytes(kalbar_month())))})
    june = [("2024-06", "61.71", "PU", "1000"), ("2024-06", "61.01", "PU", "0")]
    preview = upload(client, csv_bytes(june))
    assert b'data-testid="import-warnings"' in preview.content

    refused = client.post(APPLY, {"token": token_of(preview)})
    accepted = client.post(APPLY, {"token": token_of(preview), "acknowledge": "on"})

    assert refused.status_code == 400
    assert accepted.status_code == 302
    assert (
        ParticipantCount.objects.get(
            period=dt.date(2024, 6, 1), region__code="61.01"
        ).active_participants
        == 0
    )


def test_htmx_preview_returns_only_the_preview_fragment(client, kalbar_officer):
    client.force_login(kalbar_officer)

    response = upload(client, csv_bytes(kalbar_month()), headers={"HX-Request": "true"})

    assert b'data-testid="import-preview"' in response.content
    assert b"<html" not in response.content


def test_an_outsider_cannot_import_into_another_province(client, jatim_officer):
    client.force_login(jatim_officer)

    response = upload(client, csv_bytes(kalbar_month()))

    assert b'data-testid="confirm-form"' not in response.content
    assert b"import-errors" in response.content and b"may not enter data" in response.content
    assert not ParticipantCount.objects.exists()


@pytest.fixture
def kalbar_may(db) -> None:
    result = counts_write(actor=None, cells=full_month("61", MAY), source="web")
    assert result.applied


def test_officer_exports_their_province_month_as_csv(client, kalbar_officer, kalbar_may):
    client.force_login(kalbar_officer)

    response = client.get(EXPORT, {"province": "61", "period": "2024-05", "format": "csv"})

    assert response["Content-Disposition"].endswith('jumlah-peserta-61-2024-05.csv"')
    rows = csv_rows(b"".join(response.streaming_content))
    assert len(rows) == 1 + ParticipantCount.objects.filter(period=MAY).count()
    assert rows[0][:4] == ["period", "region_code", "region_name", "category"]


def test_year_export_as_xlsx(client, kalbar_officer, kalbar_may):
    client.force_login(kalbar_officer)

    response = client.get(EXPORT, {"province": "61", "year": "2024", "format": "xlsx"})

    assert response.status_code == 200
    assert len(xlsx_rows(response.content)) == 1 + ParticipantCount.objects.count()


def test_an_outsider_gets_404_for_another_provinces_export(client, jatim_officer, kalbar_may):
    client.force_login(jatim_officer)

    for fmt in ("csv", "xlsx"):
        response = client.get(EXPORT, {"province": "61", "period": "2024-05", "format": fmt})
        assert response.status_code == 404


def test_only_national_users_export_the_whole_country(
    client, kalbar_officer, national_admin, kalbar_may
):
    query = {"province": "", "year": "2024", "format": "csv"}
    client.force_login(kalbar_officer)
    assert client.get(EXPORT, query).status_code == 403

    client.force_login(national_admin)
    response = client.get(EXPORT, query)
    assert len(csv_rows(b"".join(response.streaming_content))) > 1


def test_export_form_errors_are_shown_not_downloaded(client, kalbar_officer):
    client.force_login(kalbar_officer)

    response = client.get(EXPORT, {"province": "61", "format": "csv"})

    assert response.status_code == 400
    assert "Content-Disposition" not in response


def test_export_queries_do_not_grow_with_rows(
    client, national_admin, kalbar_may, django_assert_max_num_queries
):
    client.force_login(national_admin)
    with django_assert_max_num_queries(8):
        response = client.get(EXPORT, {"province": "61", "period": "2024-05", "format": "xlsx"})
    assert len(xlsx_rows(response.content)) > 50


def test_template_lists_every_current_regency_and_category(client, kalbar_officer):
    client.force_login(kalbar_officer)

    long = {"province": "61", "period": "2024-05", "format": "xlsx", "shape": "long"}
    response = client.get(TEMPLATE, long)

    rows = xlsx_rows(response.content)[1:]
    assert {r[1] for r in rows} == {f"61.{n:02d}" for n in range(1, 13)} | {"61.71", "61.72"}
    assert {r[3] for r in rows} == {"PU", "NON_ASN", "BPU", "JAKON", "PMI"}
    assert rows[0][2] == "Kabupaten Sambas" and rows[0][4] is None


def test_template_for_old_papua_uses_the_codes_valid_that_month(client, national_admin):
    client.force_login(national_admin)

    ask = {"province": "91", "format": "csv", "shape": "long"}
    before = client.get(TEMPLATE, {**ask, "period": "2022-07"})
    after = client.get(TEMPLATE, {**ask, "period": "2022-08"})

    codes_before = {r[1] for r in csv_rows(b"".join(before.streaming_content))[1:]}
    codes_after = {r[1] for r in csv_rows(b"".join(after.streaming_content))[1:]}
    assert "91.09" in codes_before and "91.09" not in codes_after


def test_an_outsider_gets_404_for_another_provinces_template(client, jatim_officer):
    client.force_login(jatim_officer)

    for fmt in ("csv", "xlsx"):
        response = client.get(TEMPLATE, {"province": "61", "format": fmt})
        assert response.status_code == 404


def test_pages_label_demo_data_as_such(client, kalbar_officer):
    client.force_login(kalbar_officer)
    assert b'data-testid="demo-badge"' not in client.get(UPLOAD).content

    report = MonthlyReport.objects.create(province=Region.objects.get(code="61"), period=MAY)
    ReportEvent.objects.create(report=report, action="saved", at=timezone.now(), comment="demo")

    assert b'data-testid="demo-badge"' in client.get(UPLOAD).content
    assert b'data-testid="demo-badge"' in client.get(EXPORT).content


def test_unconfirmed_previews_are_swept_after_a_day(client, kalbar_officer):
    client.force_login(kalbar_officer)
    folder = Path(staging._folder(kalbar_officer.pk))
    old = folder / token_of(upload(client, csv_bytes(kalbar_month())))
    os.utime(old, (0, 0))
    os.utime(folder / f"{old.name}.json", (0, 0))
    fresh = folder / token_of(upload(client, csv_bytes(kalbar_month())))

    assert staging.sweep() == 1

    assert not old.exists() and fresh.exists()
