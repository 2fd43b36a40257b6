"""Backups as the README documents them: pg_dump, pg_restore into a new database, then
verify_restore checks the restored coverage table against a fresh recompute."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from participants.models import StaleBucket
from tests.participants.coverage.factories import put_counts, put_workforce
from tests.production import ROOT

DECEMBER = dt.date(2022, 12, 1)


def _server() -> dict[str, str]:
    db = connection.settings_dict
    return {"host": db["HOST"], "port": str(db["PORT"]), "user": db["USER"]}


def _url(name: str) -> str:
    s = _server()
    return f"postgres://{s['user']}@{s['host']}:{s['port']}/{name}"


def _sql(name: str, statement: str) -> None:
    with psycopg.connect(_url(name), autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture
def restored(transactional_db: None, regions_reloaded: None, tmp_path: Path) -> Iterator[str]:
    """The test database with coverage data, dumped and restored as the README says."""
    put_workforce("61", 2022, 1_830_662)
    put_counts("61", DECEMBER, {"61.71": {"PU": 385_004}, "61.12": {"BPU": 98_541}})
    name = f"{connection.settings_dict['NAME']}_restored"
    dump = tmp_path / "portal.dump"
    server = ["-h", _server()["host"], "-p", _server()["port"], "-U", _server()["user"]]
    source = connection.settings_dict["NAME"]
    subprocess.run(["pg_dump", *server, "-Fc", "-f", str(dump), source], check=True)
    _sql("postgres", f'DROP DATABASE IF EXISTS "{name}"')
    # From template0, as pg_restore's documentation advises: template1 may be in use.
    _sql("postgres", f'CREATE DATABASE "{name}" TEMPLATE template0')
    subprocess.run(["pg_restore", *server, "--no-owner", "-d", name, str(dump)], check=True)
    try:
        yield name
    finally:
        _sql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def verify(name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "verify_restore"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": _url(name)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _province_participants(name: str) -> int:
    with psycopg.connect(_url(name)) as conn:
        row = conn.execute(
            "SELECT participants FROM participants_coveragerow c JOIN regions_region r "
            "ON r.id = c.region_id WHERE r.code = '61' AND c.period = %s "
            "AND c.category_id IS NULL",
            [DECEMBER],
        ).fetchone()
    assert row is not None
    return row[0]


def test_a_faithful_restore_passes(restored):
    result = verify(restored)
    assert result.returncode == 0, result.stderr
    assert "matches a fresh recompute" in result.stdout


def test_a_damaged_coverage_table_fails_and_is_left_as_it_was(restored):
    _sql(
        restored,
        "UPDATE participants_coveragerow SET participants = participants + 1 WHERE "
        "region_id = (SELECT id FROM regions_region WHERE code = '61') AND category_id IS NULL",
    )
    damaged = _province_participants(restored)

    result = verify(restored)

    assert result.returncode == 1
    assert "does not match a fresh recompute" in result.stderr
    assert "province 61 2022-12 all categories" in result.stderr
    assert _province_participants(restored) == damaged  # checked, never repaired


def test_rows_of_buckets_stale_in_the_backup_are_reported_not_failed(restored):
    province = StaleBucket._meta.get_field("province").related_model
    kalbar = province.objects.get(code="61").pk  # type: ignore[union-attr]
    _sql(
        restored,
        "UPDATE participants_coveragerow SET participants = participants + 1 WHERE "
        "region_id = (SELECT id FROM regions_region WHERE code = '61') AND category_id IS NULL",
    )
    _sql(
        restored,
        "INSERT INTO participants_stalebucket (province_id, period, marked_at) "
        f"VALUES ({kalbar}, '{DECEMBER}', now())",
    )
    result = verify(restored)
    assert result.returncode == 0, result.stderr
    assert "marked stale in the backup" in result.stdout
