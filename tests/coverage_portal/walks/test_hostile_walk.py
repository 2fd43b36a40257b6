"""Generated hostile input at every door: every URL pattern of the site, the admin and the API
(enumerated from the URL resolver) × every role × GET, htmx GET and POST.

Each pattern is walked twice: with its path parameters filled by hostile values, and (where the
URL matrix knows records for it) with real records inside and outside the user's scope, the
query string and the body hostile. The values come from tests/hostile.py's strategies (NUL and
control characters, other scripts' digits, years 0 and 9999, 10^30 and 5.000-digit numbers,
blanks, 1 MB texts, unknown codes, wrong types, deep JSON), drawn by Hypothesis with a fixed
seed (derandomize), so every run sends the same requests. For every answer: no 5xx; on a 4xx
nothing was stored (a snapshot of every table's row count); no marker of a place outside the
user's scope; and at the end nothing stored holds a control character or a text beyond
100.000 characters.

Then the htmx doors (the URLs pages name in hx-get/hx-post, found by tests/coverage_portal/
htmx_doors.py) get hostile query strings as every role, as htmx sends them: each answer is a
well-formed partial, a whole page, or a refusal with its message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.db import connection, models, transaction
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests import hostile, trust_figures
from tests.coverage_portal.doors import SKIPPED, Door, doors
from tests.coverage_portal.htmx_doors import HtmxDoor, draw_requests, find_doors, problems_with
from tests.coverage_portal.walks.test_demo_walk import _walk_settings as walk_settings
from tests.coverage_portal.walks.test_url_matrix import (
    admin_cases,
    body_of,
    hidden_markers,
    site_cases,
)
from tests.trust_world import IDENTITIES, World, build_world

OURS = ("regions", "participants", "agreements")
QUERY_KEYS = [
    "wilayah", "bulan", "period", "province", "format", "selesai", "halaman", "page", "q",
    "term", "agreement", "meeting", "orgUnit", "dataSet", "year", "tahun", "status", "region",
    "kind", "category", "shape", "dryRun", "next", "o", "p",
    "baris", "kolom", "ukuran", "tingkat", "dari", "sampai", "kategori", "urut", "jumlah",
    "metode", "terbuka", "hasil",
]  # fmt: skip
# Tables a refused request may still write: the session, login throttling and the record of
# a refused upload (kept on purpose, README "Start here").
UNCOUNTED = re.compile(r"django_session|axes_|django_celery|importfailure|knox_authtoken")
CHUNK = 12  # targets per Hypothesis example


def field_names() -> list[str]:
    """Every concrete field of the portal's models: the names its forms and serializers use."""
    names = {
        f.name
        for model in apps.get_models()
        if model._meta.app_label in OURS
        for f in model._meta.concrete_fields
    }
    return sorted(names | {"scope", "comment", "reason", "acknowledge", "email", "token"})


# --- The requests ---------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str
    path: str | None  # a real URL; None: fill the door's parameters with hostile values
    door: Door | None = None


@st.composite
def hostile_request(draw: Any, target: Target, fields: list[str]) -> dict[str, Any]:
    path = target.path
    if path is None:
        assert target.door is not None
        path = target.door.fill([draw(hostile.hostile_value()) for _ in range(target.door.params)])
    keys = draw(st.lists(st.sampled_from(QUERY_KEYS), max_size=3, unique=True))
    query = {key: draw(hostile.hostile_value()) for key in keys}
    if target.name.endswith("autocomplete"):
        query |= {"app_label": "regions", "model_name": "userscope", "field_name": "province"}
    method = draw(st.sampled_from(["GET", "HTMX", "POST"]))
    request: dict[str, Any] = {"method": method, "path": path + "?" + urlencode(query)}
    if method == "POST":
        request |= draw(_body(path, fields))
    return request


