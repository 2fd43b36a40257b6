"""Coverage tables kept as HTML (participants/coverage/kept.py): a recompute of the month or
of a month it reads, or a report step, shows on the next request; saves of a later month
leave the table kept; what is kept is never another scope's."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants.coverage import engine
from participants.services import report_reopen
from regions.models import Role
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
DECEMBER, JANUARY = dt.date(2022, 12, 1), dt.date(2023, 1, 1)


@pytest.fixture
def kalbar_approved():
    put_workforce("61", 2022, 1_000_000)
    report = put_counts("61", DECEMBER, {"61.71": {"PU": 30_000}}, status="approved")
    put_counts("35", DECEMBER, {"35.74": {"PU": 20_000}}, status="approved")
    engine.recompute_stale()
    return report


def table_of(client, url, period="2022-12"):
    """The request's query count and the table's HTML (below the header, whose CSRF token
    each response masks anew)."""
    with CaptureQueriesContext(connection) as done:
        response = client.get(url, {"period": period})
    assert response.status_code == 200
    return len(done.captured_queries), response.content.decode().split("<main", 1)[1]


def test_the_table_is_kept_and_a_later_months_saves_leave_it_kept(client, viewer, kalbar_approved):
    client.force_login(viewer)
    url = reverse("coverage:province", args=["61"])
    built, first = table_of(client, url)
    kept, again = table_of(client, url)
    assert kept < built and again == first
    put_counts("61", JANUARY, {"61.71": {"PU": 31_000}})  # the month-end's saves
    assert engine.recompute_stale() > 0
    assert table_of(client, url) == (kept, first)


def test_a_recompute_of_the_month_shows_at_once(client, viewer, kalbar_approved):
    client.force_login(viewer)
    url = reverse("coverage:province", args=["61"])
    assert "30.000" in table_of(client, url)[1]
    put_counts("61", DECEMBER, {"61.71": {"PU": 45_000}}, status="approved")
    engine.recompute_stale()
    _, after = table_of(client, url)
    assert "45.000" in after and "30.000" not in after


def test_an_earlier_months_recompute_changes_the_month_on_month_column(
    client, viewer, kalbar_approved
):
    client.force_login(viewer)
    url = reverse("coverage:province", args=["61"])
    _, before = table_of(client, url)
    put_counts("61", dt.date(2022, 11, 1), {"61.71": {"PU": 29_000}}, status="approved")
    engine.recompute_stale()
    _, after = table_of(client, url)
    assert after != before and "1.000" in after


def test_a_report_step_shows_before_any_recompute(client, viewer, make_user, kalbar_approved):
    client.force_login(viewer)
    url = reverse("coverage:national")
    _, before = table_of(client, url)
    report_reopen(actor=make_user(Role.NATIONAL_ADMIN), report=kalbar_approved, reason="fix")
    _, after = table_of(client, url)
    assert after != before


def test_a_kept_table_is_never_another_scopes(client, viewer, make_user, kalbar_approved):
    client.force_login(make_user(Role.PROVINCIAL_OFFICER, province="61"))
    _, own = table_of(client, reverse("coverage:national"))
    assert 'data-region="61"' in own and 'data-region="35"' not in own
    client.force_login(viewer)
    _, national = table_of(client, reverse("coverage:national"))
    assert 'data-region="61"' in national and 'data-region="35"' in national


def test_each_language_keeps_its_own_table(client, viewer, kalbar_approved):
    client.force_login(viewer)
    url = reverse("coverage:province", args=["61"])
    _, indonesian = table_of(client, url)
    client.cookies["django_language"] = "en"
    _, english = table_of(client, url)
    assert "Wilayah" in indonesian and "Region" in english
