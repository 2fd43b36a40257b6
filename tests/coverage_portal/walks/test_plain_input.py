"""The door's rules, one class of hostile input each, at every URL pattern: NUL and control
characters, other scripts' digits (refused in numbers, months, dates and codes, kept in free
text written in its own script), deep JSON, huge numbers; the password reset throttle and the
import page's htmx answers."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from agreements.meetings.models import Meeting
from agreements.models import Agreement
from participants.models import ParticipantCount
from tests import hostile
from tests.agreements.meetings.test_trust_regressions import meeting_post
from tests.coverage_portal.doors import doors


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_every_door_refuses_nul_and_control_characters(national_admin):
    client = _client(national_admin)
    for door in doors():
        for value in ("61\x00", "61.71\x1b", "\x07"):
            hostile.tried()
            path = door.fill([value] * door.params) if door.params else door.fill([])
            assert client.get(path, {"wilayah": value}).status_code == 400, door.name
        # In a form, multi-line text keeps its tabs and line breaks: NUL is refused at the door.
        assert client.post(door.fill(["1"] * door.params), {"t": "a\x00"}).status_code == 400
    assert not ParticipantCount.objects.exists()


@pytest.mark.django_db
def test_every_door_refuses_other_scripts_digits(national_admin):
    client = _client(national_admin)
    for door in doors():
        for value in ("١٢٣", "１２３", "٢٠٢٦١١"):
            hostile.tried()
            path = door.fill(["61"] * door.params)
            assert client.get(path, {"bulan": value}).status_code == 400, door.name
            assert client.post(path, {"value": value}).status_code == 400, door.name


@pytest.mark.django_db
def test_free_text_in_its_own_script_keeps_its_digits_at_every_kind_of_door(kalbar_officer):
    client = _client(kalbar_officer)
    note = "ملخص الاجتماع ١٢ — محمد"
    form = meeting_post("2023-12-01") | {"summary": note}
    assert client.post(reverse("agreements:meeting-create"), form).status_code == 302
    assert Meeting.objects.get().summary == note
    body = {"kind": "mou", "title": "MoU ٣ محمد", "region": "61", "scope": note}
    response = client.post("/api/v1/agreements/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Agreement.objects.get().scope == note


@pytest.mark.django_db
def test_numbers_dates_and_codes_in_other_scripts_digits_are_refused_at_every_door(
    kalbar_officer,
):
    client = _client(kalbar_officer)
    for day in ("٢٠٢٣-١٢-٠١", "１ Desember ２０２３"):
        hostile.tried()
        response = client.post(reverse("agreements:meeting-create"), meeting_post(day))
        assert response.status_code == 400 and "0–9" in response.content.decode()
    for field, value in (("signed_on", "٢٠٢٣-١٢-٠١"), ("region", "٦١"), ("title", "١٢٣")):
        hostile.tried()
        body = {"kind": "mou", "title": "MoU", "region": "61", field: value}
        response = client.post("/api/v1/agreements/", body, content_type="application/json")
        assert response.status_code == 400, (field, response.content)
    assert not Meeting.objects.exists() and not Agreement.objects.exists()


@pytest.mark.django_db
def test_every_json_door_refuses_deep_json_and_huge_numbers(national_admin):
    client = _client(national_admin)
    api = [door for door in doors() if door.name.startswith("api:")]
    assert len(api) > 20
    bodies = [
        hostile.deep_json(50_001),
        hostile.deep_json(50_000),
        b"[" * 65 + b"]" * 65,
        b'{"value": ' + b"9" * 5000 + b"}",
        b'{"value": 1e999999}',
    ]
    writes = {"api:counts-bulk", "api:agreement-list", "api:meeting-list", "api:report-send-back"}
    for door in api:
        path = door.fill(["1"] * door.params)
        for body in bodies:
            hostile.tried()
            response = client.post(path, body, content_type="application/json")
            assert response.status_code < 500, (door.name, response.status_code)
            if door.name in writes:
                assert response.status_code == 400, (door.name, response.status_code)
    response = client.post(
        reverse("api:counts-bulk"), hostile.deep_json(50_001), content_type="application/json"
    )
    assert response.status_code == 400 and b"64" in response.content


@pytest.mark.django_db
def test_a_body_beyond_the_bound_is_refused_unread(national_admin):
    client = _client(national_admin)
    response = client.post(
        reverse("api:counts-bulk"),
        json.dumps({"rows": []}),
        content_type="application/json",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
    )
    assert response.status_code == 413


@pytest.mark.django_db
def test_password_reset_is_throttled_per_address_and_per_client(national_admin, settings):
    settings.AXES_FAILURE_LIMIT = 3
    national_admin.email = "admin@example.org"
    national_admin.save()
    client = Client()
    url = reverse("password_reset")
    answers = [client.post(url, {"email": "admin@example.org"}).status_code for _ in range(5)]
    assert answers == [302, 302, 302, 429, 429] and len(mail.outbox) == 3
    others = [client.post(url, {"email": f"x{n}@example.org"}).status_code for n in range(12)]
    assert 429 in others  # one client, many addresses


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "?selesai=61:2024-13",
        "?selesai=61:0000-12,%D9%A1",
        "?province=61&period=2024-13&format=exe",
    ],
)
def test_the_import_page_answers_htmx_in_full(kalbar_officer, national_admin, query):
    for user in (kalbar_officer, national_admin):
        client = _client(user)
        for name in ("participants:import-upload", "participants:import-template"):
            response = client.get(reverse(name) + query, headers={"HX-Request": "true"})
            assert response.status_code in {200, 400, 404}, (name, query, response.status_code)
