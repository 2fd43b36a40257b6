"""The coverage endpoint says exactly what `manage.py coverage_report` says, in scope."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command

from participants.services import recompute_stale
from tests.participants.coverage.factories import put_counts, put_target, put_workforce

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)
URL = "/api/v1/coverage/"


@pytest.fixture
def kalbar():
    put_counts(
        "61",
        DEC,
        {"61.71": {"PU": 385_004, "NON_ASN": 1_000, "BPU": 98_541}, "61.12": {"JAKON": 148_949}},
    )
    put_workforce("61", 2022, 1_830_662)
    put_target("61", 2022, participants=700_000)
    recompute_stale()


def coverage_report(capsys, *args):
    call_command("coverage_report", *args, "--format", "json")
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("params", "args"),
    [
        ({"region": "61"}, ["--region", "61"]),
        ({"region": "ID"}, ["--region", "ID"]),
        ({"region": "61.71"}, ["--region", "61.71"]),
        ({"region": "61.01"}, ["--region", "61.01"]),  # not reported: null, never 0
        ({"region": "61", "category": "PU"}, ["--region", "61", "--category", "PU"]),
    ],
)
def test_the_same_figures_as_coverage_report(api_as, kalbar, capsys, params, args):
    body = api_as("viewer").get(URL, {**params, "period": "2022-12"}).json()
    expected = coverage_report(capsys, *args, "--period", "2022-12")
    (item,) = body["results"]
    del expected["region_name"], item["region_name"], item["level"]
    assert item == expected


def test_a_province_officer_reads_only_their_province(api_as, kalbar):
    codes = {
        r["region"]
        for r in api_as("jatim_officer").get(URL, {"period": "2022-12"}).json()["results"]
    }
    assert "61" not in codes and "ID" not in codes
    mine = api_as("kalbar_officer").get(URL, {"level": "regency", "parent": "61"}).json()
    assert {r["region"] for r in mine["results"]} >= {"61.71", "61.12"}


def test_a_bad_period_or_level_is_a_400(api_as):
    client = api_as("viewer")
    assert client.get(URL, {"period": "Desember"}).json()["errors"]["period"]
    assert client.get(URL, {"level": "planet"}).status_code == 400


def test_the_page_costs_a_fixed_number_of_queries(api_as, kalbar, django_assert_max_num_queries):
    client = api_as("viewer")
    # Session, token, count, page, breakdown, sub-groups, history, provinces, reports.
    with django_assert_max_num_queries(10):
        body = client.get(URL, {"level": "regency", "page_size": 500}).json()
    assert body["count"] >= 2
