"""The architecture's figures, as the README's map quotes them: modules per package, the longest
module, suffix modules, import circles between modules and between packages, scoped readers of
stored counts, API modules reading without a selector.

    PYTHONPATH=$PWD .venv/bin/python scripts/architecture_figures.py [--circles]

Imports are those grimp finds, inside functions too; `if TYPE_CHECKING:` imports are left out
(they never run). A package is a folder: a module belongs to the folder it sits in, so an app's
top-level modules (its doors and anything else beside them) are the app's own node. Two packages
are in a circle when each imports the other, directly or through others.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import grimp

APPS = ("coverage_portal", "participants", "agreements", "regions")
SUFFIXED = re.compile(r"^(models|views|services|selectors|forms|admin|urls)_\w+\.py$|^\w*kit\.py$")
ROOT = Path.cwd()
Graph = dict[str, set[str]]


def modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and path.name != "__init__.py"
    )


def package_of(module: str) -> str:
    return module if (ROOT / module.replace(".", "/")).is_dir() else module.rpartition(".")[0]


def import_graph() -> Graph:
    graph = grimp.build_graph(*APPS, exclude_type_checking_imports=True, cache_dir=None)
    kept = {module for module in graph.modules if ".migrations" not in module}
    return {module: graph.find_modules_directly_imported_by(module) & kept for module in kept}


def collapse(graph: Graph) -> Graph:
    packages: Graph = defaultdict(set)
    for module, imported in graph.items():
        packages[package_of(module)] |= {package_of(i) for i in imported} - {package_of(module)}
    return packages


def circles(graph: Graph) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            group.append(node)
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def mutual_pairs(graph: Graph) -> list[tuple[str, str]]:
    return sorted({tuple(sorted((a, b))) for a in graph for b in graph[a] if a in graph.get(b, ())})  # type: ignore[misc]


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def main() -> None:
    paths = modules()
    per_package: dict[str, int] = defaultdict(int)
    for path in paths:
        per_package[path.parent.relative_to(ROOT).as_posix()] += 1
    print("modules per package:")
    for package, count in sorted(per_package.items()):
        print(f"  {package} {count}")
    longest = max(paths, key=lambda p: len(text_of(p).splitlines()))
    print(f"longest module: {longest.relative_to(ROOT)} {len(text_of(longest).splitlines())} lines")
    suffixed = [p.relative_to(ROOT).as_posix() for p in paths if SUFFIXED.match(p.name)]
    print(f"suffix modules: {len(suffixed)} {suffixed}")

    graph = import_graph()
    module_circles = circles(graph)
    print(
        f"module circles: {len(module_circles)} groups, {len(mutual_pairs(graph))} mutual pairs"
        f" {[len(c) for c in module_circles]}"
    )
    packages = collapse(graph)
    package_circles = circles(packages)
    pairs = mutual_pairs(packages)
    print(f"package circles: {len(package_circles)} groups, {len(pairs)} mutual pairs")
    if "--circles" in sys.argv:
        for group in module_circles + package_circles:
            print("  circle:", " ".join(group))
        for a, b in pairs:
            print(f"  pair: {a} <-> {b}")

    readers = [
        p.relative_to(ROOT).as_posix()
        for p in paths
        if "ParticipantCount.objects" in text_of(p) and "access.scoped(" in text_of(p)
    ]
    print(f"scoped readers of stored counts: {len(readers)} {readers}")
    api = [p for p in paths if p.is_relative_to(ROOT / "coverage_portal" / "api")]
    unselected = [p.relative_to(ROOT).as_posix() for p in api if "access.scoped(" in text_of(p)]
    print(f"API modules reading without a selector: {len(unselected)} {unselected}")


if __name__ == "__main__":
    main()
