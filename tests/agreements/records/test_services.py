"""Commitments through their services."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from agreements import services
from agreements.models import Agreement, Commitment
from tests.agreements.factories import (
    ActiveAgreementFactory,
    CommitmentFactory,
    region,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
Status = Agreement.Status


def test_a_done_commitment_records_its_date_and_is_then_closed(kalbar_officer):
    commitment = CommitmentFactory.create()
    services.commitment_set_status(
        actor=kalbar_officer, commitment=commitment, status=Commitment.Status.DONE, evidence="SK"
    )
    assert commitment.done_on is not None
    with pytest.raises(ValidationError, match="closed"):
        services.commitment_set_status(
            actor=kalbar_officer, commitment=commitment, status=Commitment.Status.PLANNED
        )


def test_a_commitment_must_belong_to_a_party_of_its_agreement(national_admin):
    agreement = ActiveAgreementFactory.create()
    commitment = Commitment(
        agreement=agreement, region=region("35"), kind="budget", description="x", responsible="y"
    )
    with pytest.raises(ValidationError):
        services.commitment_save(actor=national_admin, commitment=commitment)


def test_commitment_overdue_only_while_open():
    commitment = CommitmentFactory.build(due_date=dt.date(2024, 1, 1))
    assert commitment.is_overdue(dt.date(2024, 1, 2))
    commitment.status = Commitment.Status.DONE
    assert not commitment.is_overdue(dt.date(2024, 1, 2))
