"""A Redis cache that an outage slows by a second at most and never turns into an error.

The cache only saves work (the maps' GeoJSON, the health check's probe): with Redis down, a
page computes what it would have read instead of failing. redis-py's defaults would retry
each call ten times with back-off, holding a gunicorn thread for seconds per call.
/healthz still reports the outage: its probe reads back what it wrote.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError, TimeoutError
from redis.retry import Retry

log = logging.getLogger(__name__)
UNAVAILABLE = (ConnectionError, TimeoutError)
# One quick retry rides out a connection Redis closed (a restart); then give up.
FAIL_FAST = {"socket_connect_timeout": 1, "socket_timeout": 1, "retry": Retry(NoBackoff(), 1)}


class TolerantRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = {**FAIL_FAST, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNAVAILABLE:
            log.warning("Cache unavailable: reading %s from the source instead.", key)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE:
            log.warning("Cache unavailable: reading %d keys from the source instead.", len(keys))
            return {}

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNAVAILABLE:
            log.warning("Cache unavailable: %s not stored.", key)

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE:
            log.warning("Cache unavailable: %s not stored.", key)
            return False

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNAVAILABLE:
            log.warning("Cache unavailable: %s not deleted.", key)
            return False
