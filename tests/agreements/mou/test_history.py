"""Every change of an agreement is in its history: who, when, the old and the new value."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements import services
from agreements.models import Agreement, LegalBasis
from agreements.mou.services import BY_DATES
from tests.agreements.factories import ActiveAgreementFactory, AgreementFactory

pytestmark = pytest.mark.django_db
Status = Agreement.Status


def test_an_edit_through_the_service_names_the_user_the_time_and_both_titles(kalbar_officer):
    agreement = AgreementFactory.create(title="MoU lama")
    before = timezone.now()
    agreement.title = "MoU baru"
    services.agreement_save(actor=kalbar_officer, agreement=agreement)
    new, old = agreement.history.all()[:2]
    assert (old.title, new.title) == ("MoU lama", "MoU baru")
    assert new.history_user == kalbar_officer and new.history_date >= before
    assert [c.field for c in new.diff_against(old).changes] == ["title"]


def test_a_lifecycle_step_records_the_status_it_left(kalbar_officer):
    agreement = AgreementFactory.create()
    services.agreement_sign(
        actor=kalbar_officer, agreement=agreement, signed_on=dt.date(2023, 2, 21)
    )
    new, old = agreement.history.all()[:2]
    assert (old.status, new.status) == (Status.DRAFT, Status.SIGNED)
    assert new.history_user == kalbar_officer


def test_a_change_of_legal_bases_is_recorded(kalbar_officer):
    agreement = AgreementFactory.create()
    basis = LegalBasis.objects.create(short_name="UU 24/2011")
    services.agreement_save(actor=kalbar_officer, agreement=agreement, legal_bases=[basis])
    latest = agreement.history.first()
    assert [row.legalbasis_id for row in latest.legal_bases.all()] == [basis.pk]
    assert latest.history_user == kalbar_officer


def test_replaced_signatories_are_recorded_as_removed_and_added_by_the_user(kalbar_officer):
    agreement = AgreementFactory.create()
    services.signatory_set(
        actor=kalbar_officer, agreement=agreement, people=[("region", "Sutarmidji", "Gubernur")]
    )
    services.signatory_set(
        actor=kalbar_officer, agreement=agreement, people=[("region", "Ria Norsan", "Gubernur")]
    )
    history = agreement.signatories.model.history.order_by("history_id")
    assert [(h.name, h.history_type) for h in history] == [
        ("Sutarmidji", "+"),
        ("Sutarmidji", "-"),
        ("Ria Norsan", "+"),
    ]
    assert {h.history_user for h in history} == {kalbar_officer}


def test_the_daily_roll_writes_a_history_row_per_agreement_with_its_reason():
    signed = AgreementFactory.create(
        status=Status.SIGNED, valid_from=dt.date(2024, 1, 1), valid_until=dt.date(2026, 1, 1)
    )
    ending = ActiveAgreementFactory.create(valid_until=dt.date(2024, 5, 31))
    assert services.agreements_roll_status(today=dt.date(2024, 6, 1)) == (1, 1)
    for agreement, status in ((signed, Status.ACTIVE), (ending, Status.EXPIRED)):
        latest = agreement.history.first()
        assert (latest.status, latest.history_user, latest.history_change_reason) == (
            status,
            None,
            BY_DATES,
        )


def _history_page(client, user, agreement):
    client.force_login(user)
    return client.get(reverse("admin:agreements_agreement_history", args=[agreement.pk]))


def test_the_history_page_shows_the_change_to_a_national_admin(client, national_admin):
    agreement = AgreementFactory.create(title="MoU lama")
    agreement.title = "MoU baru"
    services.agreement_save(actor=national_admin, agreement=agreement)
    response = _history_page(client, national_admin, agreement)
    assert response.status_code == 200
    assert "MoU lama" in response.content.decode()


@pytest.mark.parametrize("outsider_name", ["jatim_officer", "kolaka_staff"])
def test_another_scopes_user_is_refused_the_history_and_its_versions(
    client, request, outsider_name
):
    agreement = AgreementFactory.create()
    user = request.getfixturevalue(outsider_name)
    assert _history_page(client, user, agreement).status_code in (403, 404)
    version = agreement.history.first().history_id
    url = reverse("admin:agreements_agreement_simple_history", args=[agreement.pk, version])
    assert client.get(url).status_code in (403, 404)
