import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements import services
from agreements.models import Agreement
from tests.agreements.factories import (
    ActiveAgreementFactory,
    AgreementFactory,
    region,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
Status = Agreement.Status


def test_a_draft_is_signed_then_activated(kalbar_officer):
    agreement = AgreementFactory.create()
    services.agreement_sign(
        actor=kalbar_officer, agreement=agreement, signed_on=dt.date(2023, 2, 21)
    )
    assert agreement.status == Status.SIGNED
    assert agreement.valid_from == dt.date(2023, 2, 21)
    services.agreement_activate(actor=kalbar_officer, agreement=agreement)
    agreement.refresh_from_db()
    assert agreement.status == Status.ACTIVE


def test_a_draft_cannot_be_activated_without_signing(kalbar_officer):
    agreement = AgreementFactory.create()
    with pytest.raises(ValidationError, match="cannot become"):
        services.agreement_activate(actor=kalbar_officer, agreement=agreement)
    agreement.refresh_from_db()
    assert agreement.status == Status.DRAFT


def test_an_agreement_cannot_be_signed_in_the_future(kalbar_officer):
    with pytest.raises(ValidationError, match="future"):
        services.agreement_sign(
            actor=kalbar_officer, agreement=AgreementFactory.create(), signed_on=dt.date(2099, 1, 1)
        )


def test_a_signed_agreement_waits_for_its_start_date(kalbar_officer):
    agreement = AgreementFactory.create(status=Status.SIGNED, valid_from=dt.date(2099, 1, 1))
    with pytest.raises(ValidationError, match="only takes effect"):
        services.agreement_activate(actor=kalbar_officer, agreement=agreement)


def test_a_terminated_agreement_cannot_come_back(kalbar_officer):
    agreement = ActiveAgreementFactory.create()
    services.agreement_terminate(
        actor=kalbar_officer, agreement=agreement, ended_on=dt.date(2024, 1, 1), reason="Dicabut"
    )
    assert agreement.status == Status.TERMINATED
    with pytest.raises(ValidationError):
        services.agreement_activate(actor=kalbar_officer, agreement=agreement)


def test_termination_needs_a_reason(kalbar_officer):
    with pytest.raises(ValidationError, match="reason"):
        services.agreement_terminate(
            actor=kalbar_officer,
            agreement=ActiveAgreementFactory.create(),
            ended_on=dt.date(2024, 1, 1),
            reason=" ",
        )


def test_renewal_links_the_old_agreement_to_its_successor(kalbar_officer):
    old = ActiveAgreementFactory.create()
    new = AgreementFactory.create(valid_from=dt.date(2028, 2, 21))
    services.agreement_renew(actor=kalbar_officer, agreement=old, successor=new)
    old.refresh_from_db()
    assert old.status == Status.RENEWED
    assert old.successor == new
    assert new.predecessor == old
    assert old.ended_on == dt.date(2028, 2, 21)


def test_renewal_by_another_regions_agreement_is_refused(national_admin):
    old = ActiveAgreementFactory.create()
    other = AgreementFactory.create(region=region("35"))
    with pytest.raises(ValidationError, match="same region"):
        services.agreement_renew(actor=national_admin, agreement=old, successor=other)


def test_an_agreement_cannot_renew_itself(kalbar_officer):
    agreement = ActiveAgreementFactory.create()
    with pytest.raises(ValidationError):
        services.agreement_renew(actor=kalbar_officer, agreement=agreement, successor=agreement)


def test_roll_status_expires_past_agreements_and_activates_started_ones():
    ended = ActiveAgreementFactory.create(valid_until=dt.date(2024, 1, 31))
    starting = AgreementFactory.create(status=Status.SIGNED, valid_from=dt.date(2024, 2, 1))
    running = ActiveAgreementFactory.create(valid_until=dt.date(2024, 2, 1))
    assert services.agreements_roll_status(today=dt.date(2024, 2, 1)) == (1, 1)
    for agreement in (ended, starting, running):
        agreement.refresh_from_db()
    assert ended.status == Status.EXPIRED
    assert ended.ended_on == dt.date(2024, 1, 31)
    assert starting.status == Status.ACTIVE
    assert running.status == Status.ACTIVE


def test_an_outsider_cannot_change_an_agreement(jatim_officer):
    agreement = AgreementFactory.create()
    with pytest.raises(PermissionDenied):
        services.agreement_sign(
            actor=jatim_officer, agreement=agreement, signed_on=dt.date(2023, 1, 1)
        )


def test_a_viewer_cannot_create_an_agreement(viewer):
    with pytest.raises(PermissionDenied):
        services.agreement_save(actor=viewer, agreement=AgreementFactory.build())
