"""The apps are split by capability, never by size or suffix: a second module wanting a
prefix (`models_meetings.py`) or a grab-bag (`viewkit.py`) is a package asking to exist."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("agreements", "participants", "regions", "coverage_portal")
FIXED_POINTS = {"migrations", "management", "templatetags"}
SUFFIXED = re.compile(r"^(models|views|services|selectors|forms|admin|urls)_\w+\.py$|^\w*kit\.py$")


def test_no_app_module_is_named_by_a_layer_with_a_suffix_or_as_a_kit():
    found = {
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if SUFFIXED.match(path.name) and "migrations" not in path.parts
    }
    assert found == set()


def _package_modules(app: str) -> set[str]:
    """Names of the modules that live only inside the app's packages, not at its top level
    (commands and template tags are the app's own, as Django places them)."""
    top = {path.stem for path in (ROOT / app).glob("*.py")}
    inner = {
        path.stem
        for path in (ROOT / app).glob("*/**/*.py")
        if not FIXED_POINTS.intersection(path.parts) and path.stem != "__init__"
    }
    return inner - top


def test_a_test_of_a_package_module_sits_in_the_packages_test_folder():
    """tests/ mirrors the code: `tests/agreements/test_exports.py` while `exports.py` lives in
    `agreements/mou/`, `meetings/` and `records/` belongs in `tests/agreements/<package>/`."""
    misplaced = {
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in (ROOT / "tests" / app).glob("test_*.py")
        if path.stem.removeprefix("test_") in _package_modules(app)
    }
    assert misplaced == set()


def _figures():
    spec = importlib.util.spec_from_file_location(
        "figures", ROOT / "scripts" / "architecture_figures.py"
    )
    assert spec and spec.loader
    figures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(figures)
    figures.ROOT = ROOT
    return figures


def test_no_two_packages_import_each_other_even_round_about():
    """The README's figure, held at nought: an app's top-level modules (its doors) import its
    packages and never the other way, and no two packages of the apps import each other."""
    figures = _figures()
    graph = figures.import_graph()
    assert figures.circles(graph) == []
    assert figures.circles(figures.collapse(graph)) == []
