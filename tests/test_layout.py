"""The apps are split by capability, never by size or suffix: a second module wanting a
prefix (`models_meetings.py`) or a grab-bag (`viewkit.py`) is a package asking to exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("agreements", "participants", "regions", "coverage_portal")
SUFFIXED = re.compile(r"^(models|views|services|selectors|forms|admin|urls)_\w+\.py$|^\w*kit\.py$")

# regions/ is being regrouped into packages; the regrouping empties this list.
ALLOWED = {"regions/admin_numbers.py", "regions/admin_scoping.py"}


def test_no_app_module_is_named_by_a_layer_with_a_suffix_or_as_a_kit():
    found = {
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if SUFFIXED.match(path.name) and "migrations" not in path.parts
    }
    assert found - ALLOWED == set()
