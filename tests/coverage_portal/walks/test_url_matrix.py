"""Every URL of the site and of the admin, for anonymous, an outsider and every role.

Path parameters are filled with real records inside and outside each user's scope
(tests/trust_world.py). For every request: no 500; no marker of a place the user may not
view; the right status (anonymous users are sent to log in; a record outside the scope is
never answered 200; one inside it is, on the pages that show it). Then every user POSTs to
every URL and admin form of records outside their scope, and no such record may change.

One database setup for the module (rolled back at its end); one test per identity.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib import admin
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from simple_history.admin import SimpleHistoryAdmin

from participants.models import ValidationRule
from regions.access.admin import PortalAdminMixin
from tests import trust_figures
from tests.trust_world import (
    CHANGERS,
    IDENTITIES,
    MONTH,
    PLACES,
    PROVINCE_OF,
    PROVINCE_VIEWERS,
    VIEWERS,
    World,
    build_world,
    count_markers,
    marker,
    may_change,
)

PERIOD = f"{MONTH:%Y-%m}"
PUBLIC = {
    "healthz",
    "set_language",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}
# Pages that change data answer GET with 405 (require_POST).
POST_ONLY = {
    "participants:import-preview",
    "participants:import-apply",
    "participants:import-cancel",
    "participants:submit",
    "participants:approve",
    "participants:send-back",
    "participants:reopen",
    "participants:followup-mark",
    "participants:followup-close",
    "agreements:agreement-step",
    "agreements:commitment-status",
    "agreements:action-complete",
    "agreements:document-upload",
    "agreements:document-delete",
    "agreements:notification-read",
    "logout",
}
# Pages whose GET shows a form to change a record: 200 for those who may change it.
EDIT_PAGES = {
    "agreements:agreement-edit",
    "agreements:commitment-edit",
    "agreements:meeting-edit",
    "agreements:regulation-edit",
    "agreements:budget-edit",
}


@dataclass(frozen=True)
class Case:
    url: str
    name: str
    place: str | None = None  # a place (or province) the URL's record belongs to
    province: bool = False  # `place` is a province code
    record: tuple[str, str] | None = None  # (kind, place) of the record behind the URL


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)

    def add(self, identity: str, case: Case, what: str, status: int) -> None:
        self.problems.append(f"{identity} GET {case.url} ({case.name}): {what} [{status}]")


# --- The URL patterns and the records filling their parameters -------------------------


def url_patterns() -> Iterator[tuple[str, list[str]]]:
    """(name, parameter names) of every named site pattern; the admin is walked apart."""

    def walk(patterns: list[Any], namespace: str | None) -> Iterator[tuple[str, list[str]]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                params = list(pattern.pattern.regex.groupindex)
                if "format" not in params:  # the API's `.json` twins run the same views
                    yield name, params

    yield from walk(get_resolver().url_patterns, None)


def _by_place(world: World, name: str, kind: str, **extra: Any) -> list[Case]:
    return [
        Case(
            reverse(name, kwargs={"pk": world.record(kind, p).pk, **extra}),
            name,
            p,
            record=(kind, p),
        )
        for p in PLACES
    ]


def _provinces(name: str, **extra: Any) -> list[Case]:
    return [
        Case(reverse(name, kwargs={"code": code, **extra}), name, code, province=True)
        for code in ("61", "74")
    ]


def _regencies(name: str) -> list[Case]:
    return [Case(reverse(name, kwargs={"code": c}), name, p) for p, c in PLACES.items()]


def fillers(world: World) -> dict[str, list[Case]]:
    month = {"period": PERIOD}
    dashboards_exports = [
        Case(
            reverse("dashboards:export", kwargs={"table": table, "fmt": "csv"})
            + f"?bulan={PERIOD}&wilayah={code}",
            "dashboards:export",
            code,
            province=True,
        )
        for table in ("kabupaten", "kategori", "tren", "kelengkapan", "skor")
        for code in ("61", "74")
    ] + [
        Case(reverse("dashboards:export", kwargs={"table": t, "fmt": f}), "dashboards:export")
        for t, f in (("peringkat", "xlsx"), ("kategori", "csv"), ("nope", "csv"))
    ]
    cell_history = [
        Case(
            reverse(
                "participants:cell-history",
                kwargs={
                    "code": PROVINCE_OF[p],
                    "period": PERIOD,
                    "regency": code,
                    "category": "PU",
                },
            ),
            "participants:cell-history",
            p,
        )
        for p, code in PLACES.items()
    ]
    cases = {
        "password_reset_confirm": [
            Case(
                reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "set-password"}),
                "password_reset_confirm",
            )
        ],
        "dashboards:province": _provinces("dashboards:province"),
        "dashboards:regency": _regencies("dashboards:regency"),
        "dashboards:boundaries": _provinces("dashboards:boundaries"),
        "dashboards:export": dashboards_exports,
        "dashboards:completeness-province": _provinces("dashboards:completeness-province"),
        "dashboards:report": _provinces("dashboards:report"),
        "dashboards:report-pdf": _provinces("dashboards:report-pdf"),
        "analysis:infographic": _provinces("analysis:infographic"),
        "participants:import-preview-page": [
            Case(
                reverse("participants:import-preview-page", kwargs={"token": "0" * 32}),
                "participants:import-preview-page",
            )
        ],
        "participants:cell-history": cell_history,
        "coverage:province": _provinces("coverage:province"),
        "agreements:agreement-detail": _by_place(world, "agreements:agreement-detail", "agreement"),
        "agreements:agreement-edit": _by_place(world, "agreements:agreement-edit", "agreement"),
        "agreements:agreement-step": _by_place(
            world, "agreements:agreement-step", "agreement", step="sign"
        ),
        "agreements:commitment-detail": _by_place(
            world, "agreements:commitment-detail", "commitment"
        ),
        "agreements:commitment-edit": _by_place(world, "agreements:commitment-edit", "commitment"),
        "agreements:commitment-status": _by_place(
            world, "agreements:commitment-status", "commitment"
        ),
        "agreements:meeting-detail": _by_place(world, "agreements:meeting-detail", "meeting"),
        "agreements:meeting-edit": _by_place(world, "agreements:meeting-edit", "meeting"),
        "agreements:meeting-ics": _by_place(world, "agreements:meeting-ics", "meeting"),
        "agreements:action-complete": _by_place(world, "agreements:action-complete", "action"),
        "agreements:regulation-detail": _by_place(
            world, "agreements:regulation-detail", "regulation"
        ),
        "agreements:regulation-edit": _by_place(world, "agreements:regulation-edit", "regulation"),
        "agreements:budget-edit": _by_place(world, "agreements:budget-edit", "budget"),
        "agreements:document-upload": _by_place(
            world, "agreements:document-upload", "agreement", owner="agreement"
        ),
        "agreements:document-download": _by_place(
            world, "agreements:document-download", "document"
        ),
        "agreements:document-delete": _by_place(world, "agreements:document-delete", "document"),
        "agreements:region-timeline": _regencies("agreements:region-timeline"),
        "province-detail": _provinces("province-detail"),
        "regency-detail": _regencies("regency-detail"),
    }
    for step in ("grid", "submit", "approve", "send-back", "reopen", "report-history"):
        cases[f"participants:{step}"] = _provinces(f"participants:{step}", **month)
    return cases | api_fillers(world)


def api_fillers(world: World) -> dict[str, list[Case]]:
    """The API's routes, with the same records (it answers 401/403 rather than a redirect)."""
    by_kind = {
        "agreement": "agreement",
        "meeting": "meeting",
        "commitment": "commitment",
        "regulation": "regulation",
        "budget": "budget",
        "workforce-total": "workforce",
        "target": "target",
    }
    cases: dict[str, list[Case]] = {}
    for route, kind in by_kind.items():
        name = f"api:{route}-detail"
        cases[name] = [
            Case(reverse(name, kwargs={"pk": world.record(kind, p).pk}), name, p, record=(kind, p))
            for p in PLACES
        ]
    reports = {p: world.record("count", p).report for p in ("61", "7401")}
    for step in ("detail", "approve", "reopen", "send-back", "submit"):
        name = f"api:report-{step}"
        cases[name] = [
            Case(reverse(name, kwargs={"pk": r.pk}), name, PROVINCE_OF[p], province=True)
            for p, r in reports.items()
        ]
    codes = {"region": "61.71", "category": "PU", "workforce-kind": "EMPLOYED"}
    for route, code in codes.items():
        name = f"api:{route}-detail"
        cases[name] = [Case(reverse(name, kwargs={"code": code}), name)]
    cases["api:infographic"] = _provinces("api:infographic")
    # Rules are reference data (no place); rule results and follow-ups belong to a place:
    # their real records inside and outside the scope, and an unknown id.
    rule = ValidationRule.objects.order_by("pk").first()
    cases["api:validation-rule-detail"] = [
        Case(
            reverse("api:validation-rule-detail", kwargs={"pk": rule.pk if rule else 0}),
            "api:validation-rule-detail",
        )
    ]
    for name, kind in (
        ("api:rule-result-detail", "ruleresult"),
        ("api:follow-up-detail", "followup"),
        ("api:follow-up-close", "followup"),
    ):
        cases[name] = [Case(reverse(name, kwargs={"pk": 0}), name)] + [
            Case(reverse(name, kwargs={"pk": world.record(kind, p).pk}), name, p, record=(kind, p))
            for p in PLACES
        ]
    for name in ("api:token-rotate", "api:token-revoke"):
        cases[name] = [Case(reverse(name, kwargs={"key": "no-such-token"}), name)]
    return cases


