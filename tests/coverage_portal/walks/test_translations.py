"""Indonesian is the default UI language: every string the portal shows must be translated."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
CATALOGS = sorted(
    p for p in ROOT.glob("**/locale/id/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def test_there_are_catalogs():
    assert len(CATALOGS) >= 2


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalog_has_no_untranslated_or_fuzzy_strings(catalog):
    entries = polib.pofile(str(catalog))
    missing = [e.msgid for e in entries.untranslated_entries() + entries.fuzzy_entries()]
    assert missing == []
