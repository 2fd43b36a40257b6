"""htmx partials are doors: every URL a page asks for with hx-get or hx-post must answer any
query string, as every role, with a well-formed partial, a whole page, or a refusal carrying
its message — never a 5xx. The hostile walk sends them (test_hostile_walk.py).

The htmx doors are found, not listed: one page of each URL pattern of the URL matrix
(tests/trust_world.py's records, as a national administrator and as a provincial officer,
who see different forms) is read for its hx-get/hx-post elements, with each element's
target, swap and select. Hostile query strings (and, for hx-post, hostile form values) are
drawn by Hypothesis from the hostile walk's strategies, with a fixed seed.

Well-formed: a 200 is a whole page (`</html>` at its end) or a partial (no <html>/<body>,
balanced tags), holds the element htmx will pick (hx-select's id, or the target's id for an
outerHTML swap) unless the server placed it elsewhere (HX-Retarget), and shows no failed
template variable or "None"; a 4xx has words for static/portal/refusals.js to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.test import Client
from django.urls import resolve
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests import hostile
from tests.coverage_portal.walk import INVALID_MARK, NONE_WORD, _Page
from tests.coverage_portal.walks.test_url_matrix import POST_ONLY, site_cases
from tests.trust_world import World

# Who finds the doors: between them every htmx element of the portal is on some page.
FINDERS = ("national_admin", "kalbar_officer")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
EXAMPLES = 2  # hostile requests per door and identity
# Files and exports (no htmx there), and the doors that end the session.
SKIPPED = re.compile(r"^api:|export|download|pdf|csv|template|logout|healthz|boundaries")


@dataclass(frozen=True)
class HtmxDoor:
    view: str
    verb: str  # GET or POST
    url: str
    target: str
    swap: str
    select: str
    fields: tuple[str, ...]


class _Elements(HTMLParser):
    """The hx-get/hx-post elements of a page, with the names of their forms' fields."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, Any]] = []
        self.form: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = {key: value or "" for key, value in attrs}
        for verb in ("get", "post"):
            if f"hx-{verb}" in given:
                element = {"verb": verb.upper(), "url": given[f"hx-{verb}"], "fields": []}
                element |= {k: given.get(f"hx-{k}", "") for k in ("target", "swap", "select")}
                self.found.append(element)
                if tag == "form":
                    self.form = element
        if tag == "form" and not any(k.startswith("hx-") for k in given):
            self.form = None
        if self.form is not None and tag in ("input", "select", "textarea") and given.get("name"):
            self.form["fields"].append(given["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None


class _Balance(HTMLParser):
    """Whether every element opened in a partial is closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.broken = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.open or self.open[-1] != tag:
            self.broken = True
        else:
            self.open.pop()


def find_doors(world: World) -> list[HtmxDoor]:
    doors: dict[tuple[str, str, str], HtmxDoor] = {}
    for identity in FINDERS:
        client = Client(raise_request_exception=False)
        client.force_login(world.users[identity])
        for url in _one_page_per_pattern(world, identity):
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            page = _Elements()
            page.feed(response.content.decode())
            for element in page.found:
                path = urlsplit(element["url"]).path or urlsplit(url).path
                door = HtmxDoor(
                    resolve(path).view_name, element["verb"], path, element["target"],
                    element["swap"], element["select"], tuple(sorted(set(element["fields"]))),
                )  # fmt: skip
                doors.setdefault((door.view, door.verb, path), door)
    return list(doors.values())


def _one_page_per_pattern(world: World, identity: str) -> list[str]:
    """A page of every URL pattern the user may open (the API, files and POST-only doors
    aside: none of them carries htmx)."""
    pages: dict[str, str] = {}
    for case in site_cases(world, identity):
        if not SKIPPED.search(case.name) and case.name not in POST_ONLY:
            pages.setdefault(case.name, case.url)
    return list(pages.values())


@st.composite
def hostile_htmx_request(draw: Any, door: HtmxDoor, keys: list[str]) -> dict[str, Any]:
    keys = draw(st.lists(st.sampled_from([*keys, *door.fields]), max_size=3, unique=True))
    query = {key: draw(hostile.hostile_value()) for key in keys}
    request: dict[str, Any] = {"path": door.url + "?" + urlencode(query), "data": None}
    if door.verb == "POST" and door.fields:
        names = draw(st.lists(st.sampled_from(door.fields), min_size=1, max_size=4, unique=True))
        request["data"] = {name: draw(hostile.hostile_value()) for name in names}
    return request


def problems_with(door: HtmxDoor, response: Any) -> list[str]:
    status, kind = response.status_code, response.get("Content-Type", "")
    if hostile.server_error(status):
        return [f"answered {status}"]
    if 400 <= status < 500:
        return [] if response.content.strip() else [f"refused ({status}) without a message"]
    if status != 200 or "html" not in kind:
        return []
    html = response.content.decode()
    found = []
    if INVALID_MARK in html:
        found.append("a template variable failed")
    if NONE_WORD.search(_text(html)):
        found.append("'None' shown")
    if "<html" in html:
        if not html.rstrip().endswith("</html>"):
            found.append("a whole page cut short")
    else:
        balance = _Balance()
        balance.feed(html)
        if "<body" in html or balance.broken or balance.open:
            found.append(f"a partial with unbalanced tags {balance.open[-3:]}")
    picked = door.select or (door.target if door.swap == "outerHTML" else "")
    placed = "HX-Retarget" in response
    if picked.startswith("#") and not placed and f'id="{picked[1:]}' not in html:
        found.append(f"no {picked} to swap in")
    return found


def _text(html: str) -> str:
    page = _Page()
    page.feed(html)
    return " ".join(" ".join(page.text).split())


def draw_requests(door: HtmxDoor, keys: list[str], number: int) -> list[dict[str, Any]]:
    """EXAMPLES requests for a door, the same on every run (a fixed seed, no database)."""
    drawn: list[dict[str, Any]] = []

    @seed(number)
    @settings(max_examples=EXAMPLES, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(request=hostile_htmx_request(door, keys))
    def draw(request: dict[str, Any]) -> None:
        drawn.append(request)

    draw()
    return drawn
