"""Every URL pattern of the site, the admin and the API, enumerated from the URL resolver as
text parts and parameter names: the doors the hostile walk and the plain-input tests knock on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# Doors that end the session or ping the broker for a second; tested apart.
SKIPPED = re.compile(r"logout|healthz")


@dataclass(frozen=True)
class Door:
    """A URL pattern as text parts and parameter names, in order."""

    name: str
    parts: tuple[tuple[bool, str], ...]  # (is a parameter, literal text or parameter name)

    def fill(self, values: list[str]) -> str:
        given = iter(values)
        return "/" + "".join(quote(next(given), safe="") if p else t for p, t in self.parts)

    @property
    def params(self) -> int:
        return sum(1 for p, _t in self.parts if p)


ROUTE_PARAM = re.compile(r"<(?:[^>:]+:)?([^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>")


def _route_parts(route: str) -> list[tuple[bool, str]]:
    parts: list[tuple[bool, str]] = []
    for index, piece in enumerate(ROUTE_PARAM.split(route)):
        parts.append((index % 2 == 1, piece))
    return parts


def _regex_parts(regex: str) -> list[tuple[bool, str]] | None:
    text = regex.lstrip("^").removesuffix("$").removesuffix(r"\Z")
    parts: list[tuple[bool, str]] = []
    while (match := REGEX_GROUP.search(text)) is not None:
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        parts += [(False, text[: match.start()]), (True, match[1])]
        text = text[end:]
    parts.append((False, text))
    cleaned = [(p, t if p else t.replace("\\", "").replace("/?", "/")) for p, t in parts]
    if any(not p and re.search(r"[()|\[\]*+?]", t) for p, t in cleaned):
        return None
    return cleaned


def doors() -> list[Door]:
    found: list[Door] = []

    def walk(patterns: list[Any], prefix: list[tuple[bool, str]], namespace: str) -> None:
        for pattern in patterns:
            parts = _parts(pattern.pattern)
            if parts is None:
                continue
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + parts, inner)
            elif isinstance(pattern, URLPattern):
                name = namespace + (pattern.name or str(pattern.pattern))
                names = [t for p, t in prefix + parts if p]
                if "format" not in names and not SKIPPED.search(name):
                    found.append(Door(name, tuple(prefix + parts)))

    walk(get_resolver().url_patterns, [], "")
    return found


def _parts(pattern: Any) -> list[tuple[bool, str]] | None:
    if isinstance(pattern, RoutePattern):
        return _route_parts(str(pattern))
    return _regex_parts(pattern.regex.pattern)
