"""The data-entry page: owner, colleague and outsider; htmx and plain form posts; conflicts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participants.entry.services import counts_write
from participants.models import MonthlyReport, ParticipantCount
from regions.models import Region
from tests.participants.conftest import DECEMBER, cell, full_month, grid_post_data

pytestmark = pytest.mark.django_db
URL = reverse("participants:grid", args=["61", "2023-12"])


def field(code: str, category: str) -> str:
    from participants.models import Category

    region = Region.objects.get(code=code)
    return f"v-{region.pk}-{Category.objects.get(code=category).pk}"


def test_officer_sees_every_regency_with_last_months_value_as_a_hint(client, kalbar_officer):
    counts_write(
        actor=None,
        cells=[cell("61.71", "PU", 632494, period=DECEMBER.replace(month=11))],
        source="demo",
    )
    client.force_login(kalbar_officer)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="num value"') == 14 * 5
    assert 'placeholder="632.494"' in html and 'value="632.494"' not in html


def test_outsider_cannot_open_another_provinces_grid(client, jatim_officer):
    client.force_login(jatim_officer)
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"version": "0"}).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_viewer_sees_a_read_only_grid_and_may_not_post(client, viewer):
    client.force_login(viewer)
    html = client.get(URL).content.decode()
    assert 'class="num value"' not in html
    assert client.post(URL, {"version": "0"}).status_code == 403


def test_plain_form_post_saves_and_redirects_without_javascript(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(URL, {"version": "0", field("61.71", "PU"): "632.494"})
    assert response.status_code == 302
    assert ParticipantCount.objects.get().active_participants == 632494
    assert "632.494" in client.get(URL).content.decode()


def test_htmx_post_returns_the_grid_fragment_with_a_saved_notice(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(
        URL, {"version": "0", field("61.71", "PU"): "1 000"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'data-testid="saved"' in html and 'id="province-total"' in html


def test_unreadable_input_is_shown_inline_and_nothing_is_saved(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(
        URL,
        {"version": "0", field("61.71", "PU"): "632,5", field("61.72", "PU"): "700"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "tanpa desimal" in html or "without decimals" in html
    assert 'value="632,5"' in html
    assert not ParticipantCount.objects.exists()


def test_later_save_of_the_same_report_is_refused_and_names_the_winner(
    client, kalbar_officer, make_user
):
    colleague = make_user("provincial_officer", province="61", username="budi")
    colleague.first_name, colleague.last_name = "Budi", "Santoso"
    colleague.save()
    counts_write(actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web")
    seen = MonthlyReport.objects.get().version
    counts_write(
        actor=colleague,
        cells=[cell("61.71", "PU", 1200)],
        source="web",
        expected_versions={MonthlyReport.objects.get().pk: seen},
    )
    client.force_login(kalbar_officer)
    response = client.post(
        URL, {"version": str(seen), field("61.71", "PU"): "1.100"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Budi Santoso" in html and "1.200" in html
    assert ParticipantCount.objects.get().active_participants == 1200


def test_two_first_saves_of_a_new_report_cannot_both_win(client, kalbar_officer):
    counts_write(actor=None, cells=[cell("61.72", "PU", 5)], source="demo")
    client.force_login(kalbar_officer)
    response = client.post(URL, {"version": "0", field("61.71", "PU"): "9"}, HTTP_HX_REQUEST="true")
    assert 'data-testid="problem"' in response.content.decode()
    assert not ParticipantCount.objects.filter(region__code="61.71").exists()


def test_submitted_report_shows_a_read_only_grid(client, kalbar_officer):
    counts_write(actor=None, cells=full_month("61"), source="demo")
    MonthlyReport.objects.update(status=MonthlyReport.Status.SUBMITTED)
    client.force_login(kalbar_officer)
    html = client.get(URL).content.decode()
    assert 'class="num value"' not in html and "readonly" in html


def test_saving_a_full_jawa_timur_month_through_the_page_has_constant_queries(
    client, jatim_officer, django_assert_max_num_queries
):
    client.force_login(jatim_officer)
    url = reverse("participants:grid", args=["35", "2023-12"])
    # Session, user and scope; one read of the month (7); the write: its reads in one
    # execute, its writes in another; the page after it is built from what the write
    # returned (7 queries fewer than when the page read the month again after saving). A
    # first save also creates the report (two more).
    with django_assert_max_num_queries(17):
        response = client.post(url, grid_post_data("35", DECEMBER, 1000, 0), HTTP_HX_REQUEST="true")
    assert 'data-testid="saved"' in response.content.decode()
    assert ParticipantCount.objects.count() == 190
    with django_assert_max_num_queries(40):
        client.get(url)


def test_a_grid_save_asks_as_many_queries_for_one_changed_cell_as_for_all_of_them(
    client, jatim_officer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts_write(actor=None, cells=full_month("35"), source="demo")
    client.force_login(jatim_officer)
    url = reverse("participants:grid", args=["35", "2023-12"])
    one = grid_post_data("35", DECEMBER, 1000, 0)
    first = next(name for name in one if name.startswith("v-"))
    one[first] = grid_post_data("35", DECEMBER, 1001, 0)[first]
    asked = []
    for version, data in enumerate([one, grid_post_data("35", DECEMBER, 3000, 0)], start=2):
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, data | {"version": str(version)}, HTTP_HX_REQUEST="true")
        assert 'data-testid="saved"' in response.content.decode()
        asked.append(len(captured))
    assert ParticipantCount.history.filter(history_type="~").count() == 1 + 190
    assert asked[0] == asked[1] <= 14


def test_the_grid_translates_each_category_name_once_not_once_a_cell(
    client, jatim_officer, monkeypatch
):
    from participants.kernel.naming import BilingualName

    looked_up = []
    name = BilingualName.name.fget

    def counted(category):
        looked_up.append(category)
        return name(category)

    monkeypatch.setattr(BilingualName, "name", property(counted))
    client.force_login(jatim_officer)
    url = reverse("participants:grid", args=["35", "2023-12"])
    response = client.post(url, grid_post_data("35", DECEMBER, 1000, 0), HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert content.count('class="num value"') == 190  # 38 regencies × 5 categories
    # The column heads, their parents and the cells' labels: a handful per category.
    assert 0 < len(looked_up) <= 4 * 5


@pytest.mark.parametrize("period", ["2013-12", "2099-01", "2023-13"])
def test_months_outside_the_reporting_range_do_not_exist(client, kalbar_officer, period):
    client.force_login(kalbar_officer)
    assert client.get(reverse("participants:grid", args=["61", period])).status_code == 404
