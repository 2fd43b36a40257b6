"""An agreement's status follows its dates when read, before the daily job."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement
from tests.agreements.factories import AgreementFactory

pytestmark = pytest.mark.django_db


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
