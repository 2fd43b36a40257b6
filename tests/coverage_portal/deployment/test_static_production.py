"""Static files as the image builds them: collected with the production (manifest) storage,
and the pages rendered through that manifest.

Before, the image collected with DEBUG=True (no manifest) and every page was a 500 with
DEBUG=False; collecting with DEBUG=False failed on a source map the vendored scripts name.
"""

import json
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production import ROOT, collect_static_as_the_image_does

STATIC_URL = re.compile(r"""["'](/static/[^"'?#]+)""")


@pytest.fixture(scope="session")
def collected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("staticfiles")
    result = collect_static_as_the_image_does(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


@pytest.fixture(scope="session")
def production_storage_backend() -> str:
    code = "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            "DJANGO_SETTINGS_MODULE": "coverage_portal.settings",
            "DEBUG": "False",
            "SECRET_KEY": secrets.token_urlsafe(50),
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture
def manifest_storage(settings, collected: Path, production_storage_backend: str) -> Path:
    settings.STATIC_ROOT = collected
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": production_storage_backend},
    }
    return collected


def static_files_of(html: str) -> list[str]:
    return STATIC_URL.findall(html)


def assert_served_from_the_manifest(html: str, root: Path) -> None:
    urls = static_files_of(html)
    assert urls, "the page names no static file"
    for url in urls:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), f"{url} is not a hashed name"
        assert (root / url.removeprefix("/static/")).is_file(), f"{url} was not collected"


def test_collectstatic_writes_a_manifest_that_names_the_vendored_scripts(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    for name in ("portal/favicon.svg", "vendor/chartjs/chart.umd.js", "vendor/leaflet/leaflet.js"):
        assert (collected / manifest[name]).is_file()


@pytest.mark.django_db
def test_login_page_renders_through_the_manifest(client, manifest_storage):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert_served_from_the_manifest(response.content.decode(), manifest_storage)


@pytest.mark.django_db
def test_dashboard_renders_through_the_manifest(client, viewer, manifest_storage):
    client.force_login(viewer)
    response = client.get("/dasbor/")
    html = response.content.decode()
    assert response.status_code == 200
    assert_served_from_the_manifest(html, manifest_storage)
    assert re.search(r"/static/vendor/chartjs/chart\.umd\.[0-9a-f]{12}\.js", html)


@pytest.mark.django_db
def test_admin_renders_through_the_manifest(client, national_admin, manifest_storage):
    client.force_login(national_admin)
    for url in ("/admin/login/", "/admin/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert_served_from_the_manifest(response.content.decode(), manifest_storage)
