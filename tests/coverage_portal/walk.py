"""A breadth-first walk of the site as one logged-in user, with the Django test client.

Every link on every page is followed (same site, GET), sampled by kind: at most `per_kind`
URLs of one view with one shape of parameters (two months of one grid, two agreements), so
the walk is bounded whatever the amount of data. Every page but the admin's is also asked
for as htmx does (`HX-Request: true`). What a page must never show is checked on each
answer: a 5xx (or an exception), "None", a template variable that failed (the walk's
settings make a failure visible as INVALID_MARK) and, on an Indonesian page, English left
untranslated.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import polib
from django.test import Client
from django.urls import Resolver404, resolve

INVALID_MARK = "@@INVALID@@"
ROOT = Path(__file__).resolve().parents[2]
# Not pages: leaving, switching language (POST), files the server does not render.
ADMIN = "/admin/"
SKIPPED_PREFIXES = ("/accounts/logout", "/i18n/", "/static/", "/media/")
# Parameters whose values differ only by which month, record or page they show.
SAMPLED_VALUES = {"bulan", "period", "periode", "month", "page", "p", "o", "q", "tahun", "year"}
SAMPLED_KWARGS = {"pk", "id", "object_id", "period", "month", "year", "token", "uidb64"}
PERIOD = re.compile(r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")
NONE_WORD = re.compile(r"\bNone\b")
FILE_TYPES = ("text/csv", "application/vnd", "application/pdf", "text/calendar", "application/zip")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


@dataclass
class Walk:
    pages: int = 0
    htmx: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)  # the pages walked, without their queries
    names: set[str] = field(default_factory=set)  # the URL names walked
    linked: set[str] = field(default_factory=set)  # the URL names linked from pages followed


def kind_of(path: str, query: str) -> tuple[object, ...] | None:
    """The view and shape of a URL: two URLs of one kind show the same page for other data."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    kwargs = tuple(
        sorted(
            (k, "*" if k in SAMPLED_KWARGS or PERIOD.match(str(v)) else str(v))
            for k, v in match.kwargs.items()
        )
    )
    params = tuple(
        sorted(
            (k, "*" if k in SAMPLED_VALUES or PERIOD.match(v) else v)
            for k, v in parse_qsl(query, keep_blank_values=True)
        )
    )
    return (match.view_name, kwargs, params)


def _local(href: str, base: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    path = parts.path or base
    if not path.startswith("/"):
        path = base.rsplit("/", 1)[0] + "/" + path
    if path.startswith(SKIPPED_PREFIXES):
        return None
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{path}?{query}" if query else path


@cache
def english_only_msgids() -> tuple[str, ...]:
    """Catalogue sentences (three words or more) whose English never appears in Indonesian."""
    msgids: set[str] = set()
    translated: list[str] = []
    for catalog in ROOT.glob("**/locale/id/LC_MESSAGES/django.po"):
        if ".venv" in catalog.parts:
            continue
        for entry in polib.pofile(str(catalog)):
            translated.append(entry.msgstr)
            plain = "%" not in entry.msgid and "{" not in entry.msgid
            if plain and entry.msgstr not in ("", entry.msgid) and len(entry.msgid.split()) >= 3:
                msgids.add(" ".join(entry.msgid.split()))
    indonesian = "\n".join(translated)
    return tuple(sorted(m for m in msgids if m not in indonesian))


def _check_html(url: str, html: str, walk: Walk, indonesian: bool) -> list[str]:
    page = _Page()
    page.feed(html)
    text = " ".join(" ".join(page.text).split())
    if NONE_WORD.search(text):
        at = NONE_WORD.search(text).start()  # type: ignore[union-attr]
        walk.problems.append(f"{url}: 'None' shown: …{text[max(0, at - 80) : at + 40]}…")
    if INVALID_MARK in html:
        at = html.index(INVALID_MARK)
        walk.problems.append(f"{url}: template variable failed: …{html[at - 120 : at + 40]}…")
    if indonesian:
        english = [m for m in english_only_msgids() if m in text]
        if english:
            walk.problems.append(f"{url}: untranslated on an Indonesian page: {english[:3]}")
    return page.links


def _fetch(client: Client, url: str, walk: Walk, *, htmx: bool = False) -> Any:
    label = f"{url} (htmx)" if htmx else url
    try:
        response = client.get(url, headers={"HX-Request": "true"} if htmx else None)
    except Exception as error:  # the walk reports every failing page, not only the first
        walk.problems.append(f"{label}: {error!r}")
        return None
    if response.status_code >= 500:
        walk.problems.append(f"{label}: {response.status_code}")
    return response


def _take(shape: tuple[object, ...], per: dict[Any, int], per_kind: int, per_name: int) -> bool:
    """Whether a link of this kind is followed: a URL name never walked always is; otherwise
    at most `per_kind` URLs of one kind and, when `per_name` is set, `per_name` of one name.
    Links are taken in the order pages show them, so the sample is the same on every run."""
    name = shape[0]
    if per.get(name, 0) and (per.get(shape, 0) >= per_kind or (per_name and per[name] >= per_name)):
        return False
    per[shape] = per.get(shape, 0) + 1
    per[name] = per.get(name, 0) + 1
    return True


def walk_site(
    client: Client,
    start: Iterable[str] = ("/",),
    *,
    per_kind: int = 2,
    depth: int = 99,
    per_name: int = 0,
) -> Walk:
    walk = Walk()
    seen: set[str] = set()
    per: dict[Any, int] = {}
    queue: deque[tuple[str, int]] = deque((url, 0) for url in start)
    while queue:
        url, level = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = _fetch(client, url, walk)
        walk.names.add(str(resolve(url.split("?")[0]).view_name))
        if response is None or response.status_code != 200:
            continue
        kind = response.get("Content-Type", "")
        if kind.startswith(FILE_TYPES):
            walk.files += 1
            continue
        if not kind.startswith("text/html"):
            continue
        walk.pages += 1
        walk.paths.add(url.split("?")[0])
        indonesian = response.get("Content-Language", "id").startswith("id")
        links = _check_html(url, response.content.decode(), walk, indonesian)
        # Django's admin answers htmx as any request (no template or view of it reads
        # HX-Request): asked once, it is checked once.
        htmx = None if url.startswith(ADMIN) else _fetch(client, url, walk, htmx=True)
        if htmx is not None and htmx.status_code == 200:
            walk.htmx += 1
            _check_html(f"{url} (htmx)", htmx.content.decode(), walk, indonesian)
        if level >= depth:
            continue
        for href in links:
            target = _local(href, url.split("?")[0])
            if target is None or target in seen:
                continue
            path, _, query = target.partition("?")
            shape = kind_of(path, query)
            if shape is None:
                continue
            walk.linked.add(str(shape[0]))
            if _take(shape, per, per_kind, per_name):
                queue.append((target, level + 1))
    return walk
