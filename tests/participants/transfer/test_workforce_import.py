import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from participants.coverage import engine as coverage
from participants.coverage.models import WorkforceTotal
from participants.models import CoverageRow, StaleBucket
from participants.transfer.workforce_import import (
    read_rows,
    workforce_file_import,
    workforce_import,
)
from tests.participants.coverage.factories import put_counts

pytestmark = pytest.mark.django_db
HEADER = "year,region_code,kind,value,source\n"


def write(tmp_path, text: str, name: str = "workforce.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_figures_and_marks_their_year_stale(tmp_path):
    put_counts("61", dt.date(2022, 12, 1), {"61.71": {"PU": 632_494}})
    coverage.recompute_stale()
    rows = read_rows(write(tmp_path, HEADER + "2022,61,EMPLOYED,1.830.662,BPS Sakernas\n"))
    report = workforce_import(rows=rows)
    assert (report.created, report.errors) == (1, [])
    assert StaleBucket.objects.filter(province__code="61").exists()
    coverage.recompute_stale()
    row = CoverageRow.objects.get(region__code="61", period=dt.date(2022, 12, 1), category=None)
    assert row.denominator_value == 1_830_662


def test_one_bad_row_imports_nothing_and_names_every_bad_line(tmp_path):
    text = HEADER + (
        "2022,61,EMPLOYED,1830662,BPS\n"
        "2022,99.99,EMPLOYED,10,BPS\n"
        "2022,61,EMPLOYED,12,BPS\n"
        "20x2,35,EMPLOYED,10,BPS\n"
        "2022,35,NOPE,10,BPS\n"
        "2022,35,EMPLOYED,10,\n"
        "2022,35,EMPLOYED,12,5,BPS\n"
    )
    with translation.override("en"):
        report = workforce_import(rows=read_rows(write(tmp_path, text)))
    assert [line for line, _ in report.errors] == [3, 4, 5, 6, 7]
    assert "Unknown region code" in report.errors[0][1]
    assert "twice" in report.errors[1][1]
    assert not report.applied
    assert not WorkforceTotal.objects.exists()


def test_missing_columns_are_reported(tmp_path):
    report = workforce_file_import(path=write(tmp_path, "year,value\n2022,10\n"))
    assert report.errors and "region_code" in report.errors[0][1]


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    path = write(tmp_path, HEADER + "2023,ID,EMPLOYED,139850000,BPS\n")
    workforce_import(rows=read_rows(path))
    again = workforce_import(rows=read_rows(path))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_xlsx_files_import_like_csv(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["year", "region_code", "kind", "value", "source"])
    book.active.append([2023, "33", "EMPLOYED", 19988875, "BPS"])
    path = tmp_path / "workforce.xlsx"
    book.save(path)
    assert workforce_import(rows=read_rows(path)).created == 1


def test_command_exits_non_zero_on_errors_and_imports_nothing(tmp_path, capsys):
    path = write(tmp_path, HEADER + "2022,61,EMPLOYED,-5,BPS\n")
    with pytest.raises(CommandError):
        call_command("import_workforce", str(path))
    assert "line 2" in capsys.readouterr().err
    assert not WorkforceTotal.objects.exists()


def test_command_dry_run_writes_nothing(tmp_path, capsys):
    call_command(
        "import_workforce", str(write(tmp_path, HEADER + "2022,61,EMPLOYED,5,BPS\n")), "--dry-run"
    )
    assert "would import" in capsys.readouterr().out
    assert not WorkforceTotal.objects.exists()


def test_errors_are_in_indonesian_by_default(tmp_path):
    with translation.override("id"):
        report = workforce_import(
            rows=read_rows(write(tmp_path, HEADER + "2022,99,EMPLOYED,1,B\n"))
        )
    assert report.errors == [(2, "Kode wilayah “99” tidak dikenal.")]