# Each identity is walked with one place it may view and one it may not, where it has both:
# every door is tried from inside and from outside the scope, at half the requests.
PLACES_WALKED = {
    "kolaka_staff": {"7401", "7402", "74"},
    "kalbar_officer": {"61", "7402", "74"},
    "kalbar_approver": {"61", "7402", "74"},
}
DEFAULT_WALK = {"61", "7402", "74"}


def walked(identity: str, case: Case) -> bool:
    return case.place is None or case.place in PLACES_WALKED.get(identity, DEFAULT_WALK)


def site_cases(world: World, identity: str) -> list[Case]:
    filled = fillers(world)
    cases: list[Case] = []
    for name, params in url_patterns():
        if name == "healthz" and identity != "anonymous":
            continue  # it pings the broker for a second; tests/coverage_portal test it apart
        if not params:
            cases.append(Case(reverse(name), name))
            extra = {"participants:export": f"?period={PERIOD}&format=csv"}.get(name)
            if extra:
                cases.append(Case(reverse(name) + extra, name))
        else:
            cases += filled.get(name, [])
    return [case for case in cases if walked(identity, case)]


# --- The admin: every registered model's changelist, add, change, history and delete ----


def admin_cases(world: World, identity: str) -> list[Case]:
    scoped = {
        "agreement": "agreement",
        "commitment": "commitment",
        "regulation": "regulation",
        "budgetallocation": "budget",
        "meeting": "meeting",
        "workforcetotal": "workforce",
        "target": "target",
        "document": "document",
        "followup": "followup",
        "ruleresult": "ruleresult",
    }
    cases = [Case(reverse("admin:index"), "admin:index")]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        base = f"admin:{meta.app_label}_{meta.model_name}"
        cases.append(Case(reverse(f"{base}_changelist"), f"{base}_changelist"))
        ours = isinstance(model_admin, PortalAdminMixin)
        if not ours and identity != "superuser":
            continue  # a role's groups hold no permission on other apps' models
        cases.append(Case(reverse(f"{base}_add"), f"{base}_add"))
        malformed = "malformed" if ours else "malformed elsewhere"
        cases.append(Case(reverse(f"{base}_change", args=["abc"]), f"{base}_change {malformed}"))
        kind = scoped.get(meta.model_name or "") or (
            "count" if meta.model_name == "participantcount" else None
        )
        objects = [
            (place, obj)
            for place, obj in _admin_objects(world, model, kind)
            if place is None or place in PLACES_WALKED.get(identity, DEFAULT_WALK)
        ]
        for place, obj in objects:
            record = (kind, place) if kind and place else None
            for view in ("change", "history", "delete"):
                url = reverse(f"{base}_{view}", args=[obj.pk])
                cases.append(Case(url, f"{base}_{view}", place, record=record))
        if isinstance(model_admin, SimpleHistoryAdmin):
            cases += _version_cases(base, objects)
    for app_label in sorted({m._meta.app_label for m in admin.site._registry}):
        cases.append(Case(reverse("admin:app_list", args=[app_label]), "admin:app_list"))
    return [case for case in cases if walked(identity, case)]


