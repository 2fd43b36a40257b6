"""Month-end at the portal: 38 provincial officers saving their province's month, and 200
viewers reading dashboards, coverage tables and exports. Run by bench/load.py:

    locust -f bench/locustfile.py --headless -u 238 … (LOAD_USERS names the accounts file)

Each officer saves the whole grid of their province (every regency × category, as the
browser's htmx form does) every few seconds, then reads its coverage page until the new
total shows: that wait is reported as "freshness".
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from itertools import count
from pathlib import Path
from typing import Any

import gevent
from locust import FastHttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.grid_form import grid_form, thousands

ACCOUNTS: dict[str, Any] = json.loads(Path(os.environ["LOAD_USERS"]).read_text())
OFFICERS = iter(ACCOUNTS["officers"])
VIEWERS = iter(ACCOUNTS["viewers"])
SAVE_EVERY = (float(os.environ.get("SAVE_MIN", 3)), float(os.environ.get("SAVE_MAX", 8)))
# A viewer reads a page (charts, a table) for a while before the next click.
VIEW_EVERY = (float(os.environ.get("VIEW_MIN", 5)), float(os.environ.get("VIEW_MAX", 20)))
FRESH_WITHIN = 30.0  # seconds before a save that never shows counts as a failure
POLL_EVERY = 0.5
VERSION = re.compile(r'name="version" value="(\d+)"')


def joining(think: tuple[float, float]) -> None:
    """Users join at a random point of their first pause, as at a month-end already under
    way: 238 users sending their first request within the same second is a burst of its
    own, which the two minutes are not about."""
    gevent.sleep(random.uniform(0, think[1]))


class Signed(FastHttpUser):
    abstract = True
    account: dict[str, str]

    def headers(self, **extra: str) -> dict[str, str]:
        cookie = f"sessionid={self.account['session']}; csrftoken={self.account['csrf']}"
        return {"Cookie": cookie, **extra}

    def page(self, path: str, name: str) -> Any:
        with self.client.get(path, headers=self.headers(), name=name, catch_response=True) as r:
            if r.status_code != 200 or "/accounts/login/" in (r.url or ""):
                r.failure(f"{r.status_code} {r.url}")
            return r


class Officer(Signed):
    fixed_count = len(ACCOUNTS["officers"])
    wait_time = between(*SAVE_EVERY)

    def on_start(self) -> None:
        self.account = next(OFFICERS)
        joining(SAVE_EVERY)
        self.grid = f"/laporan/{self.account['province']}/{self.account['period']}/"
        self.saves = count(1)
        self.version = self._version(self.page(self.grid, "/laporan/[prov]/[month]/ (open)"))

    @task
    def save_month(self) -> None:
        form, total = grid_form(
            self.account, ACCOUNTS["categories"], next(self.saves), self.version
        )
        headers = self.headers(**{"HX-Request": "true", "X-CSRFToken": self.account["csrf"]})
        with self.client.post(
            self.grid, data=form, headers=headers, name="save grid month", catch_response=True
        ) as answer:
            if answer.status_code != 200 or 'data-testid="saved"' not in (answer.text or ""):
                answer.failure(f"{answer.status_code}: not saved ({answer.error!r})")
                self.version = self._version(
                    self.page(self.grid, "/laporan/[prov]/[month]/ (open)")
                )
                return
            self.version = self._version(answer)
        self._until_fresh(total)

    def _until_fresh(self, total: int) -> None:
        """Read the province's coverage page until it shows the total just saved."""
        path = f"/cakupan/{self.account['province']}/?period={self.account['period']}"
        wanted = f"<strong>{thousands(total)}</strong>"
        saved_at = time.monotonic()
        while time.monotonic() - saved_at < FRESH_WITHIN:
            answer = self.page(path, "/cakupan/[prov]/ (freshness poll)")
            if wanted in (answer.text or ""):
                return self._fresh(saved_at, None)
            time.sleep(POLL_EVERY)
        self._fresh(saved_at, TimeoutError(f"not shown within {FRESH_WITHIN:.0f} s"))

    def _fresh(self, saved_at: float, error: Exception | None) -> None:
        events.request.fire(
            request_type="FRESH",
            name="save → coverage page shows it",
            response_time=(time.monotonic() - saved_at) * 1000,
            response_length=0,
            exception=error,
            context={},
        )

    @staticmethod
    def _version(answer: Any) -> int:
        match = VERSION.search(answer.text or "")
        return int(match.group(1)) if match else 0


class Viewer(Signed):
    fixed_count = len(ACCOUNTS["viewers"])
    wait_time = between(*VIEW_EVERY)

    def on_start(self) -> None:
        self.account = next(VIEWERS)
        joining(VIEW_EVERY)

    def province(self) -> str:
        return random.choice(ACCOUNTS["provinces"])

    @task(3)
    def national_dashboard(self) -> None:
        self.page("/dasbor/", "/dasbor/")
        self.page("/dasbor/peta/ID.geojson", "/dasbor/peta/ID.geojson")

    @task(3)
    def province_dashboard(self) -> None:
        self.page(f"/dasbor/provinsi/{self.province()}/", "/dasbor/provinsi/[prov]/")

    @task(2)
    def regency_dashboard(self) -> None:
        code = random.choice(ACCOUNTS["regencies"])
        self.page(f"/dasbor/kabupaten/{code}/", "/dasbor/kabupaten/[regency]/")

    @task(2)
    def national_coverage(self) -> None:
        self.page("/cakupan/", "/cakupan/")

    @task(2)
    def province_coverage(self) -> None:
        self.page(f"/cakupan/{self.province()}/", "/cakupan/[prov]/")

    @task(1)
    def coverage_export(self) -> None:
        kind = random.choice(["csv", "xlsx"])
        self.page(f"/cakupan/{self.province()}/?format={kind}", f"/cakupan/[prov]/?format={kind}")

    @task(1)
    def ranking_export(self) -> None:
        self.page("/dasbor/ekspor/peringkat.xlsx", "/dasbor/ekspor/peringkat.xlsx")
