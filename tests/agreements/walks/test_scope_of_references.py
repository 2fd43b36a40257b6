"""Every service that takes a reference (an office, a region, an agreement or meeting, a
successor, a document's owner) checks it against the acting user's scope: a Kalimantan Barat
officer names nothing of Sulawesi Tenggara, whichever service they call, and nothing is
stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from agreements import services
from agreements.documents.models import Document
from agreements.meetings.models import Meeting
from agreements.models import Agreement, Commitment
from regions.models import Office
from tests.agreements.factories import ActiveAgreementFactory, MeetingFactory, region

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _kolaka_office(actor: Any) -> None:
    services.meeting_save(
        actor=actor,
        meeting=MeetingFactory.build(host_region=region("61")),
        regions=[region("61")],
        offices=[Office.objects.get(code="cabang-kolaka")],
    )


def _kolaka_region_in_a_meeting(actor: Any) -> None:
    services.meeting_save(
        actor=actor,
        meeting=MeetingFactory.build(host_region=region("61")),
        regions=[region("61"), region("74.01")],
    )


def _commitment_of_a_kolaka_agreement(actor: Any) -> None:
    source = ActiveAgreementFactory.create(region=region("74.01"))
    commitment = Commitment(
        agreement=source, region=region("74.01"), kind="budget", description="x", responsible="y"
    )
    services.commitment_save(actor=actor, commitment=commitment)


def _kolaka_successor(actor: Any) -> None:
    ours = ActiveAgreementFactory.create(region=region("61"))
    theirs = ActiveAgreementFactory.create(region=region("74.01"))
    services.agreement_renew(actor=actor, agreement=ours, successor=theirs)


def _document_of_a_kolaka_meeting(actor: Any) -> None:
    owner = MeetingFactory.create(host_region=region("74.01"))
    upload = SimpleUploadedFile("notulen.png", PNG, content_type="image/png")
    services.document_attach(actor=actor, owner=owner, upload=upload)


@pytest.mark.parametrize(
    "call",
    [
        _kolaka_office,
        _kolaka_region_in_a_meeting,
        _commitment_of_a_kolaka_agreement,
        _kolaka_successor,
        _document_of_a_kolaka_meeting,
    ],
)
def test_every_service_refuses_a_reference_outside_the_actors_scope(
    kalbar_officer: Any, offices: None, call: Callable[[Any], None]
) -> None:
    with pytest.raises((ValidationError, PermissionDenied)):
        call(kalbar_officer)
    assert not Meeting.objects.filter(host_region__code="61").exists()
    assert not Commitment.objects.exists() and not Document.objects.exists()
    assert not Agreement.objects.filter(status=Agreement.Status.RENEWED).exists()