def _version_cases(base: str, objects: list[tuple[str | None, Any]]) -> list[Case]:
    """One past version of every walked record: its readers get it, outsiders are refused."""
    cases = []
    for place, obj in objects:
        version = obj.history.first()
        if version is not None:
            url = reverse(f"{base}_simple_history", args=[obj.pk, version.history_id])
            cases.append(Case(url, f"{base}_simple_history", place))
    return cases


def _admin_objects(world: World, model: Any, kind: str | None) -> list[tuple[str | None, Any]]:
    if kind:
        return [(place, world.record(kind, place)) for place in PLACES]
    first = model._default_manager.order_by("pk").first()
    return [(None, first)] if first is not None else []


# --- Judging one response ------------------------------------------------------------------


def visible(identity: str, case: Case) -> bool:
    if case.place is None:
        return True
    table = PROVINCE_VIEWERS if case.province else VIEWERS
    return identity in table[case.place]


def hidden_markers(identity: str) -> list[str]:
    markers: list[str] = []
    for place, viewers in VIEWERS.items():
        if identity not in viewers:
            markers += [marker(place), *count_markers(place)]
    return markers


def body_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def judge(identity: str, case: Case, response: Any, findings: Findings) -> None:
    status = response.status_code
    trust_figures.count("url_role_checks")
    if status >= 500:
        trust_figures.count("server_errors")
        findings.add(identity, case, "server error", status)
        return
    leaked = [m for m in hidden_markers(identity) if m in body_of(response)]
    if leaked:
        trust_figures.count("out_of_scope_reads")
        findings.add(identity, case, f"shows {leaked}", status)
    expected = expected_statuses(identity, case)
    if expected is not None and status not in expected:
        findings.add(identity, case, f"expected {sorted(expected)}", status)


