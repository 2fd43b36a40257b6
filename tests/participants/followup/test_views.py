"""The follow-up flow on the pages: an outlier marked, listed per province and month, closed;
the outlier analysis uncapped, downloadable and scoped."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participants.entry.services import counts_write
from participants.followup.services import followup_open
from participants.kernel.periods import add_months
from participants.models import FollowUp
from tests.participants.conftest import DECEMBER, cell

pytestmark = pytest.mark.django_db


@pytest.fixture
def jump():
    """61.71 PU steady at 1.000 for a year, then 5.000 in December 2023."""
    months = [cell("61.71", "PU", 1000 + n, period=add_months(DECEMBER, -n)) for n in range(1, 13)]
    counts_write(actor=None, cells=[*months, cell("61.71", "PU", 5000)], source="demo")


def _outliers(client, **query):
    params = {"dari": "2023-01", "bulan": "2023-12", **query}
    return client.get(reverse("participants:outliers"), params)


def test_an_outlier_is_marked_listed_and_closed(client, kalbar_officer, kalbar_approver, jump):
    client.force_login(kalbar_officer)
    page = _outliers(client, wilayah="61")
    assert page.status_code == 200 and page.context["total"] == 1
    outlier = page.context["page"][0]
    assert (outlier.region_code, outlier.value, outlier.reference) == ("61.71", 5000, 1006)
    mark = {"count": outlier.count_id, "comment": "Naik lima kali", "next": "/laporan/pencilan/"}
    assert client.post(reverse("participants:followup-mark"), mark).status_code == 302
    listed = client.get(
        reverse("participants:followup-list"), {"wilayah": "61", "bulan": "2023-12"}
    )
    assert "Naik lima kali" in listed.content.decode()
    client.force_login(kalbar_approver)
    close = {"followup": FollowUp.objects.get().pk, "comment": "Benar: pendaftaran massal"}
    assert client.post(reverse("participants:followup-close"), close).status_code == 302
    followup = FollowUp.objects.get()
    assert followup.closed_by == kalbar_approver and not followup.is_open
    assert followup.history.count() == 2


def test_the_outlier_download_holds_every_row_and_outsiders_see_none(
    client, jatim_officer, viewer, jump
):
    client.force_login(viewer)
    csv = b"".join(_outliers(client, format="csv").streaming_content).decode()
    assert "61.71" in csv and len(csv.strip().splitlines()) == 2
    client.force_login(jatim_officer)
    assert _outliers(client).context["total"] == 0
    mark = {
        "count": FollowUp._meta.get_field("count").related_model.objects.get(period=DECEMBER).pk,
        "comment": "x",
    }
    assert client.post(reverse("participants:followup-mark"), mark).status_code == 404
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"dari": "2024-01", "bulan": "2023-01"},
        {"bulan": "9999-99"},
        {"wilayah": "\x00"},
        {"metode": "mean"},
    ],
)
def test_bad_filters_are_a_400_with_a_message(client, viewer, query):
    client.force_login(viewer)
    assert _outliers(client, **query).status_code == 400


@pytest.mark.parametrize("name", ["rule-list", "rule-results", "followup-list", "outliers"])
def test_pages_open_for_every_role_and_send_anonymous_to_log_in(client, kolaka_staff, name):
    assert client.get(reverse(f"participants:{name}")).status_code == 302
    client.force_login(kolaka_staff)
    assert client.get(reverse(f"participants:{name}"), {"wilayah": "61"}).status_code in (200, 400)


# Who marks and closes a Kalimantan Barat value: its officers and approvers and the national
# administrators; a national viewer and branch staff read follow-ups but never change them
# (viewers read only, as everywhere), another province's officer does not even see the value.
MAY_FOLLOW_UP = {
    "national_admin": 302,
    "kalbar_officer": 302,
    "kalbar_approver": 302,
    "viewer": 403,
    "kolaka_staff": 404,
    "jatim_officer": 404,
    "outsider": 404,
}


@pytest.mark.parametrize(("role", "status"), MAY_FOLLOW_UP.items())
def test_every_role_may_or_may_not_mark_and_close_a_follow_up(
    request, client, kalbar_officer, jump, role, status
):
    user = request.getfixturevalue(role)
    count = FollowUp._meta.get_field("count").related_model.objects.get(period=DECEMBER)
    client.force_login(user)
    marked = client.post(reverse("participants:followup-mark"), {"count": count.pk, "comment": "x"})
    assert marked.status_code == status
    assert FollowUp.objects.exists() == (status == 302)
    if status != 302:
        followup_open(actor=kalbar_officer, count=count, comment="y")
    closed = client.post(
        reverse("participants:followup-close"),
        {"followup": FollowUp.objects.get().pk, "comment": "z"},
    )
    assert closed.status_code == status
    assert FollowUp.objects.get().is_open == (status != 302)
    if status == 302:
        followup_open(actor=kalbar_officer, count=count, comment="again")
    listed = client.get(reverse("participants:followup-list")).content.decode()
    assert ('name="followup"' in listed) == (status == 302)  # a close form only for them
