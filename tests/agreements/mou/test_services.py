import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements import services
from agreements.meetings.models import FollowUpAction
from agreements.models import Agreement, Commitment
from tests.agreements.factories import (
    ActionFactory,
    ActiveAgreementFactory,
    AgreementFactory,
    CommitmentFactory,
    MeetingFactory,
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


def test_branch_staff_may_log_a_meeting_in_their_regencies(kolaka_staff):
    meeting = MeetingFactory.build(host_region=region("74.11"))
    saved = services.meeting_save(actor=kolaka_staff, meeting=meeting, regions=[region("74.11")])
    assert list(saved.regions.all()) == [region("74.11")]


def test_a_meeting_with_a_region_outside_scope_is_refused(kolaka_staff):
    meeting = MeetingFactory.build(host_region=region("74.11"))
    with pytest.raises(PermissionDenied):
        services.meeting_save(
            actor=kolaka_staff, meeting=meeting, regions=[region("74.11"), region("61")]
        )


def test_a_meeting_needs_a_region(kalbar_officer):
    with pytest.raises(ValidationError):
        services.meeting_save(actor=kalbar_officer, meeting=MeetingFactory.build(), regions=[])


def test_completing_an_action_records_the_day(kalbar_officer):
    action = ActionFactory.create()
    services.action_complete(actor=kalbar_officer, action=action, done_on=dt.date(2024, 3, 1))
    action.refresh_from_db()
    assert (action.status, action.done_on) == (FollowUpAction.Status.DONE, dt.date(2024, 3, 1))
    with pytest.raises(ValidationError):
        services.action_complete(actor=kalbar_officer, action=action)
