"""gunicorn's configuration, one for the image, compose, the serving test and the load bench.

    gunicorn -c python:coverage_portal.gunicorn_conf coverage_portal.wsgi:application

A `--bind` or other option on the command line overrides what is set here.
"""

bind = "0.0.0.0:8000"
# Few processes of two threads: a request waits for PostgreSQL part of the time, but more
# threads fight over the GIL, and more processes each keep caches of their own. Measured with
# bench/load.py on 2 cores (README, Production), CPU per request: 3 × 2 30 ms, 4 × 2 31 ms,
# 5 × 2 34 ms, 3 × 4 40 ms, 8 × 1 45 ms. Raise `workers` with the cores (GUNICORN_CMD_ARGS or
# --workers); a process costs ~90 MB.
worker_class = "gthread"
workers = 3
threads = 2
# A recompute-heavy page may wait for the full rebuild (2–3 s); anything near a minute is stuck.
timeout = 60
graceful_timeout = 30
# Longer than any client or proxy keeps an idle connection (nginx and load balancers: 60 s),
# so gunicorn never closes one just as a request is sent down it: a client that does not
# retry (a POST, an API client) would see the connection closed. Measured with bench/load.py:
# at 5 s, about 1 save in 100 failed so. An idle kept connection costs no thread (gthread).
keepalive = 75
# Recycle workers now and then, so slow growth of a process's memory never accumulates.
max_requests = 5000
max_requests_jitter = 500
# Heartbeat files on tmpfs: a container's overlay filesystem can stall the heartbeat.
worker_tmp_dir = "/dev/shm"
# Django logs each request (with its request id, coverage_portal.middleware); gunicorn
# logs only its own events.
accesslog = None
errorlog = "-"


def post_worker_init(worker: object) -> None:
    """The API checks query parameters against its schema: build it before the first request."""
    from coverage_portal.api import query_check

    query_check.warm()
