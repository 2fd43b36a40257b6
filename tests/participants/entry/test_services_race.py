"""Two officers save the same new month at the same moment, on two real connections."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from participants.entry import services
from participants.models import ParticipantCount
from tests.participants.conftest import DECEMBER, cell

pytestmark = pytest.mark.django_db(transaction=True)


def test_second_of_two_simultaneous_first_saves_gets_a_conflict(
    kalbar_officer, make_user, monkeypatch
):
    colleague = make_user("provincial_officer", province="61")
    colleague_result: list[services.WriteResult] = []

    def colleague_saves() -> None:
        try:
            colleague_result.append(
                services.counts_write(
                    actor=colleague, cells=[cell("61.71", "PU", 1200)], source="web"
                )
            )
        finally:
            connection.close()

    read_context = services.load_context
    ours_thread = threading.get_ident()

    def colleague_commits_after_we_read(cells):  # type: ignore[no-untyped-def]
        context = read_context(cells)
        if threading.get_ident() == ours_thread:  # the colleague's own read goes straight on
            thread = threading.Thread(target=colleague_saves)
            thread.start()
            thread.join()
        return context

    monkeypatch.setattr(services, "load_context", colleague_commits_after_we_read)
    ours = services.counts_write(
        actor=kalbar_officer, cells=[cell("61.71", "PU", 1000)], source="web"
    )

    assert len(colleague_result) == 1 and colleague_result[0].applied
    assert not ours.applied
    assert [problem.field for problem in ours.errors] == ["version"]
    assert ours.errors[0].message == str(services.CONCURRENT_FIRST_SAVE)
    stored = ParticipantCount.objects.get(region__code="61.71", period=DECEMBER)
    assert stored.active_participants == 1200