def expected_statuses(identity: str, case: Case) -> set[int] | None:
    """The statuses a request may answer; None where any non-error status is right."""
    is_admin = case.name.startswith("admin:")
    if case.name in PUBLIC or case.name.startswith("public:"):
        return None
    if case.name.startswith("api:"):
        return _api_statuses(identity, case)
    if identity == "anonymous":
        return {302}
    if is_admin:
        return _admin_statuses(identity, case)
    if case.name in POST_ONLY:
        return {405}
    if not visible(identity, case):
        return {403, 404}
    if case.name in EDIT_PAGES and case.record:
        return {200} if identity in CHANGERS[case.record[1]] else {403}
    if case.place is not None:
        return {200}
    return None


def _api_statuses(identity: str, case: Case) -> set[int] | None:
    if identity == "anonymous":  # the API's own pages (docs, tokens) send people to log in
        return {302, 401, 403}
    if case.place is not None and not visible(identity, case):
        return {401, 403, 404, 405}
    return None


def _admin_statuses(identity: str, case: Case) -> set[int] | None:
    if identity == "viewer":  # viewers are no staff: the admin sends them to its login
        return {302}
    if case.name.endswith("malformed elsewhere"):
        return {302, 403, 404}
    if case.name.endswith("malformed"):
        return {404}
    if case.place is not None and not visible(identity, case):
        return {403, 404}
    return None


# --- The tests -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Any:
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        yield build_world(media)
        transaction.set_rollback(True)


def client_for(world: World, identity: str) -> Client:
    client = Client()
    user = world.users[identity]
    if user is not None:
        client.force_login(user)
    return client


def test_every_url_pattern_with_parameters_is_in_the_matrix(world: World) -> None:
    filled = fillers(world)
    missing = [name for name, params in url_patterns() if params and name not in filled]
    assert missing == [], "give these URL patterns records to walk with"


