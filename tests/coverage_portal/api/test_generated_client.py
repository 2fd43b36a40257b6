"""A client generated from the served OpenAPI schema by openapi-python-client: every generated
module imports, and the README's recipe reads and writes through it against a live server.

The client is generated once per session (about a second) into a temporary directory.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from knox.models import AuthToken

from tests.coverage_portal.api.helpers import served_schema

LIVE = pytest.mark.django_db(transaction=True)
OPTIONS = ["--meta", "none", "--config", "portal.yaml"]
ROOT = Path(__file__).resolve().parents[3]
PACKAGE = "portal_client"
CONFIG = (
    "content_type_overrides:\n  application/adx+xml: application/octet-stream\npost_hooks: []\n"
)


def readme_recipe() -> str:
    """The Python block that follows the recipe's marker in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: generated client.*?-->\n```python\n(.*?)```", text, re.S)
    assert found, "the README's generated-client recipe is missing"
    return found[1]


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    where = tmp_path_factory.mktemp("generated")
    (where / "portal.json").write_text(json.dumps(served_schema()), encoding="utf-8")
    (where / "portal.yaml").write_text(CONFIG, encoding="utf-8")
    tool = Path(sys.executable).with_name("openapi-python-client")
    run = subprocess.run(
        [str(tool), "generate", "--path", "portal.json", "--output-path", PACKAGE, *OPTIONS],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout, run.stdout  # nothing of the schema was left out
    sys.path.insert(0, str(where))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(where))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_every_generated_module_imports(generated: ModuleType) -> None:
    names = [m.name for m in pkgutil.walk_packages(generated.__path__, PACKAGE + ".")]
    for name in names:
        importlib.import_module(name)
    assert len(names) > 150
    assert f"{PACKAGE}.api.data_value_sets.data_value_sets_import" in names


def _client(generated: ModuleType, live_server: Any, user: Any) -> Any:
    _token, text = AuthToken.objects.create(user=user)
    return generated.AuthenticatedClient(base_url=live_server.url, token=text, prefix="Token")


@LIVE
def test_the_readme_recipe_reads_and_writes(
    generated: ModuleType, live_server: Any, kalbar_month: Any, kalbar_officer: Any, capsys: Any
) -> None:
    _token, text = AuthToken.objects.create(user=kalbar_officer)
    scope: dict[str, Any] = {"BASE_URL": live_server.url, "TOKEN": text}
    exec(compile(readme_recipe(), "README.md", "exec"), scope)
    assert {r.code for r in scope["regencies"].results} >= {"61.71", "61.72"}
    assert {(c.region, c.category) for c in scope["counts"].results} >= {("61.71", "PU")}
    assert isinstance(scope["coverage"], generated.models.PaginatedCoverageList)
    answer = scope["answer"]
    assert isinstance(answer, generated.models.WebMessage)
    assert answer.response.import_count.updated == 1
    assert capsys.readouterr().out.strip() == "SUCCESS 1"


@LIVE
def test_writes_and_refusals_come_back_as_their_documented_models(
    generated: ModuleType, live_server: Any, kalbar_month: Any, kalbar_officer: Any, viewer: Any
) -> None:
    from portal_client.api.counts import counts_bulk_create, counts_list
    from portal_client.models import BulkRequest, BulkResult, CountInRequest, Error

    officer = _client(generated, live_server, kalbar_officer)
    cell = CountInRequest(region="61.71", category="PU", period="2023-12", active_participants=4321)
    written = counts_bulk_create.sync(client=officer, body=BulkRequest(counts=[cell]))
    assert isinstance(written, BulkResult) and written.applied
    read = counts_list.sync(client=officer, region="61.71", category="PU", period="2023-12")
    assert [c.active_participants for c in read.results] == [4321]

    unknown = CountInRequest(region="61.99", category="PU", period="2023-12", active_participants=1)
    refused = counts_bulk_create.sync_detailed(client=officer, body=BulkRequest(counts=[unknown]))
    assert refused.status_code == 409 and isinstance(refused.parsed, BulkResult)
    assert refused.parsed.errors[0].field == "region" and not refused.parsed.applied

    watcher = _client(generated, live_server, viewer)
    forbidden = counts_bulk_create.sync_detailed(client=watcher, body=BulkRequest(counts=[cell]))
    assert forbidden.status_code == 403 and isinstance(forbidden.parsed, Error)
    assert forbidden.parsed.detail

    bad_month = counts_list.sync_detailed(client=officer, period="2023-13")
    assert bad_month.status_code == 400 and isinstance(bad_month.parsed, Error)
    assert "period" in bad_month.parsed.errors.additional_properties
