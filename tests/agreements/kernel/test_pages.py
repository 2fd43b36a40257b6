"""The record forms: rows added without JavaScript, pickers limited to the user's scope,
statuses that follow the dates when read, regulations without a number."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.meetings.models import Meeting
from agreements.models import Agreement, Regulation
from tests.agreements.factories import AgreementFactory, region

pytestmark = pytest.mark.django_db
CREATE = reverse("agreements:meeting-create")


def _management(prefix: str, total: int) -> dict[str, str]:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}


def test_add_a_row_without_javascript_grows_the_formset_and_saves_nothing(client, kolaka_staff):
    client.force_login(kolaka_staff)
    data = {**_management("att", 1), **_management("act", 1), "title": "Rapat KSO"}
    data |= {"att-0-name": "Makmur Watukila", "add": "att"}
    response = client.post(CREATE, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="att-1-name"' in page and 'value="Makmur Watukila"' in page
    assert "errorlist" not in page  # adding a row is not a save
    assert not Meeting.objects.exists()


def test_every_formset_input_has_a_label(client, kolaka_staff):
    client.force_login(kolaka_staff)
    page = client.get(CREATE).content.decode()
    for name in ("att-0-name", "att-0-position", "act-0-description", "act-0-due_date"):
        assert f'for="id_{name}"' in page


def test_region_and_office_pickers_offer_only_the_users_scope(client, kolaka_staff):
    client.force_login(kolaka_staff)
    form = client.get(CREATE).context["form"]
    offices = {o.code for o in form.fields["offices"].queryset}
    # their branch, and the regional office it reports to (meetings are often held with it)
    assert offices == {"cabang-kolaka", "kanwil-sulawesi-maluku"}
    codes = {r.code for r in form.fields["regions"].queryset}
    assert "74.11" in codes and "61" not in codes
    assert form.fields["regions"].widget.attrs["data-searchable"] == "1"


def test_a_signed_agreement_reads_active_once_its_start_has_come(client, kalbar_officer):
    today = timezone.localdate()
    agreement = AgreementFactory.create(
        status=Agreement.Status.SIGNED,
        signed_on=today - dt.timedelta(days=3),
        valid_from=today - dt.timedelta(days=1),
        valid_until=today + dt.timedelta(days=365),
    )
    assert agreement.effective_status == Agreement.Status.ACTIVE
    client.force_login(kalbar_officer)
    page = client.get(reverse("agreements:agreement-detail", args=[agreement.pk]))
    assert 'class="status active"' in page.content.decode()
    listed = client.get(reverse("agreements:agreement-list"), {"status": "active"})
    assert agreement in list(listed.context["page"])


def test_an_agreement_past_its_end_reads_expired_before_the_daily_job(kalbar_officer):
    today = timezone.localdate()
    agreement = AgreementFactory.create(
        status=Agreement.Status.ACTIVE,
        valid_from=today - dt.timedelta(days=400),
        valid_until=today - dt.timedelta(days=1),
    )
    assert agreement.status_on(today) == Agreement.Status.EXPIRED


def test_a_regulation_without_a_number_says_so_in_words():
    regulation = Regulation(region=region("74.11"), kind=Regulation.Kind.PERDA, year=2021)
    assert str(regulation) == "Peraturan daerah (Perda) tahun 2021 (nomor belum tercatat)"
    assert "/" not in str(regulation)
