"""The HTTP side of an import (dataValueSets or ADX): read, import, answer the summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from participants.services import DataValue, FormatError, Summary, conflict, import_values


def dry_run_value(request: Request) -> bool:
    text = request.query_params.get("dryRun", "false").strip().lower()
    if text not in ("true", "false"):
        raise FormatError([conflict("dryRun", f"dryRun is true or false, not {text!r}.")])
    return text == "true"


def import_response(request: Request, read: Callable[[], Sequence[DataValue]]) -> Response:
    """200 when stored (or a clean dry run), 409 when any value was refused, 400 when the
    document could not be read; the body is DHIS2's import summary in every case."""
    dry_run = False
    try:
        dry_run = dry_run_value(request)
        values = read()
    except FormatError as error:
        unread = Summary(dry_run=dry_run, conflicts=error.conflicts)
        body = unread.as_dict() | {
            "description": "The document could not be read; nothing was imported."
        }
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    summary = import_values(actor=request.user, values=values, dry_run=dry_run)
    code = status.HTTP_409_CONFLICT if summary.conflicts else status.HTTP_200_OK
    return Response(summary.as_dict(), status=code)
