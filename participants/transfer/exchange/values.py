"""Data values as DHIS2 and ADX carry them, the import's options and its summary.

A count cell (regency × category × month) travels as up to three data values that differ in
their measure (codes.py). A value sent for one measure leaves the cell's other measures as
stored, as DHIS2 treats every data value on its own. An ACTIVE value that is empty, with the
reason in `comment`, marks the cell "no data".

The summary is DHIS2's (2.38 and later): a WebMessage whose `response` is an ImportSummary
with `importCount`, `conflicts` (each with `errorCode`, `property` and the `indexes` of the
data values concerned) and `rejectedIndexes`. `status` means what it means in DHIS2:
SUCCESS when no value was refused, WARNING when some were stored and some refused, ERROR
when nothing was stored because of a refusal. The count rules' plausibility warnings travel
in their own field, `warnings`, and never change the status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from participants.transfer.exchange.codes import ACTIVE, WireError

STRATEGIES = ("CREATE_AND_UPDATE", "CREATE", "UPDATE", "DELETE")
ATOMIC_MODES = ("ALL", "NONE")


@dataclass(frozen=True)
class DataValue:
    index: int  # position in the document, as DHIS2 counts rejectedIndexes
    org_unit: str
    data_element: str
    period: dt.date
    period_text: str  # as the sender wrote it, so a conflict names the value their way
    value: int | None
    measure: str = ACTIVE
    comment: str = ""

    @property
    def name(self) -> str:
        suffix = "" if self.measure == ACTIVE else f"/{self.measure}"
        return f"{self.org_unit}/{self.data_element}/{self.period_text}{suffix}"


@dataclass
class Conflict:
    object: str
    value: str
    error_code: str = "E7619"
    property: str = "value"
    indexes: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "object": self.object,
            "objects": {self.property: self.object},
            "value": self.value,
            "errorCode": self.error_code,
            "property": self.property,
            "indexes": self.indexes,
        }


def wire_conflict(error: WireError, obj: str, index: int | None) -> Conflict:
    return Conflict(obj, error.message, error.code, error.prop, [] if index is None else [index])


@dataclass(frozen=True)
class Parsed:
    """What a reader made of a document: the values it could read, and the conflicts of
    those it could not (their indexes count in rejectedIndexes)."""

    values: list[DataValue]
    conflicts: list[Conflict]
    total: int


@dataclass(frozen=True)
class ImportOptions:
    strategy: str = "CREATE_AND_UPDATE"
    dry_run: bool = False
    atomic: str = "ALL"

    def as_dict(self) -> dict[str, Any]:
        return {
            "importStrategy": self.strategy,
            "dryRun": self.dry_run,
            "atomicMode": self.atomic,
            "idSchemes": {"idScheme": "CODE"},
        }


@dataclass
class Summary:
    options: ImportOptions = field(default_factory=ImportOptions)
    total: int = 0
    imported: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    rejected: set[int] = field(default_factory=set)
    warnings: list[Conflict] = field(default_factory=list)
    stored: bool = False
    unreadable: bool = False  # the document could not be read at all (HTTP 400)

    @property
    def ignored(self) -> int:
        return max(self.total - self.imported - self.updated - self.deleted, 0)

    @property
    def status(self) -> str:
        if not self.conflicts:
            return "SUCCESS"
        return "WARNING" if self.imported + self.updated + self.deleted else "ERROR"

    def refuse(self, conflict: Conflict) -> None:
        self.conflicts.append(conflict)
        self.rejected.update(conflict.indexes)

    def response(self) -> dict[str, Any]:
        """The ImportSummary, as DHIS2 puts it in a WebMessage's `response`."""
        return {
            "responseType": "ImportSummary",
            "status": self.status,
            "importOptions": self.options.as_dict(),
            "description": _description(self),
            "importCount": {
                "imported": self.imported,
                "updated": self.updated,
                "ignored": self.ignored,
                "deleted": self.deleted,
            },
            "conflicts": [c.as_dict() for c in self.conflicts],
            "rejectedIndexes": sorted(self.rejected),
            "warnings": [c.as_dict() for c in self.warnings],
            "dataSetComplete": "false",
        }

    @property
    def http_status(self) -> int:
        return 400 if self.unreadable else (409 if self.conflicts else 200)

    def web_message(self) -> dict[str, Any]:
        code = self.http_status
        return {
            "httpStatus": {200: "OK", 400: "Bad Request", 409: "Conflict"}[code],
            "httpStatusCode": code,
            "status": {"SUCCESS": "OK"}.get(self.status, self.status),
            "message": _message(self),
            "response": self.response(),
        }


def _message(summary: Summary) -> str:
    if summary.conflicts:
        return str(_("One or more conflicts encountered, please check the import summary."))
    return str(_("Import was successful."))


def _description(summary: Summary) -> str:
    if summary.unreadable:
        return str(_("The document could not be read; nothing was imported."))
    if summary.options.dry_run:
        return str(_("Dry run: nothing was stored; the counts say what an import would do."))
    if summary.conflicts and summary.status == "ERROR":
        return str(
            _("Nothing was imported: with atomicMode ALL no value is stored while any is refused.")
        )
    if summary.conflicts:
        return str(_("The values without conflicts were imported; the others are listed."))
    return str(_("Import done."))


class FormatError(Exception):
    """The document cannot be read as data values at all: an HTTP 400, nothing imported."""

    def __init__(self, message: str, obj: str = "body") -> None:
        super().__init__(message)
        self.conflict = Conflict(obj, message, "E7700", obj)

    def summary(self, options: ImportOptions) -> Summary:
        return Summary(options=options, conflicts=[self.conflict], unreadable=True)
