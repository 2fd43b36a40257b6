"""The quick start's SQLite file: two people saving at once both succeed, neither sees a 500.

A deferred SQLite transaction that reads and then writes while another writes fails at once
with "database is locked" (waiting could deadlock, so SQLite does not). The settings open
every transaction IMMEDIATE, in WAL mode with a busy timeout, so the second writer waits.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

TWO_SAVES = """
import threading, time
import django
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE cell (id INTEGER PRIMARY KEY, value INTEGER)")
    cursor.execute("INSERT INTO cell (value) VALUES (0)")
connection.close()
both_read = threading.Barrier(2, timeout=5)
errors = []

def save(value):
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT value FROM cell WHERE id = 1").fetchone()
                try:
                    both_read.wait(timeout=1)
                except threading.BrokenBarrierError:
                    pass  # the other save waits for this one: as it should
                time.sleep(0.2)
                cursor.execute("UPDATE cell SET value = %s WHERE id = 1", [value])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()

threads = [threading.Thread(target=save, args=(v,)) for v in (1, 2)]
[t.start() for t in threads]
[t.join() for t in threads]
with connection.cursor() as cursor:
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
print("errors:", errors)
print("journal:", mode)
"""


def test_two_saves_at_once_on_the_quick_start_database_both_succeed(tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"CELERY_BROKER_URL", "REDIS_URL"}
    }
    environment.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'quick.sqlite3'}",
        DJANGO_SETTINGS_MODULE="coverage_portal.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", TWO_SAVES],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "errors: []" in result.stdout, result.stdout
    assert "journal: wal" in result.stdout
