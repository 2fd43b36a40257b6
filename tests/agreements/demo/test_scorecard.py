"""Synthetic scorecard facts: most provinces score in the policy and implementation pillars."""

from __future__ import annotations

import datetime as dt

from agreements.demo import scorecard as demo_scorecard
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from coverage_portal.dashboards import scorecard


def test_synthetic_facts_are_marked_and_give_most_provinces_points(db, viewer):
    written = demo_scorecard.seed()

    assert written > 0 and demo_scorecard.seed() == 0
    for model, field in ((Agreement, "title"), (Regulation, "title"), (BudgetAllocation, "notes")):
        assert all(demo_scorecard.MARK in getattr(r, field) for r in model.objects.all())
    cards = scorecard.ranking(viewer, level="province", period=dt.date(2024, 6, 1))
    scoring = [c for c in cards if c.kebijakan + c.penerapan > 0]
    assert len(scoring) >= len(cards) // 2


def test_the_bulk_written_facts_each_have_their_first_history_row(db):
    demo_scorecard.seed()
    for model in (Agreement, Regulation, BudgetAllocation, Commitment):
        recorded = set(model.history.filter(history_type="+").values_list("id", flat=True))
        assert recorded == set(model.objects.values_list("pk", flat=True))
        assert set(model.history.values_list("history_change_reason", flat=True)) == {"demo"}
