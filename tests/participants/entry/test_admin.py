"""Admin: scoped lists, counts saved through counts_write, categories retired not deleted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participants.entry.services import counts_write
from participants.models import Category, ParticipantCount
from tests.participants.conftest import cell

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(kalbar_officer, jatim_officer, national_admin):
    for user in (kalbar_officer, jatim_officer, national_admin):
        user.is_staff = True
        user.is_superuser = user is national_admin
        user.save()
    from django.contrib.auth.models import Permission

    perms = Permission.objects.filter(content_type__app_label="participants")
    for user in (kalbar_officer, jatim_officer):
        user.user_permissions.set(perms)


def test_officer_lists_only_own_provinces_counts(client, staff, kalbar_officer):
    counts_write(actor=None, cells=[cell("61.71", "PU", 5), cell("35.78", "PU", 7)], source="demo")
    client.force_login(kalbar_officer)
    html = client.get(reverse("admin:participants_participantcount_changelist")).content.decode()
    assert "61.71" in html and "35.78" not in html


def test_outsider_gets_403_on_another_provinces_count(client, staff, jatim_officer):
    counts_write(actor=None, cells=[cell("61.71", "PU", 5)], source="demo")
    count = ParticipantCount.objects.get()
    client.force_login(jatim_officer)
    change = reverse("admin:participants_participantcount_change", args=[count.pk])
    assert client.get(change).status_code == 403


def _form(count, value):
    return {
        "region": count.region_id,
        "category": count.category_id,
        "period": "2023-12-01",
        "active_participants": value,
        "inactive_participants": "",
        "employers": "",
        "no_data_reason": "",
    }


def test_admin_edit_goes_through_the_service_with_admin_as_channel(client, staff, kalbar_officer):
    counts_write(actor=None, cells=[cell("61.71", "PU", 5)], source="demo")
    count = ParticipantCount.objects.get()
    client.force_login(kalbar_officer)
    change = reverse("admin:participants_participantcount_change", args=[count.pk])
    response = client.post(change, _form(count, 9))
    assert response.status_code == 302
    latest = count.history.order_by("-history_id").first()
    assert (latest.active_participants, latest.history_change_reason) == (9, "admin")
    assert latest.history_user == kalbar_officer


def test_admin_edit_is_refused_with_the_service_message(client, staff, kalbar_officer):
    counts_write(
        actor=None, cells=[cell("61.71", "PU", 5), cell("61.71", "NON_ASN", 4)], source="demo"
    )
    count = ParticipantCount.objects.get(category__code="PU")
    client.force_login(kalbar_officer)
    change = reverse("admin:participants_participantcount_change", args=[count.pk])
    response = client.post(change, _form(count, 3))
    assert response.status_code == 200 and "NON_ASN" in response.content.decode()
    count.refresh_from_db()
    assert count.active_participants == 5


def test_category_with_counts_cannot_be_deleted_only_retired(client, staff, national_admin):
    counts_write(actor=None, cells=[cell("61.71", "PMI", 5)], source="demo")
    pmi = Category.objects.get(code="PMI")
    client.force_login(national_admin)
    delete = reverse("admin:participants_category_delete", args=[pmi.pk])
    assert client.get(delete).status_code == 403
    changelist = reverse("admin:participants_category_changelist")
    client.post(changelist, {"action": "retire", "_selected_action": [pmi.pk]})
    pmi.refresh_from_db()
    assert not pmi.is_active and pmi.counts.count() == 1


def test_officer_cannot_change_categories(client, staff, kalbar_officer):
    client.force_login(kalbar_officer)
    pu = Category.objects.get(code="PU")
    change = reverse("admin:participants_category_change", args=[pu.pk])
    response = client.post(change, {"code": "PU", "name_id": "x", "name_en": "x", "order": 1})
    pu.refresh_from_db()
    assert pu.name_id != "x"
    assert response.status_code in (200, 403)


def test_reports_admin_is_scoped(client, staff, kalbar_officer):
    counts_write(actor=None, cells=[cell("61.71", "PU", 5), cell("35.78", "PU", 7)], source="demo")
    client.force_login(kalbar_officer)
    html = client.get(reverse("admin:participants_monthlyreport_changelist")).content.decode()
    assert "Kalimantan Barat" in html and "Jawa Timur" not in html
