"""Indonesian is the default UI language: every string the portal shows must be translated."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(
    p for p in ROOT.glob("**/locale/id/LC_MESSAGES/django.po") if ".venv" not in p.parts
)
EMPTY = re.compile(r'^msgid "(.+)"\n(?:msgid_plural .*\n)?msgstr(?:\[0\])? ""\n(?!")', re.MULTILINE)


def test_there_are_catalogs():
    assert len(CATALOGS) >= 2


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalog_has_no_untranslated_or_fuzzy_strings(catalog):
    text = catalog.read_text(encoding="utf-8")
    assert EMPTY.findall(text) == []
    assert "#, fuzzy" not in text
