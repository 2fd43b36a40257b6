"""Benchmark: the exchange API end to end (token auth, parsing, counts_write, the answer).

1. POST a 10.000-value DHIS2 dataValueSet (national December 2023 whole and part of
   November: every regency × category, active participants and employers): as new counts,
   changing every value, as a dry run, and unchanged. Target: ≤ 5 s.
2. GET a national month as ADX (and as dataValueSets), median of a few runs.
3. The same 10.000 values changed again as DXF2 XML and as DHIS2 CSV, and as an async
   import (the Celery job run eagerly, in this process, then its summary read).

Creates its own throwaway database and drops it afterwards:

    scripts/with-services.sh .venv/bin/python bench/bench_api.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from bench import hand_import  # noqa: E402
from bench.limits import compare  # noqa: E402

MONTHS = (dt.date(2023, 12, 1), dt.date(2023, 11, 1))  # December whole, November in part
VALUES = 10_000
EXPORT_RUNS = 5


def data_values(shift: int) -> list[dict[str, str]]:
    """Exactly VALUES values; a sub-group (NON_ASN) stays below its parent (PU)."""
    from participants.models import Category
    from regions.models import Region

    categories = list(Category.objects.filter(is_active=True).order_by("order"))
    values = []
    for period in MONTHS:
        regencies = Region.objects.regencies().valid_on(period).order_by("code")
        for index, regency in enumerate(regencies.values_list("code", flat=True)):
            for category in categories:
                active = (200 if category.parent_id else 5_000) + index + shift
                for measure, value in (("ACTIVE", active), ("EMPLOYERS", active // 40 + shift)):
                    values.append(
                        {
                            "orgUnit": regency,
                            "dataElement": category.code,
                            "period": f"{period:%Y%m}",
                            "categoryOptionCombo": measure,
                            "value": str(value),
                        }
                    )
    return values[:VALUES]


def timed(call: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def main() -> None:
    from django.test import Client
    from knox.models import AuthToken

    from coverage_portal.api import query_check
    from regions.models import Role
    from regions.services import user_scope_assign
    from tests.regions.factories import UserFactory

    # The API's schema is built once per process, as gunicorn's workers do when they start.
    query_check.warm()
    admin = UserFactory(username="bench-admin")
    user_scope_assign(user=admin, role=Role.NATIONAL_ADMIN)
    _token, text = AuthToken.objects.create(user=admin)
    client = Client(HTTP_AUTHORIZATION=f"Token {text}")
    compare_with_hand_load(client, admin.pk)
    post_value_sets(client)
    export_national_month(client)
    post_other_formats(client)


def post_value_sets(client: Any) -> None:
    for label, shift, query in (
        ("new counts", 0, ""),
        ("every value changed", 7, ""),
        ("dry run", 9, "?dryRun=true"),
        ("unchanged (re-import)", 7, ""),
    ):
        body = json.dumps({"dataValues": data_values(shift)})
        seconds, response = timed(
            lambda body=body, query=query: client.post(
                f"/api/v1/dataValueSets{query}", body, content_type="application/json"
            )
        )
        summary = response.json()["response"]  # DHIS2's WebMessage wraps the ImportSummary
        assert response.status_code == 200, summary["conflicts"][:3]
        counts = ", ".join(f"{k} {v}" for k, v in summary["importCount"].items())
        print(
            f"dataValueSets POST, {VALUES} values, {label}: {seconds:.2f} s "
            f"({summary['status']}; {counts})"
        )


def compare_with_hand_load(client: Any, user_id: int) -> None:
    """New counts through the API against the same values loaded by hand (COPY + SQL)."""
    body = json.dumps({"dataValues": data_values(0)})

    def post() -> None:
        response = client.post("/api/v1/dataValueSets", body, content_type="application/json")
        assert response.status_code == 200, response.content[:500]

    compare(
        f"dataValueSets POST, {VALUES} values, new counts",
        project=post,
        limit=lambda: hand_import.load_rows(hand_import.value_set_rows(body), user_id),
        limit_name="json + COPY + INSERT…SELECT of reports, counts, history",
        target=1.5,
        budget=5.0,
        rounds=3,
        reset=hand_import.empty_tables,
    )
    hand_import.empty_tables()


def export_national_month(client: Any) -> None:
    for label, url in (
        ("ADX", "/api/v1/adx?orgUnit=ID&period=2023-12"),
        ("dataValueSets", "/api/v1/dataValueSets?orgUnit=ID&period=202312"),
    ):
        runs = [timed(lambda url=url: client.get(url)) for _ in range(EXPORT_RUNS)]
        response = runs[-1][1]
        assert response.status_code == 200
        median = statistics.median(seconds for seconds, _ in runs) * 1000
        size = len(response.content) / 1024
        groups = response.content.count(b"<group ")
        extra = f", {groups} groups" if groups else ""
        print(
            f"{label} GET, national month: median {median:.0f} ms over {EXPORT_RUNS} runs, "
            f"{size:.0f} KiB{extra}"
        )


def xml_body(values: list[dict[str, str]]) -> bytes:
    from xml.sax.saxutils import quoteattr

    lines = ['<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">']
    for value in values:
        attributes = " ".join(f"{key}={quoteattr(text)}" for key, text in value.items())
        lines.append(f"<dataValue {attributes}/>")
    return "\n".join([*lines, "</dataValueSet>"]).encode()


def csv_body(values: list[dict[str, str]]) -> bytes:
    lines = ["dataelement,period,orgunit,catoptcombo,attroptcombo,value"]
    for v in values:
        combo = v["categoryOptionCombo"]
        lines.append(f"{v['dataElement']},{v['period']},{v['orgUnit']},{combo},,{v['value']}")
    return "\n".join(lines).encode()


def post_other_formats(client: Any) -> None:
    for label, shift, content_type, make in (
        ("DXF2 XML", 11, "application/xml", xml_body),
        ("DHIS2 CSV", 13, "application/csv", csv_body),
    ):
        body = make(data_values(shift))
        seconds, response = timed(
            lambda body=body, content_type=content_type: client.post(
                "/api/dataValueSets", body, content_type=content_type
            )
        )
        summary = response.json()["response"]
        assert response.status_code == 200, summary["conflicts"][:3]
        print(
            f"dataValueSets POST, {VALUES} values, {label}, every value changed: "
            f"{seconds:.2f} s (updated {summary['importCount']['updated']})"
        )
    # The job runs in this process (Celery's eager mode), so its time is the import's own.
    from celery import current_app

    queued_body = json.dumps({"dataValues": data_values(15)})
    current_app.conf.task_always_eager = True
    queued, response = timed(
        lambda: client.post("/api/dataValueSets?async=true", queued_body, "application/json")
    )
    job = response.json()["response"]
    summary = client.get(f"/api/system/taskSummaries/DATAVALUE_IMPORT/{job['id']}").json()
    print(
        f"dataValueSets POST async=true, {VALUES} values: job run and answered in "
        f"{queued:.2f} s (updated {summary['importCount']['updated']})"
    )


if __name__ == "__main__":
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host
    creation = connection.creation
    name = creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("load_regions", verbosity=0)
        main()
    finally:
        creation.destroy_test_db(name, verbosity=0)
