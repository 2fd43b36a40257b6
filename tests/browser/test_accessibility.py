"""axe-core on every main page, as each role sees it, at 1366 and at 390 px: no violation of
any impact, WCAG 2.0/2.1 A and AA and axe's best practices; and each page's screen at 390, 1366
and 1920 px (tests/browser/screens.py): no sideways scrolling of the page, a two-line header,
grid inputs that fit.

Each test signs in once per role and loads each page once, measuring it at the three widths,
so the whole check costs two live-server set-ups. Reports land in
test-artifacts/axe-<page>[-390].txt.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from participants.entry.services import counts_write, report_send_back, report_submit
from participants.models import MonthlyReport
from participants.selectors import add_months, due_period
from regions.models import Region, Role
from tests.agreements.factories import ActionFactory, ActiveAgreementFactory, MeetingFactory
from tests.browser.api_docs import api_docs_problems
from tests.browser.conftest import axe_violations, log_in, settle
from tests.browser.screens import LAPTOP, PHONE, WIDE, screen_problems
from tests.browser.test_dashboards import two_years_of_figures  # noqa: F401 (a fixture)
from tests.browser.world import build
from tests.conftest import PASSWORD
from tests.participants.conftest import full_month


@pytest.fixture
def regions_present(transactional_db: None) -> None:
    if not Region.objects.exists():
        call_command("load_regions", verbosity=0)


def _walk(page, pages: dict[str, str]) -> list[str]:
    problems: list[str] = []
    for name, url in pages.items():
        page.goto(url)
        problems += _every_width(page, name)
    return problems


def _every_width(page, name: str) -> list[str]:
    """axe and the screen at 1366 px, the screen at 1920 px, axe and the screen at 390 px;
    back to 1366 px."""
    problems: list[str] = []
    for size, axe in ((LAPTOP, name), (WIDE, None), (PHONE, f"{name}-390")):
        page.set_viewport_size(size)
        settle(page)
        problems += screen_problems(page, name)
        problems += axe_violations(page, axe, impacts=None) if axe else []
    page.set_viewport_size(LAPTOP)
    return problems


def _upload_with_a_problem(page) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["period", "region_code", "category", "active_participants"])
    sheet.append([f"{due_period():%Y-%m}", "61.71", "PU", "12,5"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page.goto("/laporan/impor/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "kalbar.xlsx", "mimeType": "application/octet-stream",
                "buffer": buffer.getvalue()}],
    )  # fmt: skip
    page.get_by_test_id("upload-form").locator("button[type=submit]").click()
    page.get_by_test_id("import-preview").wait_for()


def test_the_officers_pages_pass_axe_and_fit_every_screen(regions_present, page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    approver = make_user(Role.PROVINCIAL_APPROVER, province="61")
    period, earlier = due_period(), add_months(due_period(), -1)
    counts_write(actor=officer, cells=full_month("61", earlier), source="web")
    report = MonthlyReport.objects.get(period=earlier)
    report = report_submit(actor=officer, report=report, acknowledge_warnings=True)
    report_send_back(actor=approver, report=report, comment="Cek angka PU.")
    before = add_months(earlier, -1)
    counts_write(actor=officer, cells=full_month("61", before), source="web")
    submitted = MonthlyReport.objects.get(period=before)
    report_submit(actor=officer, report=submitted, acknowledge_warnings=True)
    agreement = ActiveAgreementFactory.create()
    meeting = MeetingFactory.create()
    ActionFactory.create(meeting=meeting)

    page.set_viewport_size(LAPTOP)
    problems = _walk(page, {"login": "/accounts/login/", "public": "/publik/"})
    log_in(page, officer.username, PASSWORD)
    pages = {
        "home-officer": "/",
        "grid": f"/laporan/61/{period:%Y-%m}/",
        "grid-returned": f"/laporan/61/{earlier:%Y-%m}/",
        "grid-read-only": f"/laporan/61/{before:%Y-%m}/",
        "agreement-list": "/kesepakatan/",
        "agreement-detail": f"/kesepakatan/{agreement.pk}/",
        "agreement-form": "/kesepakatan/baru/",
        "meeting-list": "/kesepakatan/rapat/",
        "meeting-detail": f"/kesepakatan/rapat/{meeting.pk}/",
        "meeting-form": "/kesepakatan/rapat/baru/",
        "notifications": "/notifikasi/",
        "coverage": "/cakupan/",
        "coverage-61": "/cakupan/61/",
    }
    problems += _walk(page, pages)
    page.goto(pages["grid"])
    page.locator('[data-testid="cell-61.01-PU"] input.value').fill("12,5")
    page.get_by_test_id("save").click()
    page.get_by_test_id("problem").wait_for()
    problems += _every_width(page, "grid-with-errors")
    _upload_with_a_problem(page)
    problems += _every_width(page, "import-preview")
    problems += api_docs_problems(page, _every_width)
    assert problems == [], "\n".join(problems)
    assert page.console_errors == []


def test_the_other_roles_pages_pass_axe_and_fit_every_screen(
    regions_present,
    page,
    make_user,
    two_years_of_figures,  # noqa: F811
):
    world = build(make_user)
    people = world.people
    walks = {
        "viewer": {
            "home-viewer": "/",
            "dashboard-national": "/dasbor/",
            "dashboard-province": "/dasbor/provinsi/61/",
            "dashboard-regency": "/dasbor/kabupaten/61.71/",
            "scorecard": "/dasbor/skor/",
            "completeness": "/dasbor/kelengkapan/",
            "coverage-viewer": "/cakupan/",
            "coverage-61-viewer": "/cakupan/61/",
        },
        "approver": {"home-approver": "/", "grid-approver": f"/laporan/61/{world.waiting}/"},
        "branch": {"home-branch": "/", "agreement-list-branch": "/kesepakatan/"},
        "admin": {"home-admin": "/", "admin-index": "/admin/"},
    }
    problems: list[str] = []
    page.set_viewport_size(LAPTOP)
    for role, pages in walks.items():
        page.context.clear_cookies()
        log_in(page, people[role].username, PASSWORD)
        problems += _walk(page, pages)
    assert problems == [], "\n".join(problems)
    assert page.console_errors == []
