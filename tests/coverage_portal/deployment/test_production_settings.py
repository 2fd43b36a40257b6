"""The documented production configuration: check --deploy is silent, compose takes every
security setting from .env, and the proxy headers are believed only behind a declared proxy."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
SECURITY_VARIABLES = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "BEHIND_PROXY",
}


def documented_production_env() -> dict[str, str]:
    """.env.example as an operator fills it in: every value as shipped, plus the secrets."""
    text = (ROOT / ".env.example").read_text()
    values = dict(re.findall(r"^([A-Z_]+)=(.*)$", text, flags=re.MULTILINE))
    values["SECRET_KEY"] = secrets.token_urlsafe(50)
    values["POSTGRES_PASSWORD"] = secrets.token_urlsafe(20)
    return values


def run_django(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """A fresh process configured only by `env`: nothing of the test run's environment
    (its database, or DJANGO_ALLOW_ASYNC_UNSAFE that the browser tests set) leaks in."""
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "coverage_portal.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_silent_with_the_documented_production_env():
    code = (
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_django(code, **documented_production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_production_defaults_to_https_everywhere():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run_django(code, DEBUG="False", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.stdout.split() == ["True", "True", "True", "True", "None"], result.stderr


def test_each_https_switch_can_be_turned_off_for_a_plain_http_test_server():
    code = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    )
    result = run_django(
        code,
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
    )
    assert result.stdout.split() == ["False", "0"], result.stderr


def test_the_proxy_header_is_trusted_only_behind_a_declared_proxy():
    code = "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER)"
    key = secrets.token_urlsafe(50)
    direct = run_django(code, DEBUG="False", SECRET_KEY=key)
    proxied = run_django(code, DEBUG="False", SECRET_KEY=key, BEHIND_PROXY="True")
    assert direct.stdout.strip() == "None", direct.stderr
    assert proxied.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", proxied.stderr


def test_compose_takes_every_security_setting_from_the_env_file():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    for name in ("web", "worker", "beat"):
        service = compose["services"][name]
        assert not SECURITY_VARIABLES & set(service["environment"]), name
        assert service["environment"]["DEBUG"] == "False"
        assert service["env_file"] == [{"path": ".env", "required": True}]


def test_gunicorn_is_published_only_to_the_hosts_tls_proxy():
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    assert web["ports"] == ["127.0.0.1:8000:8000"]


def test_no_database_password_is_written_in_compose():
    text = (ROOT / "docker-compose.yml").read_text()
    assert "portal:portal@" not in text and "POSTGRES_PASSWORD: portal" not in text
