"""The apps are split by capability, never by size or suffix: a second module wanting a
prefix (`models_meetings.py`) or a grab-bag (`viewkit.py`) is a package asking to exist."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("agreements", "participants", "regions", "coverage_portal")
SUFFIXED = re.compile(r"^(models|views|services|selectors|forms|admin|urls)_\w+\.py$|^\w*kit\.py$")


def test_no_app_module_is_named_by_a_layer_with_a_suffix_or_as_a_kit():
    found = {
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if SUFFIXED.match(path.name) and "migrations" not in path.parts
    }
    assert found == set()


# Tests that walk every door or output of an app, or the site as built and run, test no one
# package: they sit in folders of their own, named here.
ACROSS = {"walks", "deployment"}


def _top_level_modules(app: str) -> set[str]:
    return {path.stem for path in (ROOT / app).glob("*.py")} - {"__init__"}


def _is_named_after(stem: str, modules: set[str]) -> bool:
    name = stem.removeprefix("test_")
    return any(name == module or name.startswith(f"{module}_") for module in modules)


def test_a_flat_test_module_tests_a_module_at_the_apps_top_level():
    """tests/ mirrors the code: `tests/<app>/test_<module>.py` (or `test_<module>_<aspect>.py`)
    tests `<app>/<module>.py`; a test of a package's code sits in `tests/<app>/<package>/`, so
    `tests/agreements/test_exports.py`, while `exports.py` lives in `agreements/mou/`, fails."""
    misplaced = {
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in (ROOT / "tests" / app).glob("test_*.py")
        if not _is_named_after(path.stem, _top_level_modules(app))
    }
    assert misplaced == set()


def test_every_test_folder_mirrors_a_package_of_the_code():
    tests = ROOT / "tests"
    strays = {
        folder.relative_to(tests).as_posix()
        for app in APPS
        for folder in {path.parent for path in (tests / app).rglob("test_*.py")}
        if not (ROOT / folder.relative_to(tests)).is_dir()
        and not ACROSS.intersection(folder.relative_to(tests / app).parts)
    }
    assert strays == set()


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
