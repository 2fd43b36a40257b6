"""With Redis down the cache answers "not cached", quickly, and /healthz still says so."""

import time

import pytest
from django.conf import settings

from coverage_portal.cache import TolerantRedisCache
from tests.worker import private_redis


@pytest.fixture
def redis_cache():
    with private_redis() as redis:
        yield redis, TolerantRedisCache(redis.url, {})


def test_with_redis_up_it_is_an_ordinary_cache(redis_cache):
    _redis, cache = redis_cache
    cache.set("map", "geojson")
    assert cache.get("map") == "geojson"
    assert cache.add("map", "other") is False
    assert cache.delete("map") is True


def test_with_redis_down_every_call_answers_not_cached_within_a_second_or_two(redis_cache):
    redis, cache = redis_cache
    cache.set("map", "geojson")
    redis.stop()
    started = time.monotonic()
    assert cache.get("map", "fallback") == "fallback"
    assert cache.get_many(["map"]) == {}
    cache.set("map", "new")
    assert cache.add("other", 1) is False
    assert cache.delete("map") is False
    assert time.monotonic() - started < 10  # five calls; redis-py alone would retry each 10x


def test_the_portal_uses_it_when_redis_is_configured():
    assert settings.CACHES["default"]["BACKEND"] == "coverage_portal.cache.TolerantRedisCache"


@pytest.mark.django_db
def test_healthz_still_reports_a_cache_outage(client, settings):
    with private_redis() as redis:
        settings.CACHES = {
            "default": {
                "BACKEND": "coverage_portal.cache.TolerantRedisCache",
                "LOCATION": redis.url,
            }
        }
        redis.stop()
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"]["ok"] is False
