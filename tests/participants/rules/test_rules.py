"""Rules an administrator defines: checked when saved, warned at a save, blocking a submission,
skipped on unknown figures, run over history; the built-in checks switched off and tuned."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from participants.entry.services import counts_write, report_submit
from participants.kernel.periods import add_months
from participants.models import MonthlyReport
from participants.rules.models import RuleResult, ValidationRule
from participants.rules.services import rule_results_refresh, rule_save
from tests.participants.conftest import DECEMBER, cell, full_month

pytestmark = pytest.mark.django_db


def _non_asn_doubled(cells):
    """NON_ASN above PU in 61.71 only would be a sub-group error; make BPU < NON_ASN instead."""
    return [
        c
        if not (c.region_id == cells[0].region_id and c.category_id == _id("BPU"))
        else type(c)(c.region_id, c.category_id, c.period, 1)
        for c in cells
    ]


def _id(code):
    from participants.models import Category

    return Category.objects.get(code=code).pk


def _admin_form(**fields):
    data = {
        "name_id": "BPU paling sedikit NON_ASN",
        "name_en": "BPU at least NON_ASN",
        "left": "NON_ASN",
        "operator": "<=",
        "right": "BPU",
        "importance": "error",
        "period_type": "monthly",
        "parameters": "{}",
        "description_id": "",
        "description_en": "",
        "is_active": "on",
    }
    return data | fields


def test_a_rule_defined_in_the_admin_blocks_the_submission(client, national_admin, kalbar_officer):
    client.force_login(national_admin)
    response = client.post(reverse("admin:participants_validationrule_add"), _admin_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    result = counts_write(
        actor=kalbar_officer, cells=_non_asn_doubled(full_month("61")), source="web"
    )
    assert result.applied and any(
        "BPU at least NON_ASN" in w.message or "BPU paling" in w.message for w in result.warnings
    )
    report = MonthlyReport.objects.get(province__code="61", period=DECEMBER)
    with pytest.raises(ValidationError) as error:
        report_submit(actor=kalbar_officer, report=report, acknowledge_warnings=True)
    assert error.value.code == "rules"
    ValidationRule.objects.filter(builtin="").update(importance="warning")
    with pytest.raises(ValidationError) as error:
        report_submit(actor=kalbar_officer, report=report)
    assert error.value.code == "warnings"
    assert (
        report_submit(actor=kalbar_officer, report=report, acknowledge_warnings=True).status
        == "submitted"
    )


@pytest.mark.parametrize(
    ("field", "text"), [("left", "NOPE"), ("right", "BPU +"), ("right", "__import__('os')")]
)
def test_the_admin_refuses_bad_syntax_or_an_unknown_code_on_the_field(
    client, national_admin, field, text
):
    client.force_login(national_admin)
    response = client.post(
        reverse("admin:participants_validationrule_add"), _admin_form(**{field: text})
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field]
    assert not ValidationRule.objects.filter(builtin="").exists()


def test_only_national_administrators_save_rules(kalbar_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        rule_save(
            actor=kalbar_officer,
            rule=ValidationRule(name_id="x", name_en="x", left="PU", right="BPU"),
        )


def test_an_unknown_figure_skips_the_rule_and_the_nightly_run_keeps_each_outcome(national_admin):
    rule = rule_save(
        actor=national_admin,
        rule=ValidationRule(
            name_id="naik", name_en="up", left="PU", operator=">=", right="0.9 * PU[previous]"
        ),
    )
    counts_write(
        actor=None,
        cells=[
            cell("61.71", "PU", 100, period=add_months(DECEMBER, -1)),
            cell("61.71", "PU", 50),
            cell("61.72", "PU", 50),
        ],
        source="demo",
    )
    assert rule_results_refresh(rule_ids=[rule.pk]) == 3
    outcomes = {
        (r.region.code, r.period): r.outcome for r in RuleResult.objects.select_related("region")
    }
    assert outcomes[("61.71", DECEMBER)] == "violated"
    assert outcomes[("61.72", DECEMBER)] == "skipped"  # no November value: unknown, not 0
    assert rule_results_refresh(rule_ids=[rule.pk]) == 3 and RuleResult.objects.count() == 3


def test_built_in_checks_are_rows_an_administrator_switches_off_or_tunes(kalbar_officer):
    history = [cell("61.71", "PU", 1000, period=add_months(DECEMBER, -n)) for n in range(1, 13)]
    counts_write(actor=None, cells=history, source="demo")
    jump = [cell("61.71", "PU", 1500)]
    assert counts_write(actor=kalbar_officer, cells=jump, source="web", dry_run=True).warnings
    ValidationRule.objects.update_or_create(
        builtin="jump",
        defaults={"name_id": "j", "name_en": "j", "parameters": {"monthly_limit": 0.6}},
    )
    ValidationRule.objects.update_or_create(
        builtin="outlier", defaults={"name_id": "o", "name_en": "o", "is_active": False}
    )
    assert counts_write(actor=kalbar_officer, cells=jump, source="web", dry_run=True).warnings == []


def test_thresholds_out_of_bounds_are_refused(national_admin):
    rule, _created = ValidationRule.objects.get_or_create(
        builtin="jump", defaults={"name_id": "j", "name_en": "j"}
    )
    rule.parameters = {"monthly_limit": -1, "bogus": 1}
    with pytest.raises(ValidationError) as error:
        rule_save(actor=national_admin, rule=rule)
    assert len(error.value.message_dict["parameters"]) == 2


def test_the_results_page_says_which_outcome_it_lists_in_indonesian_figures(
    client, national_admin, kalbar_officer
):
    rule = ValidationRule(
        name_id="naik", name_en="up", left="PU", operator="<=", right="2 * PU[previous]"
    )
    rule = rule_save(actor=national_admin, rule=rule)
    previous = cell("61.71", "PU", 1000, period=add_months(DECEMBER, -1))
    counts_write(actor=None, cells=[previous, cell("61.71", "PU", 5000)], source="demo")
    rule_results_refresh(rule_ids=[rule.pk])
    client.force_login(kalbar_officer)
    body = client.get(reverse("participants:rule-results")).content.decode()
    assert '<option value="violated" selected>' in body  # the default, shown as chosen
    assert ">5.000</td>" in body and ">2.000</td>" in body


@pytest.mark.parametrize(
    ("language", "shown", "foreign"),
    [
        ("id", "Turun menjadi nol", "Dropped to zero"),
        ("en", "Dropped to zero", "Turun menjadi nol"),
    ],
)
def test_built_in_rules_are_named_in_the_pages_language(
    client, national_admin, kalbar_officer, language, shown, foreign
):
    drop = ValidationRule.objects.get(builtin="drop")
    ValidationRule.objects.filter(pk=drop.pk).update(name_en="Dropped to zero")  # stored text
    typed = ValidationRule(name_id="Aturan saya", name_en="My rule", left="PU", right="BPU")
    rule_save(actor=national_admin, rule=typed)
    client.cookies["django_language"] = language
    pages = []
    for user in (national_admin, kalbar_officer):  # the officer sees the admin read-only
        client.force_login(user)
        for url in (
            reverse("admin:participants_validationrule_changelist"),
            reverse("admin:participants_validationrule_change", args=[drop.pk]),
            reverse("admin:participants_validationrule_history", args=[drop.pk]),
            reverse("participants:rule-list"),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            pages.append(response.content.decode())
    assert all(foreign not in page for page in pages)
    assert all(shown in page for page in pages)
    assert ("Aturan saya" if language == "id" else "My rule") in pages[0]
