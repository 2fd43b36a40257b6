"""import_counts answers a hostile file with messages, never a traceback."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from participants.models import ParticipantCount
from tests import hostile
from tests.participants.transfer.helpers import csv_bytes


@pytest.mark.django_db
@pytest.mark.parametrize("count", ["1" * 40, "9" * 5000, "١٢٣", "１２３", str(10**30)])
def test_import_counts_refuses_a_hostile_count_with_a_message(tmp_path, count):
    hostile.tried()
    path = tmp_path / "counts.csv"
    path.write_bytes(csv_bytes([("2024-05", "61.71", "PU", count)]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="error"):
        call_command("import_counts", str(path), stdout=out)
    assert "line 2" in out.getvalue() and "Traceback" not in out.getvalue()
    assert not ParticipantCount.objects.exists()
