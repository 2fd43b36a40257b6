"""LOG_FORMAT=json: one JSON object a line, each with the id of the request it belongs to."""

import json
import os
import re
import subprocess
import sys

import pytest

from tests.production import ROOT

REQUEST = """
import django; django.setup()
from django.test import Client
response = Client().get("/no-such-page/", headers={{"X-Request-ID": {rid!r}}})
print("X-Request-ID:", response["X-Request-ID"])
"""


def request_in_a_fresh_process(rid: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", REQUEST.format(rid=rid)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "coverage_portal.settings",
            "ALLOWED_HOSTS": "testserver",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_json_lines_carry_the_request_id_of_the_request_they_belong_to():
    result = request_in_a_fresh_process("proxy-id-0001", LOG_FORMAT="json")
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    by_logger = {line["logger"]: line for line in lines}
    access = by_logger["coverage_portal.request"]
    assert access["request_id"] == "proxy-id-0001"
    assert (access["method"], access["path"], access["status"]) == ("GET", "/no-such-page/", 404)
    assert isinstance(access["duration_ms"], float)
    assert by_logger["django.request"]["request_id"] == "proxy-id-0001"  # "Not Found: …"
    assert by_logger["django.request"]["level"] == "WARNING"
    assert "X-Request-ID: proxy-id-0001" in result.stdout


@pytest.mark.parametrize("incoming", ["", "short", "has spaces and\nnewlines", "x" * 200])
def test_a_missing_or_unsafe_request_id_is_replaced_by_a_new_one(client, incoming):
    response = client.get("/accounts/login/", headers={"X-Request-ID": incoming})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_text_logs_show_the_request_id_too():
    result = request_in_a_fresh_process("proxy-id-0002", LOG_FORMAT="text")
    assert re.search(r"WARNING django.request \[proxy-id-0002\] Not Found", result.stderr)


def test_an_unknown_log_format_refuses_to_start():
    result = request_in_a_fresh_process("proxy-id-0003", LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT must be one of text, json" in result.stderr
