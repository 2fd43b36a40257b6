"""The history probe that keys the kept timeline and scorecard (agreements/timeline/versions.py)."""

import pytest

from agreements.timeline.versions import AUDITED, timeline_version
from tests.agreements.factories import BudgetFactory, MeetingFactory, RegulationFactory

pytestmark = pytest.mark.django_db


def test_one_probe_for_each_kind_of_record():
    assert len(timeline_version()) == len(AUDITED)


@pytest.mark.parametrize("factory", [MeetingFactory, RegulationFactory, BudgetFactory])
def test_adding_changing_or_deleting_a_record_moves_it(factory):
    before = timeline_version()
    record = factory()
    added = timeline_version()
    assert added != before
    record.save()
    changed = timeline_version()
    assert changed != added
    record.delete()
    assert timeline_version() != changed
