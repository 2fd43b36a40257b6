"""Docker cannot run here, so the compose file is checked by reading it."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "beat")


def _variables_read_by_settings() -> set[str]:
    source = (ROOT / "coverage_portal" / "settings.py").read_text()
    return set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", source))


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_whole_stack():
    services = _compose()["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    assert services["db"]["image"] == "postgres:15"
    assert services["redis"]["image"] == "redis:7"
    for name in ("db", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name


def test_web_migrates_loads_regions_and_serves_with_gunicorn():
    command = _compose()["services"]["web"]["command"]
    assert "migrate" in command and "load_regions" in command and "gunicorn" in command


def test_every_variable_compose_sets_is_read_by_the_settings():
    read = _variables_read_by_settings()
    services = _compose()["services"]
    for name in APP_SERVICES:
        unknown = set(services[name]["environment"]) - read
        assert not unknown, f"{name} sets variables the settings never read: {unknown}"


def _variables_compose_interpolates() -> set[str]:
    return set(re.findall(r"\$\{([A-Z_]+)", (ROOT / "docker-compose.yml").read_text()))


def test_env_example_documents_every_variable_the_settings_read():
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^([A-Z_]+)=", example, flags=re.MULTILINE))
    assert documented == _variables_read_by_settings() | _variables_compose_interpolates()


def test_web_is_judged_without_the_heartbeat_that_beat_waiting_on_web_would_send():
    services = _compose()["services"]
    assert services["beat"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert services["web"]["healthcheck"]["test"][-1].endswith("/healthz?part=web")
    assert services["worker"]["healthcheck"]["test"][-1].endswith("/healthz")


def test_the_worker_runs_as_the_fault_tests_run_it():
    command = _compose()["services"]["worker"]["command"].split()
    source = (ROOT / "tests" / "worker.py").read_text()
    for flag in ("--without-mingle", "--without-gossip"):
        assert flag in command and f'"{flag}"' in source, flag
