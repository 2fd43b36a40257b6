"""The README's map and data walk name code that exists, so a newcomer's first hop lands."""

import importlib
import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[3] / "README.md").read_text()
PREFIXES = ("", "participants.", "coverage_portal.", "regions.", "django.db.")


def _section(title: str) -> str:
    start = README.index(title)
    return README[start : README.index("\n\n", start + len(title) + 200)]


def _resolves(dotted: str) -> bool:
    for prefix in PREFIXES:
        parts = (prefix + dotted).split(".")
        for cut in range(len(parts), 0, -1):
            try:
                target = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            try:
                for attribute in parts[cut:]:
                    target = getattr(target, attribute)
            except AttributeError:
                break
            return True
    return False


WALK = re.findall(r"`([a-z_]+(?:\.[a-z_]+)+)`", _section("**The data walk**"))


@pytest.mark.parametrize("dotted", WALK)
def test_every_function_of_the_data_walk_exists(dotted):
    assert _resolves(dotted), dotted


def test_every_module_the_map_names_exists():
    rows = re.findall(r"^\| `(participants/\w+/)` \| 2 \| (.*) \|$", README, flags=re.M)
    assert len(rows) == 5
    for package, text in rows:
        for module in re.findall(r"`(\w+\.py)`", text):
            assert (Path(__file__).resolve().parents[3] / package / module).exists(), module
