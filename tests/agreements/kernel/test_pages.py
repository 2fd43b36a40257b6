"""What every record's pages share: rows added without JavaScript, labelled formset inputs,
pickers limited to the user's scope, lists that download."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agreements.meetings.models import Meeting

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


@pytest.mark.parametrize("name", ["meeting-list", "commitment-list", "regulation-list",
                                  "budget-list"])  # fmt: skip
def test_every_list_downloads_as_csv(client, viewer, name):
    client.force_login(viewer)
    response = client.get(reverse(f"agreements:{name}"), {"format": "csv"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
