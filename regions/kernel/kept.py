"""Values kept in the shared cache under a key that names what they were built from.

Correctness comes from the key (each caller names the versions of what it read); the time
a value is kept only bounds the cache's memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

T = TypeVar("T")
SECONDS = 3600


def key_of(name: str, *parts: Any) -> str:
    return f"{name}:" + hashlib.sha256(repr((name, *parts)).encode()).hexdigest()


def kept(key: str, build: Callable[[], T]) -> T:
    """What `build()` returned for `key`, built now if it is not kept."""
    found: T | None = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, SECONDS)
    return found
