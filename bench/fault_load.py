"""Steady load for the fault benchmark: officers saving, viewers reading, in threads.

Unlike locust (bench/locustfile.py) it keeps a ledger: every save the portal answered as
saved, so that after a fault nothing acknowledged may be missing from the database, and
every error page, so that each can be checked for being the friendly one.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import requests

from bench.grid_form import grid_form

VERSION = re.compile(r'name="version" value="(\d+)"')
FRIENDLY_503 = "Layanan sedang tidak tersedia"
PAGES = [
    "/dasbor/",
    "/dasbor/provinsi/{p}/",
    "/cakupan/",
    "/cakupan/{p}/",
    "/dasbor/peta/ID.geojson",
]


@dataclass
class Answer:
    at: float
    kind: str  # "save" or "page"
    status: int  # 0: no answer (connection refused, reset, timeout)
    seconds: float
    saved: bool = False


@dataclass
class Ledger:
    answers: list[Answer] = field(default_factory=list)
    acknowledged: dict[str, int] = field(default_factory=dict)  # province → total
    unfriendly: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, answer: Answer, body: str = "", url: str = "") -> None:
        with self.lock:
            self.answers.append(answer)
            if answer.status >= 500 and (FRIENDLY_503 not in body or "Traceback" in body):
                self.unfriendly.append(f"{answer.status} {url}")

    def acknowledge(self, province: str, total: int) -> None:
        with self.lock:
            self.acknowledged[province] = max(total, self.acknowledged.get(province, 0))

    def between(self, start: float, end: float, kind: str | None = None) -> list[Answer]:
        return [a for a in self.answers if start <= a.at < end and kind in (None, a.kind)]


def statuses(answers: list[Answer]) -> str:
    counts = Counter("saved" if a.saved else str(a.status or "no answer") for a in answers)
    return ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "none"


def p95(answers: list[Answer]) -> float:
    ordered = sorted(a.seconds for a in answers)
    return ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else 0.0


class Load:
    """Officer and viewer threads until stopped; each request is bounded by a timeout."""

    def __init__(self, url: str, users: dict[str, Any], viewers: int = 10) -> None:
        self.url, self.users, self.viewers = url, users, viewers
        self.ledger = Ledger()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.saves = {o["province"]: 0 for o in users["officers"]}

    def __enter__(self) -> Load:
        for officer in self.users["officers"]:
            self._start(self._officer, officer)
        for viewer in self.users["viewers"][: self.viewers]:
            self._start(self._viewer, viewer)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _start(self, target: Any, account: dict[str, Any]) -> None:
        thread = threading.Thread(target=target, args=(account,), daemon=True)
        thread.start()
        self.threads.append(thread)

    def _session(self, account: dict[str, Any]) -> requests.Session:
        http = requests.Session()
        http.headers["Cookie"] = f"sessionid={account['session']}; csrftoken={account['csrf']}"
        return http

    def _request(self, http: requests.Session, kind: str, method: str, path: str, **kw: Any):  # type: ignore[no-untyped-def]
        started = time.monotonic()
        try:
            response = http.request(method, f"{self.url}{path}", timeout=30, **kw)
        except requests.RequestException:
            self.ledger.record(Answer(started, kind, 0, time.monotonic() - started))
            return None
        answer = Answer(started, kind, response.status_code, time.monotonic() - started)
        answer.saved = kind == "save" and 'data-testid="saved"' in response.text
        self.ledger.record(answer, response.text, path)
        return response

    def _officer(self, account: dict[str, Any]) -> None:
        http = self._session(account)
        grid = f"/laporan/{account['province']}/{account['period']}/"
        headers = {"HX-Request": "true", "X-CSRFToken": account["csrf"]}
        version = self._version(self._request(http, "page", "GET", grid))
        while not self.stop.is_set():
            self.saves[account["province"]] += 1
            n = self.saves[account["province"]]
            form, total = grid_form(account, self.users["categories"], n, version)
            answer = self._request(http, "save", "POST", grid, data=form, headers=headers)
            if answer is not None and 'data-testid="saved"' in answer.text:
                self.ledger.acknowledge(account["province"], total)
                version = self._version(answer)
            else:  # unknown whether it committed: read the version the server has now
                version = self._version(self._request(http, "page", "GET", grid)) or version
            self.stop.wait(random.uniform(1.0, 3.0))

    def _viewer(self, account: dict[str, Any]) -> None:
        http = self._session(account)
        while not self.stop.is_set():
            path = random.choice(PAGES).format(p=random.choice(self.users["provinces"]))
            self._request(http, "page", "GET", path)
            self.stop.wait(random.uniform(1.0, 3.0))

    @staticmethod
    def _version(response: requests.Response | None) -> int:
        match = VERSION.search(response.text) if response is not None else None
        return int(match.group(1)) if match else 0
