"""The admin is a door of its own: it keeps the same rules as the pages (one test a defect)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from agreements.meetings.models import Meeting
from agreements.models import BudgetAllocation, Commitment, LegalBasis
from participants.entry.categories import category_save
from participants.models import Category, StaleBucket, Target, WorkforceKind, WorkforceTotal
from regions.access.admin import PortalAdminMixin
from regions.models import Region, UserScope
from tests.agreements.factories import ActiveAgreementFactory, BudgetFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def management(prefix: str) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_form(host: str, regions: list[str], title: str = "Rakor") -> dict:
    return {
        "kind": "rakor",
        "title": title,
        "starts_at_0": "2023-11-02",
        "starts_at_1": "09:00:00",
        "host_region": str(region(host).pk),
        "regions": [str(region(code).pk) for code in regions],
        **management("attendees"),
        **management("actions"),
    }


@pytest.mark.parametrize("action", ["retire", "reactivate"])
def test_an_approver_cannot_retire_or_reactivate_categories(client, kalbar_approver, action):
    pu = Category.objects.get(code="PU")
    client.force_login(kalbar_approver)
    url = reverse("admin:participants_category_changelist")
    client.post(url, {"action": action, "_selected_action": [pu.pk]})
    pu.refresh_from_db()
    assert pu.is_active


def test_a_national_administrator_retires_a_category(client, national_admin):
    pu = Category.objects.get(code="PU")
    client.force_login(national_admin)
    url = reverse("admin:participants_category_changelist")
    client.post(url, {"action": "retire", "_selected_action": [pu.pk]})
    pu.refresh_from_db()
    assert not pu.is_active


def test_category_save_checks_the_actor(kalbar_officer):
    with pytest.raises(PermissionDenied):
        category_save(category=Category.objects.get(code="PU"), actor=kalbar_officer)


@pytest.mark.parametrize("who", ["kalbar_officer", "kalbar_approver", "kolaka_staff"])
def test_only_national_administrators_recompute_everything(client, request, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("admin:participants_coveragerow_changelist")
    client.post(url, {"action": "recompute_everything", "_selected_action": ["1"]})
    assert not StaleBucket.objects.exists()


def test_a_kalbar_officer_cannot_add_a_meeting_about_jawa_timur_in_the_admin(
    client, kalbar_officer
):
    client.force_login(kalbar_officer)
    response = client.post(
        reverse("admin:agreements_meeting_add"), meeting_form("61", ["61.71", "35.01"])
    )
    assert response.status_code == 200 and "regions" in response.context["adminform"].form.errors
    assert not Meeting.objects.exists()


def test_a_kalbar_officer_cannot_widen_a_meeting_to_jawa_timur(client, kalbar_officer):
    meeting = MeetingFactory.create(host_region=region("61"), regions=[region("61.71")])
    client.force_login(kalbar_officer)
    url = reverse("admin:agreements_meeting_change", args=[meeting.pk])
    client.post(url, meeting_form("61", ["61.71", "35.01"], title=meeting.title))
    assert list(meeting.regions.values_list("code", flat=True)) == ["61.71"]


def test_an_admin_meeting_is_saved_by_the_service(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(reverse("admin:agreements_meeting_add"), meeting_form("61", ["61.71"]))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.created_by == kalbar_officer  # meeting_save records who created it


@pytest.mark.parametrize("who", ["kalbar_officer", "kolaka_staff"])
def test_officers_and_branch_staff_cannot_write_legal_bases(client, request, who):
    basis = LegalBasis.objects.first()
    client.force_login(request.getfixturevalue(who))
    add = client.post(reverse("admin:agreements_legalbasis_add"), {"short_name": "UU 0/2099"})
    change = reverse("admin:agreements_legalbasis_change", args=[basis.pk])
    client.post(change, {"short_name": "Diubah"})
    assert add.status_code == 403
    assert not LegalBasis.objects.filter(short_name__in=["UU 0/2099", "Diubah"]).exists()


@pytest.mark.parametrize(
    "url",
    [
        "admin:participants_category_add",
        "admin:participants_workforcekind_add",
        "admin:regions_office_add",
        "admin:regions_region_add",
    ],
)
def test_reference_lists_are_written_by_national_administrators_only(
    client, kalbar_officer, national_admin, url
):
    client.force_login(kalbar_officer)
    assert client.get(reverse(url)).status_code == 403
    client.force_login(national_admin)
    assert client.get(reverse(url)).status_code == 200


def test_the_user_scope_admin_shows_an_officer_only_their_own(
    client, kalbar_officer, jatim_officer
):
    client.force_login(kalbar_officer)
    page = client.get(reverse("admin:regions_userscope_changelist")).content.decode()
    assert kalbar_officer.username in page and jatim_officer.username not in page
    other = reverse("admin:regions_userscope_change", args=[jatim_officer.scope.pk])
    assert client.get(other).status_code == 404


def test_the_user_scope_admin_assigns_through_the_service(client, national_admin, viewer):
    client.force_login(national_admin)
    url = reverse("admin:regions_userscope_change", args=[viewer.scope.pk])
    form = {
        "user": viewer.pk,
        "role": "provincial_officer",
        "kind": "province",
        "province": region("61").pk,
    }
    assert client.post(url, form).status_code == 302
    viewer.refresh_from_db()
    assert viewer.scope.role == "provincial_officer" and viewer.is_staff
    assert UserScope.objects.get(user=viewer).kind == "province"


@pytest.mark.parametrize("model", [WorkforceTotal, Target])
def test_history_of_another_provinces_figures_is_refused(client, kalbar_officer, model):
    fields = {"region": region("35"), "year": 2023, "source": "BPS Jatim"}
    if model is WorkforceTotal:
        fields |= {"kind": WorkforceKind.objects.get(code="EMPLOYED"), "value": 22_000_000}
    else:
        fields |= {"participants": 5_000_000}
    figure = model.objects.create(**fields)
    client.force_login(kalbar_officer)
    name = f"admin:participants_{model._meta.model_name}"
    history = client.get(reverse(f"{name}_history", args=[figure.pk]))
    version = figure.history.first().history_id
    one_version = client.get(reverse(f"{name}_simple_history", args=[figure.pk, version]))
    assert history.status_code == 403 and one_version.status_code == 403
    figure.delete()  # simple_history would fall back to the last version of a deleted row
    assert client.get(reverse(f"{name}_history", args=[figure.pk])).status_code == 404


def test_malformed_ids_are_404_on_every_portal_admin(client, national_admin):
    client.force_login(national_admin)
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, PortalAdminMixin):
            continue
        meta = model._meta
        for view in ("change", "history", "delete"):
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=["abc"])
            assert client.get(url).status_code == 404, url


def test_a_commitment_for_a_region_not_party_to_its_agreement_is_a_form_error(
    client, kalbar_officer
):
    agreement = ActiveAgreementFactory.create(region=region("61.71"))
    client.force_login(kalbar_officer)
    response = client.post(
        reverse("admin:agreements_commitment_add"),
        {
            "region": region("61.01").pk,
            "agreement": agreement.pk,
            "kind": "budget",
            "description": "Iuran honorer",
            "responsible": "BPKAD",
            "status": "planned",
        },
    )
    assert response.status_code == 200
    assert "region" in response.context["adminform"].form.errors
    assert not Commitment.objects.exists()


def test_a_budget_realised_above_its_amount_is_a_form_error(client, kalbar_officer):
    budget = BudgetFactory.create(region=region("61.71"), amount=Decimal(100))
    client.force_login(kalbar_officer)
    url = reverse("admin:agreements_budgetallocation_change", args=[budget.pk])
    response = client.post(
        url,
        {
            "region": budget.region_id,
            "year": budget.year,
            "category_code": budget.category_code,
            "amount": "100",
            "realised": "500",
        },
    )
    assert response.status_code == 200
    assert "realised" in response.context["adminform"].form.errors
    assert BudgetAllocation.objects.get().realised is None


def test_failed_buckets_are_listed_for_national_administrators_only(
    client, national_admin, kalbar_officer
):
    StaleBucket.objects.create(
        province=region("61"), period=dt.date(2023, 12, 1), failed_at=timezone.now(), error="x"
    )
    url = reverse("admin:participants_stalebucket_changelist")
    client.force_login(kalbar_officer)
    assert client.get(url).status_code == 403
    client.force_login(national_admin)
    assert "61" in client.get(url).content.decode()