@pytest.mark.django_db
@pytest.mark.parametrize("identity", IDENTITIES)
def test_no_url_errs_leaks_or_answers_wrongly(world: World, identity: str) -> None:
    client = client_for(world, identity)
    findings = Findings()
    for case in site_cases(world, identity) + admin_cases(world, identity):
        judge(identity, case, client.get(case.url), findings)
    assert not findings.problems, "\n".join(findings.problems)


def fingerprint(world: World, identity: str) -> dict[str, Any]:
    """Every record the identity may not change, as stored."""
    state = {}
    for kind, by_place in world.records.items():
        for place, obj in by_place.items():
            if not may_change(identity, kind, place):
                fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
                state[f"{kind}:{place}"] = fresh and model_to_dict(fresh)
    return state


HOSTILE = {
    "title": "ZQHACKQ",
    "description": "ZQHACKQ",
    "responsible": "ZQHACKQ",
    "number": "9",
    "year": "2023",
    "kind": "rakor",
    "status": "done",
    "comment": "ZQHACKQ",
    "reason": "ZQHACKQ",
    "signed_on": "2023-01-01",
    "ended_on": "2023-01-01",
    "amount": "1",
    "category_code": "NON_ASN",
    "source": "ZQHACKQ",
    "value": "1",
    "participants": "5",
    "date": "2023-01-01",
    "time": "09:00",
}


@pytest.mark.django_db
@pytest.mark.parametrize("identity", IDENTITIES)
def test_no_one_changes_what_lies_outside_their_scope(world: World, identity: str) -> None:
    client = client_for(world, identity)
    before = fingerprint(world, identity)
    statuses = []
    for case in site_cases(world, identity) + admin_cases(world, identity):
        if case.place is None or (case.record and may_change(identity, *case.record)):
            continue
        response = client.post(case.url, hostile_body(world, case))
        trust_figures.count("url_role_checks")
        statuses.append((case.url, response.status_code))
    after = fingerprint(world, identity)
    changed = [key for key in before if before[key] != after[key]]
    trust_figures.count("out_of_scope_writes", len(changed))
    trust_figures.count("server_errors", sum(1 for _url, status in statuses if status >= 500))
    assert changed == []
    assert [(url, s) for url, s in statuses if s >= 500] == []


def hostile_body(world: World, case: Case) -> dict[str, str]:
    """A form for every door: text, numbers, the place's region, a value for every grid cell."""
    place = case.place if case.place in PLACES else "7402"
    region = world.regency[place or "7402"]
    pu = world.record("count", "61").category_id
    cells = {f"v-{r.pk}-{pu}": "1" for r in world.regency.values()}
    return {**HOSTILE, **cells, "region": str(region.pk), "host_region": str(region.pk)}


@pytest.mark.django_db
def test_branch_staff_see_only_their_regencies_on_the_province_grid(world: World) -> None:
    client = client_for(world, "kolaka_staff")
    month = {"code": "74", "period": PERIOD}
    grid = body_of(client.get(reverse("participants:grid", kwargs=month)))
    history = body_of(client.get(reverse("participants:report-history", kwargs=month)))
    assert "74.01" in grid and "74.08" in grid and "74.11" in grid
    assert "74.02" not in grid and "74.71" not in grid
    assert "7.401.017" in history and "74.02" not in history


@pytest.mark.django_db
def test_follow_ups_are_marked_and_closed_only_in_scope(world: World) -> None:
    """The follow-up doors take their record in the form: each identity tries every place."""
    for identity in IDENTITIES:
        client = client_for(world, identity)
        for place in PLACES:
            if may_change(identity, "followup", place):
                continue
            followup = world.record("followup", place)
            count = world.record("count", place)
            client.post(
                reverse("participants:followup-close"),
                {"followup": followup.pk, "comment": "ZQHACKQ"},
            )
            client.post(
                reverse("participants:followup-mark"),
                {"count": count.pk, "comment": "ZQHACKQ"},
            )
            followup.refresh_from_db()
            assert followup.is_open and not followup.closing_comment, (identity, place)
            assert not count.follow_ups.filter(comment="ZQHACKQ").exists(), (identity, place)
