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
from django.test import Client
from openpyxl import Workbook

from agreements.models import Agreement
from participants.entry.services import counts_write, report_send_back, report_submit
from participants.followup.services import followup_close, followup_open
from participants.models import MonthlyReport, ParticipantCount, RuleResult, ValidationRule
from participants.rules.services import rule_results_refresh, rule_save
from participants.selectors import add_months, due_period
from regions.models import Office, Region, Role
from tests.agreements.factories import (
    ActionFactory,
    ActiveAgreementFactory,
    BudgetFactory,
    CommitmentFactory,
    MeetingFactory,
    RegulationFactory,
)
from tests.browser.api_docs import api_docs_problems
from tests.browser.axe_pages import ANONYMOUS, OFFICER, OTHERS
from tests.browser.conftest import axe_violations, log_in, settle
from tests.browser.screens import LAPTOP, PHONE, WIDE, screen_problems
from tests.browser.test_dashboards import two_years_of_figures  # noqa: F401 (a fixture)
from tests.browser.world import build
from tests.conftest import PASSWORD
from tests.participants.conftest import cell, full_month


@pytest.fixture
def regions_present(transactional_db: None) -> None:
    if not Region.objects.exists():
        call_command("load_regions", verbosity=0)


def _walk(page, pages: dict[str, str], **ids: object) -> list[str]:
    problems: list[str] = []
    for name, template in pages.items():
        url = template.format(**ids)
        response = page.goto(url)
        if response is None or response.status >= 400:
            problems.append(f"{name}: {url} answered {response and response.status}")
            continue
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
    problems = _walk(page, ANONYMOUS)
    log_in(page, officer.username, PASSWORD)
    periods = {"due": f"{period:%Y-%m}", "earlier": f"{earlier:%Y-%m}", "before": f"{before:%Y-%m}"}
    problems += _walk(page, OFFICER, agreement=agreement.pk, meeting=meeting.pk, **periods)
    page.goto(OFFICER["grid"].format(**periods))
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
    people = {
        **world.people,
        "branch": make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-pontianak")),
    }
    commitment = CommitmentFactory.create(agreement=Agreement.objects.get(pk=world.agreement))
    ids = {
        "waiting": world.waiting,
        "agreement": world.agreement,
        "commitment": commitment.pk,
        "regulation": RegulationFactory.create().pk,
        "budget": BudgetFactory.create().pk,
    }
    analysis_state(people["officer"], people["approver"], people["admin"])
    problems: list[str] = []
    page.set_viewport_size(LAPTOP)
    for role, pages in OTHERS.items():
        page.context.clear_cookies()
        log_in(page, people[role].username, PASSWORD)
        problems += _walk(page, pages, **ids)
    assert problems == [], "\n".join(problems)
    assert page.console_errors == []


def analysis_state(officer, approver, admin) -> None:
    """Jumps in 61.71's PU and BPU (outliers), a rule PU breaks (a violated result) and two
    follow-ups of PU, one closed: months before the world's, inside the outliers' default year."""
    jumped = add_months(due_period(), -3)
    cells = [  # PU and BPU jump: one outlier followed up, one with its mark form
        cell("61.71", code, 1000 + n if n else 5000, period=add_months(jumped, -n))
        for code in ("PU", "BPU")
        for n in range(13)
    ]
    counts_write(actor=None, cells=cells, source="demo")
    rule = ValidationRule(name_id="naik", name_en="up", left="PU", operator="<=",
                          right="2 * PU[previous]")  # fmt: skip
    rule_results_refresh(rule_ids=[rule_save(actor=admin, rule=rule).pk])
    counts = ParticipantCount.objects.filter(region__code="61.71", category__code="PU")
    followup_open(actor=officer, count=counts.get(period=jumped), comment="Naik lima kali")
    closed = followup_open(
        actor=officer, count=counts.get(period=add_months(jumped, -1)), comment="Cek"
    )
    followup_close(actor=approver, followup=closed, comment="Benar")
    assert RuleResult.objects.filter(outcome=RuleResult.Outcome.VIOLATED).exists()
    client = Client()
    client.force_login(officer)
    shown = {url: client.get(url).content.decode() for url in OTHERS["officer"].values()}
    assert "5.000" in shown["/laporan/pencilan/"] and "naik" in shown["/laporan/aturan/hasil/"]
    assert 'name="comment"' in shown["/laporan/pencilan/"]  # BPU's mark form
    assert "Naik lima kali" in shown["/laporan/tindak-lanjut/"]  # open
    assert "Benar" in shown["/laporan/tindak-lanjut/"]  # closed, with its comment
