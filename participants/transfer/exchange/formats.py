"""The exchange's formats by name: read a document of any of them, write counts in any."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from participants.transfer.exchange import adx, dhis2_csv, dhis2_json, dxf2
from participants.transfer.exchange.export import ExportedCount
from participants.transfer.exchange.importer import import_values
from participants.transfer.exchange.values import FormatError, ImportOptions, Parsed, Summary
from regions.access.users import PortalUser

READERS: dict[str, Callable[[bytes], Parsed]] = {
    "json": dhis2_json.read,
    "xml": dxf2.read,
    "csv": dhis2_csv.read,
    "adx": adx.parse,
}


def import_document(
    *, actor: PortalUser, body: bytes, kind: str, options: ImportOptions
) -> Summary:
    """Read and import; a document that cannot be read is a summary with one conflict."""
    try:
        parsed = READERS[kind](body)
    except FormatError as error:
        return error.summary(options)
    return import_values(actor=actor, parsed=parsed, options=options)


def document_refusal(*, body: bytes, kind: str, options: ImportOptions) -> Summary | None:
    """The summary of a document the readers refuse (unreadable, or a value of the wrong
    shape), or None when it reads: checked before an import is queued, so that async=true
    refuses a malformed document at once, as the synchronous import does."""
    try:
        parsed = READERS[kind](body)
    except FormatError as error:
        return error.summary(options)
    if not parsed.conflicts:
        return None
    summary = Summary(options=options, total=parsed.total)
    for conflict in parsed.conflicts:
        summary.refuse(conflict)
    return summary


def write(kind: str, counts: list[ExportedCount], include_deleted: bool) -> Any:
    """JSON as a dict (the API renders it); the others as bytes."""
    if kind == "json":
        return dhis2_json.write(counts, include_deleted)
    if kind == "xml":
        return dxf2.write(counts, include_deleted)
    if kind == "csv":
        return dhis2_csv.write(counts, include_deleted)
    return adx.render(counts)
