"""gunicorn with production settings, a real Celery worker and a Redis of the test's own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.production import (
    Server,
    collect_static_as_the_image_does,
    database_url_of_this_run,
    gunicorn,
    production_env,
)
from tests.worker import Worker, celery_worker, free_port, private_redis


@dataclass
class Portal:
    server: Server
    worker: Worker
    env: dict[str, str]

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("staticfiles")
    result = collect_static_as_the_image_does(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


@pytest.fixture
def portal(
    regions_reloaded: None, transactional_db: None, collected_static: Path, tmp_path: Path
) -> Iterator[Portal]:
    # A private Redis: the worker takes the default queue, which no other test may see.
    with private_redis() as redis:
        cache_url = redis.url.replace("/0", "/1")
        env = production_env(
            database_url=database_url_of_this_run(),
            broker_url=redis.url,
            redis_url=cache_url,
            static_root=collected_static,
        )
        with (
            celery_worker("celery", broker_url=redis.url, REDIS_URL=cache_url) as worker,
            gunicorn(env, free_port(), tmp_path / "gunicorn.log") as server,
        ):
            yield Portal(server, worker, env)
