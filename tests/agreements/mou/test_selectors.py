"""The agreement in force per region, judged by its dates."""

import datetime as dt

import pytest

from agreements import selectors
from agreements.models import Agreement
from tests.agreements.factories import (
    ActiveAgreementFactory,
    region,
)

pytestmark = pytest.mark.django_db


def test_agreement_in_force_follows_the_dates_not_todays_status():
    kalbar = region("61")
    old = ActiveAgreementFactory.create(
        valid_from=dt.date(2018, 1, 1), valid_until=dt.date(2022, 12, 31),
        status=Agreement.Status.EXPIRED, signed_on=dt.date(2018, 1, 1),
    )  # fmt: skip
    new = ActiveAgreementFactory.create(valid_from=dt.date(2023, 2, 21))
    assert selectors.agreement_in_force(kalbar, on=dt.date(2020, 6, 1)) == old
    assert selectors.agreement_in_force(kalbar, on=dt.date(2024, 6, 1)) == new
    assert selectors.agreement_in_force(kalbar, on=dt.date(2023, 1, 15)) is None


def test_a_terminated_agreement_is_not_in_force_after_its_end():
    agreement = ActiveAgreementFactory.create(
        status=Agreement.Status.TERMINATED, ended_on=dt.date(2024, 1, 1)
    )
    assert selectors.agreement_in_force(agreement.region, on=dt.date(2023, 6, 1)) == agreement
    assert selectors.agreement_in_force(agreement.region, on=dt.date(2024, 6, 1)) is None
