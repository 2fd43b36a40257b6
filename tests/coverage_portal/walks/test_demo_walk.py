"""The demo is the first test: `seed_demo`, then every demo account walks the whole site.

The demo is seeded as on 11 March 2023 (fourteen months: the Papua split of August 2022,
Papua Barat Daya's first month in January 2023, the calibrated December 2022, approved months
and the month now due as drafts), once for the module, and removed at its end. Each demo
account then walks breadth-first from `/` (tests/coverage_portal/walk.py) on the 11th, the
day after the deadline; on the 1st, the 10th (the deadline) and the last day of the month
every account walks its home and every page one click away. Nothing may answer 5xx, show
"None", fail a template variable or leave English on an Indonesian page.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import models
from django.test import Client, override_settings
from django.urls import reverse

from participants.models import Category
from regions.demo import DEMO_ACCOUNTS
from regions.models import Region
from tests.conftest import restore_reference_data
from tests.coverage_portal.walk import INVALID_MARK, walk_site

pytestmark = [pytest.mark.xdist_group("demo-walk")]
WIB = ZoneInfo("Asia/Jakarta")
SEEDED_ON = dt.datetime(2023, 3, 11, 9, 0, tzinfo=WIB)
DAYS = {"1st": 1, "10th": 10, "last": 31}
USERNAMES = [a.username for a in DEMO_ACCOUNTS]


def _walk_settings() -> Any:
    configured: list[dict[str, Any]] = list(settings.TEMPLATES)
    templates = [
        {**t, "OPTIONS": {**t["OPTIONS"], "string_if_invalid": INVALID_MARK}} for t in configured
    ]
    return override_settings(TEMPLATES=templates)


@pytest.fixture(scope="module")
def demo(django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), time_machine.travel(SEEDED_ON, tick=False):
        started = time.perf_counter()
        call_command("seed_demo", "--no-accounts", verbosity=0)
        print(f"\nseed_demo as on {SEEDED_ON:%d %B %Y}: {time.perf_counter() - started:.1f} s")
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        restore_reference_data()
    cache.clear()


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _report(label: str, walk: Any, seconds: float) -> None:
    print(
        f"walk {label}: {walk.pages} pages (+{walk.htmx} as htmx, {walk.files} files) "
        f"in {seconds:.1f} s, {len(walk.problems)} problems"
    )
    for problem in walk.problems:
        print(f"  {problem[:300]}")


# Three clicks deep from every home, sampled: every URL name linked from a page walked is
# opened, and at most PER_NAME addresses of one name (one per parameter shape), taken in the
# order pages show them so every run walks the same pages. The unbounded walk is
# `walk_site(client)` with the defaults, for a person to run at will.
PER_NAME = 1


@pytest.mark.parametrize("username", USERNAMES)
def test_every_demo_account_walks_three_clicks_deep(demo, db, username):
    cache.clear()
    with time_machine.travel(SEEDED_ON, tick=False), _walk_settings():
        started = time.perf_counter()
        walk = walk_site(_client(username), depth=3, per_kind=1, per_name=PER_NAME)
    _report(f"{username} on the 11th, three clicks deep", walk, time.perf_counter() - started)
    assert walk.pages > 5
    assert walk.problems == []
    assert walk.linked <= walk.names, "every URL name linked is walked"
    assert walk.paths >= QUALITY_PAGES, "the data-quality pages are two clicks from home"


QUALITY_PAGES = {"/laporan/pencilan/", "/laporan/tindak-lanjut/", "/laporan/aturan/hasil/"}


def test_the_demo_has_follow_ups_and_rule_results_to_show(demo, db):
    """The seed marks follow-ups as people would and runs the rules: no page is empty."""
    with time_machine.travel(SEEDED_ON, tick=False):
        approver = _client("penyetuju.kalbar").get("/laporan/tindak-lanjut/").content.decode()
        jatim = _client("petugas.jatim").get("/laporan/tindak-lanjut/").content.decode()
        viewer = _client("pemantau").get("/laporan/tindak-lanjut/").content.decode()
        passed = _client("pemantau").get("/laporan/aturan/hasil/?hasil=passed")
        flagged = _client("petugas.jatim").get("/laporan/aturan/hasil/")
    assert approver.count("DEMO: ") == 3 and "sudah dicek" in approver  # two marks, one closed
    assert jatim.count("DEMO: ") == 1 and "lonjakan" not in jatim  # its province's only
    assert viewer.count("DEMO: ") == 4
    assert passed.status_code == 200 and len(passed.context["page"].object_list) > 0
    # The rules engine itself flags Jawa Timur's BPU: it grew > 20 % from January 2022.
    violations = flagged.context["page"].object_list
    assert violations and {r.rule.left for r in violations} == {"BPU"}
    assert {r.region.code[:2] for r in violations} == {"35"}
    assert all(r.left_value > r.right_value for r in violations)


@pytest.mark.parametrize("day", DAYS)
def test_every_home_and_its_links_on_any_day_of_the_month(demo, db, day):
    moment = dt.datetime(2023, 3, DAYS[day], 9, 0, tzinfo=WIB)
    problems = []
    for username in USERNAMES:
        cache.clear()
        with time_machine.travel(moment, tick=False), _walk_settings():
            started = time.perf_counter()
            walk = walk_site(_client(username), depth=1, per_kind=1, per_name=PER_NAME)
        _report(f"{username} on the {day}", walk, time.perf_counter() - started)
        problems += walk.problems
    assert problems == []


def _authors_gone() -> dict[type[models.Model], int]:
    """Every record a person wrote, as if that person's account were gone: a link that may be
    emptied (SET_NULL) points to a deleted account; one that keeps its account (PROTECT) to
    a deactivated account with no name. Kalimantan Barat's 61.71 Kota Pontianak is retired
    after January 2023 and PMI is retired as a category, their counts kept. Gives one
    affected record per model."""
    users = get_user_model()
    gone = users.objects.create_user("mantan.petugas", first_name="Mantan", last_name="Petugas")
    left = users.objects.create_user("nonaktif", is_active=False)
    affected: dict[type[models.Model], int] = {}
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if not (f.many_to_one and f.related_model is users and f.null):
                continue
            on_delete = f.remote_field.on_delete  # type: ignore[union-attr]
            if on_delete is models.SET_NULL:
                model._base_manager.update(**{f.name: gone})
            elif on_delete is models.PROTECT:
                model._base_manager.update(**{f.name: left})
            else:
                continue
            first = model._base_manager.order_by("pk").values_list("pk", flat=True).first()
            if first is not None:
                affected.setdefault(model, first)
    gone.delete()
    Region.objects.filter(code="61.71").update(valid_until=dt.date(2023, 1, 31))
    Category.objects.filter(code="PMI").update(is_active=False)
    affected[Region] = Region.objects.get(code="61.71").pk
    affected[Category] = Category.objects.get(code="PMI").pk
    return affected


def _admin_pages(affected: dict[type[models.Model], int]) -> list[str]:
    """The admin's change and history pages of each affected record, where the admin has one."""
    pages = []
    for model, pk in affected.items():
        if model not in admin.site._registry:
            continue
        label = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{label}_change", args=[pk]), reverse(f"{label}_history", args=[pk])]
    return pages


# The class of "a related object is missing": every demo account walks over a site whose
# authors are deleted or deactivated, with a retired regency and category: two clicks deep
# from its home (one address per URL name); the administrator one click deep from the admin
# index (every list) and from the change and history pages of one affected record of every
# model the admin shows.
def test_deleted_authors_and_retired_regions_break_no_page(demo, db):
    records = _admin_pages(_authors_gone())
    problems, pages = [], 0
    for username in USERNAMES:
        start, depth = (["/admin/", *records], 1) if username == "admin" else (["/"], 2)
        cache.clear()
        with time_machine.travel(SEEDED_ON, tick=False), _walk_settings():
            started = time.perf_counter()
            walk = walk_site(_client(username), start, depth=depth, per_kind=1, per_name=PER_NAME)
        _report(f"{username}, authors gone, 61.71 retired", walk, time.perf_counter() - started)
        problems += walk.problems
        pages += walk.pages
        if username == "admin":
            assert walk.paths >= set(records) and len(records) >= 10
    client = _client("penyetuju.kalbar")
    with time_machine.travel(SEEDED_ON, tick=False):
        history = client.get("/laporan/61/2022-12/riwayat/").content.decode()
    assert pages > 30 and problems == []
    assert "nonaktif" in history or "sistem" in history
