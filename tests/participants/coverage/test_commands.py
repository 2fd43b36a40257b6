import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from participants.coverage import engine as coverage
from participants.models import CoverageRow
from tests.participants.coverage.factories import put_counts, put_target, put_workforce

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar():
    put_counts(
        "61",
        DEC,
        {"61.71": {"PU": 385_004, "NON_ASN": 1_000, "BPU": 98_541}, "61.12": {"JAKON": 148_949}},
    )
    put_workforce("61", 2022, 1_830_662)
    put_target("61", 2022, participants=700_000)
    coverage.recompute_stale()


def report(capsys, *args: str) -> str:
    call_command("coverage_report", *args)
    return capsys.readouterr().out


def test_json_report_has_the_documented_shape(kalbar, capsys):
    data = json.loads(report(capsys, "--region", "61", "--period", "2022-12", "--format", "json"))
    assert data["participants"] == {
        "total": 632_494,
        "BPU": 98_541,
        "JAKON": 148_949,
        "NON_ASN": 1_000,
        "PMI": None,
        "PU": 385_004,
    }
    # No region had PMI that month: unknown, with the reason, never 0.
    assert data["unknown"] == {"PMI": "kategori belum ada"}
    assert data["denominator"] == {"kind": "EMPLOYED", "value": 1_830_662, "year": 2022}
    assert data["coverage_percent"] == 34.55
    assert data["target"] == {"participants": 700_000, "percent": None, "gap": 67_506}
    assert (data["regencies_reported"], data["regencies_expected"]) == (2, 14)
    assert data["all_approved"] is False


def test_regency_report_has_unknown_coverage(kalbar, capsys):
    data = json.loads(report(capsys, "--region", "61.71", "--period", "2022-12"))
    assert data["denominator"] is None and data["coverage_percent"] is None


def test_national_report_uses_code_id(kalbar, capsys):
    data = json.loads(report(capsys, "--region", "ID", "--period", "2022-12"))
    assert data["participants"]["total"] == 632_494
    assert data["regencies_expected"] == 514


def test_category_report_shows_the_category_and_its_subgroups(kalbar, capsys):
    data = json.loads(report(capsys, "--region", "61", "--period", "2022-12", "--category", "PU"))
    assert data["participants"] == {"total": 385_004, "PU": 385_004, "NON_ASN": 1_000}
    assert data["category"] == "PU"


def test_table_report_is_formatted_the_indonesian_way(kalbar, capsys):
    text = report(capsys, "--region", "61", "--period", "2022-12", "--format", "table")
    assert "632.494" in text and "34,55%" in text and "1.830.662" in text


@pytest.mark.parametrize(
    "args",
    [
        ("--region", "99", "--period", "2022-12"),
        ("--region", "61", "--period", "2022-13"),
        ("--region", "61", "--period", "2019-01"),
        ("--region", "61", "--period", "2022-12", "--category", "NOPE"),
    ],
)
def test_bad_arguments_fail_with_a_message(kalbar, args):
    with pytest.raises(CommandError):
        call_command("coverage_report", *args)


def test_recompute_command_rebuilds_a_province_from_a_month(kalbar, capsys):
    CoverageRow.objects.filter(region__code="61").delete()
    call_command("recompute_coverage", "--since", "2022-01", "--region", "61.71")
    assert "Recomputed" in capsys.readouterr().out
    assert CoverageRow.objects.filter(region__code="61", period=DEC).exists()


def test_recompute_command_refuses_a_bad_region():
    with pytest.raises(CommandError):
        call_command("recompute_coverage", "--region", "XX")