def _body(path: str, fields: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    keys = st.lists(st.sampled_from(fields), min_size=1, max_size=6, unique=True)
    if path.startswith("/api/"):
        objects = st.dictionaries(st.sampled_from(fields), hostile.json_value(), max_size=6)
        documents = st.one_of(
            objects.map(json.dumps),
            st.lists(objects, max_size=2).map(json.dumps),
            st.sampled_from([hostile.deep_json(50_001), hostile.deep_json(50_000), b"\x00", b""]),
        )
        return documents.map(lambda body: {"data": body, "content_type": "application/json"})
    return keys.flatmap(
        lambda names: st.fixed_dictionaries(
            {name: hostile.hostile_value(long=True) for name in names}
        ).map(lambda form: {"data": form})
    )


def send(client: Client, request: dict[str, Any]) -> Any:
    if request["method"] == "POST":
        return client.post(
            request["path"],
            request["data"],
            **({"content_type": request["content_type"]} if "content_type" in request else {}),
        )
    headers = {"HX-Request": "true"} if request["method"] == "HTMX" else {}
    return client.get(request["path"], headers=headers)


def describe(request: dict[str, Any]) -> str:
    data = request.get("data")
    shown = repr(data)[:200] if data is not None else ""
    return f"{request['method']} {request['path'][:300]} {shown}"


# --- What is stored -------------------------------------------------------------------


def counted_tables() -> list[str]:
    """The portal's tables and the users'."""
    ours = [m._meta.db_table for m in apps.get_models() if m._meta.app_label in OURS]
    return sorted({*ours, "auth_user", "auth_group"} - {t for t in ours if UNCOUNTED.search(t)})


def row_counts(tables: list[str]) -> tuple[int, ...]:
    selects = ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")
        return tuple(cursor.fetchone())


CONTROL_SQL = "[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"


def hostile_text_stored() -> list[str]:
    """Text columns of the portal's tables holding a control character or 100.000+ chars."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in OURS:
            continue
        for f in model._meta.concrete_fields:
            if not isinstance(f, models.CharField | models.TextField):
                continue
            column, table = f.column, model._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute(
                    f'SELECT count(*) FROM "{table}" WHERE "{column}" ~ %s '
                    f'OR length("{column}") > 100000',
                    [CONTROL_SQL],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{model._meta.label}.{f.name}")
    return found


# --- The walk -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        yield build_world(media)
        transaction.set_rollback(True)


def targets(world: World, identity: str) -> list[Target]:
    """Every door with hostile parameters; and half the real records' URLs (the other half
    goes to the next identity: every one is walked by four identities, within the time)."""
    every = [Target(door.name, None, door) for door in doors()]
    real = site_cases(world, identity) + admin_cases(world, identity)
    half = IDENTITIES.index(identity) % 2
    every += [
        Target(case.name, case.url)
        for index, case in enumerate(real)
        if index % 2 == half and not SKIPPED.search(case.name)
    ]
    return every


def chunks(items: list[Target]) -> Iterator[list[Target]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def test_every_url_pattern_is_a_door_of_the_walk() -> None:
    names = {door.name for door in doors()}
    assert "api:region-detail" in names and "admin:agreements_agreement_change" in names
    assert "participants:cell-history" in names and "dashboards:province" in names
    assert len(names) > 250


@pytest.mark.django_db
@pytest.mark.parametrize("identity", IDENTITIES)
def test_generated_hostile_input_at_every_door(world: World, identity: str) -> None:
    # A view's exception is answered 500, as in production, and the walk goes on.
    client = Client(raise_request_exception=False)
    if world.users[identity] is not None:
        client.force_login(world.users[identity])
    tables = counted_tables()
    markers = hidden_markers(identity)
    problems: list[str] = []
    counts = [row_counts(tables)]

    def visit(request: dict[str, Any]) -> None:
        response = send(client, request)
        counts.append(row_counts(tables))
        problems.extend(judge(identity, request, response, counts[-2], counts[-1], markers))

    sent = trust_figures.FIGURES["url_role_checks"]
    walked = targets(world, identity)
    for index, chunk in enumerate(chunks(walked)):
        walk_chunk(chunk, IDENTITIES.index(identity) * 10_000 + index, field_names(), visit)
    assert trust_figures.FIGURES["url_role_checks"] - sent == len(walked), "a chunk was skipped"
    stored = hostile_text_stored()
    assert not stored, f"hostile text stored in {stored}"
    assert not problems, "\n".join(problems[:40])


# --- htmx partials are doors ------------------------------------------------------


@pytest.fixture(scope="module")
def htmx_doors(world: World, django_db_blocker: Any) -> list[HtmxDoor]:
    with django_db_blocker.unblock():
        return find_doors(world)


def test_the_htmx_doors_are_found(htmx_doors: list[HtmxDoor]) -> None:
    views = {door.view for door in htmx_doors}
    expected = {
        "participants:grid",
        "participants:cell-history",
        "participants:import-preview",
        "dashboards:national",
        "dashboards:province",
    }
    assert expected <= views, expected - views


@pytest.mark.django_db
@pytest.mark.parametrize("identity", IDENTITIES)
def test_every_htmx_door_answers_hostile_queries_well_formed(
    world: World, htmx_doors: list[HtmxDoor], identity: str
) -> None:
    client = Client(raise_request_exception=False)
    if world.users[identity] is not None:
        client.force_login(world.users[identity])
    found: list[str] = []
    with walk_settings():
        for number, door in enumerate(htmx_doors):
            for request in draw_requests(
                door, QUERY_KEYS, IDENTITIES.index(identity) * 1000 + number
            ):
                headers = {"HX-Request": "true"}
                if door.verb == "POST":
                    response = client.post(request["path"], request["data"] or {}, headers=headers)
                else:
                    response = client.get(request["path"], headers=headers)
                trust_figures.count("url_role_checks")
                hostile.tried()
                for problem in problems_with(door, response):
                    found.append(f"{identity} {door.verb} {request['path'][:200]}: {problem}")
    assert not found, "\n".join(found[:30])


def walk_chunk(chunk: list[Target], number: int, fields: list[str], visit: Any) -> None:
    """One Hypothesis run per chunk of doors, with its own fixed seed: the same requests on
    every run, and no shrinking (a finding is recorded, never raised). Hypothesis first
    tries its simplest example (no query, GET, the first value of each list): that one only
    draws its start and stops, so the walk sends the random one."""

    @seed(number)
    @settings(max_examples=2, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def walk(data: Any) -> None:
        if not data.draw(st.integers(0, 1000), label="start"):
            return
        for target in chunk:
            visit(data.draw(hostile_request(target, fields), label=target.name))

    walk()


def judge(
    identity: str,
    request: dict[str, Any],
    response: Any,
    before: tuple[int, ...],
    after: tuple[int, ...],
    markers: list[str],
) -> Iterator[str]:
    status = response.status_code
    trust_figures.count("url_role_checks")
    hostile.tried()
    if hostile.server_error(status):
        yield f"{identity} {describe(request)}: {status}"
        return
    if 400 <= status < 500 and hostile.refused_yet_stored(before, after):
        yield f"{identity} {describe(request)}: refused ({status}) yet stored"
    leaked = [m for m in markers if m in body_of(response)] if status == 200 else []
    if leaked:
        trust_figures.count("out_of_scope_reads")
        yield f"{identity} {describe(request)}: shows {leaked}"
