"""The axe walk covers the site: every view in the URLconf outside the admin and the API's
resources is loaded by the walk, reached by one of its steps, or named as not a page with the
reason. The API's resources (DRF views: JSON, CSV, ADX) are walked by schemathesis instead."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.browser.axe_pages import ANONYMOUS, BY_STEP, NOT_PAGES, OFFICER, OTHERS

ANY_IDS = {
    "due": "2026-11",
    "earlier": "2026-10",
    "before": "2026-09",
    "waiting": "2026-10",
    "agreement": 1,
    "meeting": 1,
    "commitment": 1,
    "regulation": 1,
    "budget": 1,
}
ELSEWHERE = ("admin/", "i18n/", "v1/")  # the admin and the versioned API have walks of their own


def _views(patterns: list, namespace: str | None = None) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(ELSEWHERE):
                continue
            yield from _views(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and not _resource(pattern):
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _resource(pattern: URLPattern) -> bool:
    """A DRF view (as_view() leaves its class on the function, login_required keeps it)."""
    return hasattr(pattern.callback, "cls") and pattern.name != "docs"


def _walked() -> set[str]:
    pages = [ANONYMOUS, OFFICER, *OTHERS.values()]
    urls = [url.format(**ANY_IDS).split("?")[0] for page in pages for url in page.values()]
    return {resolve(url).view_name for url in urls}


def test_every_page_of_the_site_is_in_the_axe_walk() -> None:
    views = set(_views(get_resolver().url_patterns))
    walked = _walked() - {"admin:index"}
    assert views - walked - set(BY_STEP) - set(NOT_PAGES) == set()
    assert (walked | set(BY_STEP) | set(NOT_PAGES)) - views == set()  # no stale names
    assert walked.isdisjoint(NOT_PAGES)
