"""What the portal sends is safe to render: a strict CSP, no inline script, user text to
JavaScript as data only; /healthz tells strangers nothing but its status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from regions.models import Region

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def test_every_page_carries_a_policy_without_inline_scripts(client, kalbar_officer):
    client.force_login(kalbar_officer)
    for url in (reverse("home"), reverse("dashboards:national"), reverse("admin:index")):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        script = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_has_an_inline_script_or_handler(template):
    text = template.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text.replace("json_script", ""))
    assert not HANDLER.search(text)


def test_map_tooltips_are_built_from_text_not_html():
    script = (ROOT / "static/dashboards/dashboards.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and '"<strong>"' not in script
    assert "textContent" in script


def test_a_region_name_with_markup_reaches_the_map_only_as_escaped_data(client, national_admin):
    Region.objects.filter(code="61").update(name='<img src=x onerror="alert(1)">')
    client.force_login(national_admin)
    page = client.get(reverse("dashboards:national")).content.decode()
    assert "<img src=x" not in page


def test_healthz_tells_a_stranger_only_its_status(client):
    response = client.get("/healthz", REMOTE_ADDR="203.0.113.7")
    assert response.json() == {"status": "ok"}


def test_healthz_behind_a_proxy_on_this_machine_is_no_local_probe(client):
    response = client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.json() == {"status": "ok"}


def test_healthz_gives_details_to_staff_and_to_a_local_probe(client, kalbar_officer):
    assert "database" in client.get("/healthz").json()  # the test client is 127.0.0.1
    client.force_login(kalbar_officer)
    assert "database" in client.get("/healthz", REMOTE_ADDR="203.0.113.7").json()
