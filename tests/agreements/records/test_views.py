import pytest
from django.urls import reverse

from agreements.models import BudgetAllocation, Commitment, Regulation
from tests.agreements.factories import (
    ActiveAgreementFactory,
    BudgetFactory,
    CommitmentFactory,
    MeetingFactory,
    RegulationFactory,
    region,
)

pytestmark = pytest.mark.django_db


def test_branch_staff_record_a_perda_for_their_regency(client, kolaka_staff):
    client.force_login(kolaka_staff)
    data = {"region": region("74.11").pk, "kind": "perda", "number": "5", "year": "2019",
            "title": "Perda Kolaka Timur tentang jamsostek"}  # fmt: skip
    response = client.post(reverse("agreements:regulation-create"), data)
    regulation = Regulation.objects.get(number="5")
    assert response.url == reverse("agreements:regulation-detail", args=[regulation.pk])


def test_regulation_pages_refuse_the_outsider(client, kolaka_staff, kalbar_officer):
    regulation = RegulationFactory.create()
    client.force_login(kolaka_staff)
    detail = reverse("agreements:regulation-detail", args=[regulation.pk])
    assert client.get(detail).status_code == 404
    assert (
        client.get(reverse("agreements:regulation-edit", args=[regulation.pk])).status_code == 404
    )
    client.force_login(kalbar_officer)
    assert client.get(detail).context["editable"] is True


def test_a_budget_whose_realisation_exceeds_it_is_refused(client, kalbar_officer):
    client.force_login(kalbar_officer)
    data = {"region": region("61").pk, "year": "2023", "category_code": "NON_ASN",
            "amount": "1000", "realised": "2000"}  # fmt: skip
    response = client.post(reverse("agreements:budget-create"), data)
    assert response.status_code == 200
    assert "realised" in response.context["form"].errors
    assert not BudgetAllocation.objects.exists()


def test_budget_list_is_scoped_and_the_outsider_cannot_edit(client, jatim_officer, viewer):
    budget = BudgetFactory.create()
    client.force_login(jatim_officer)
    assert list(client.get(reverse("agreements:budget-list")).context["page"]) == []
    assert client.get(reverse("agreements:budget-edit", args=[budget.pk])).status_code == 404
    client.force_login(viewer)
    assert list(client.get(reverse("agreements:budget-list")).context["page"]) == [budget]
    assert client.get(reverse("agreements:budget-edit", args=[budget.pk])).status_code == 403


def test_a_commitment_is_added_to_a_meeting(client, kolaka_staff):
    meeting = MeetingFactory.create(host_region=region("74.11"), regions=[region("74.11")])
    client.force_login(kolaka_staff)
    url = reverse("agreements:commitment-create") + f"?meeting={meeting.pk}"
    data = {"region": region("74.11").pk, "kind": "budget", "status": "planned",
            "description": "Iuran seluruh honorer non-ASN", "responsible": "Pemkab",
            "category_code": "NON_ASN", "workers": "1200", "amount": "241920000"}  # fmt: skip
    response = client.post(url, data)
    commitment = Commitment.objects.get(meeting=meeting)
    assert response.url == reverse("agreements:commitment-detail", args=[commitment.pk])
    page = client.get(response.url).content.decode()
    assert "Rp241.920.000" in page
    assert "1.200" in page


def test_commitment_status_changes_only_within_scope(client, kalbar_officer, kolaka_staff):
    commitment = CommitmentFactory.create(agreement=ActiveAgreementFactory.create())
    url = reverse("agreements:commitment-status", args=[commitment.pk])
    client.force_login(kolaka_staff)
    assert client.post(url, {"status": "done"}).status_code == 404
    client.force_login(kalbar_officer)
    client.post(url, {"status": "done", "evidence": "SK Gubernur"})
    commitment.refresh_from_db()
    assert (commitment.status, commitment.evidence) == ("done", "SK Gubernur")


def test_commitments_filter_by_the_office_party_to_them(client, viewer, offices):
    from regions.models import Office

    kanwil = Office.objects.get(code="kanwil-kalimantan")
    theirs = CommitmentFactory.create(agreement=ActiveAgreementFactory.create(office=kanwil))
    CommitmentFactory.create()
    client.force_login(viewer)
    response = client.get(reverse("agreements:commitment-list"), {"office": kanwil.pk})
    assert list(response.context["page"]) == [theirs]


def test_regulations_filter_by_enactment_date(client, viewer):
    import datetime as dt

    old = RegulationFactory.create(enacted_on=dt.date(2019, 3, 1))
    RegulationFactory.create(enacted_on=dt.date(2023, 3, 1))
    client.force_login(viewer)
    response = client.get(reverse("agreements:regulation-list"), {"enacted_to": "2020-01-01"})
    assert list(response.context["page"]) == [old]


def test_a_budget_typed_the_indonesian_way_is_read_in_full(client, kalbar_officer):
    client.force_login(kalbar_officer)
    data = {"region": region("61").pk, "year": "2023", "category_code": "NON_ASN",
            "workers": "12.141", "amount": "Rp36.722.869.847", "realised": "1.000.000"}  # fmt: skip
    client.post(reverse("agreements:budget-create"), data)
    budget = BudgetAllocation.objects.get()
    assert (budget.workers, budget.amount, budget.realised) == (12_141, 36_722_869_847, 1_000_000)


def test_a_commitment_with_decimal_workers_is_refused(client, kolaka_staff):
    client.force_login(kolaka_staff)
    meeting = MeetingFactory.create(host_region=region("74.11"), regions=[region("74.11")])
    url = reverse("agreements:commitment-create") + f"?meeting={meeting.pk}"
    data = {"region": region("74.11").pk, "kind": "budget", "status": "planned",
            "description": "Iuran non-ASN", "responsible": "BKPSDM",
            "workers": "1.500,5"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "workers" in response.context["form"].errors
    assert not Commitment.objects.filter(description="Iuran non-ASN").exists()
