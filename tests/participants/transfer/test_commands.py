"""manage.py import_counts: the same report as the web preview, non-zero exit on any error."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from participants.models import ParticipantCount
from tests.participants.transfer.helpers import (
    csv_bytes,
    in_english,  # noqa: F401  (fixture)
    kalbar_month,
    xlsx_bytes,
)

pytestmark = pytest.mark.usefixtures("in_english")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_counts", *args, stdout=out)
    return out.getvalue()


def test_import_counts_writes_a_good_file_and_reports_counts(tmp_path, db):
    path = tmp_path / "mei.xlsx"
    path.write_bytes(xlsx_bytes(kalbar_month()))

    output = run(str(path))

    assert "created 5, updated 0, unchanged 0" in output
    assert ParticipantCount.objects.count() == 5


def test_dry_run_writes_nothing(tmp_path, db):
    path = tmp_path / "mei.csv"
    path.write_bytes(csv_bytes(kalbar_month()))

    output = run(str(path), "--dry-run")

    assert "would be written: created 5" in output
    assert not ParticipantCount.objects.exists()


def test_any_error_prints_its_line_and_exits_non_zero(tmp_path, db):
    path = tmp_path / "mei.csv"
    path.write_bytes(csv_bytes([*kalbar_month(), ("2024-05", "61.71", "ABC", "1")]))
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 error"):
        call_command("import_counts", str(path), stdout=out)

    assert "line 7 [category]: error: Unknown category" in out.getvalue()
    assert not ParticipantCount.objects.exists()


def test_user_option_applies_that_users_scope(tmp_path, jatim_officer):
    path = tmp_path / "mei.csv"
    path.write_bytes(csv_bytes(kalbar_month()))

    with pytest.raises(CommandError):
        run(str(path), "--user", jatim_officer.username)

    assert not ParticipantCount.objects.exists()


def test_unknown_user_or_missing_file_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="No such file"):
        run(str(tmp_path / "missing.csv"))
    path = tmp_path / "mei.csv"
    path.write_bytes(csv_bytes(kalbar_month()))
    with pytest.raises(CommandError, match="No such user"):
        run(str(path), "--user", "nobody")
