"""One import path for DHIS2 dataValueSets and ADX: data values → cells → counts_write.

A count cell (regency × category × month) travels as up to three data values that differ in
their measure — DHIS2's categoryOptionCombo, ADX's `measure` attribute: ACTIVE (the default)
for active participants, INACTIVE for registered members who stopped paying, EMPLOYERS for
registered employers. A value sent for one measure leaves the cell's other measures as
stored, as DHIS2 treats every data value on its own. An ACTIVE value that is empty, with the
reason in `comment`, marks the cell "no data".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from participants.entry.models import ParticipantCount
from participants.entry.services import CellInput, counts_write
from participants.transfer.exchange.codes import category_ids, regency_ids

ACTIVE, INACTIVE, EMPLOYERS = "ACTIVE", "INACTIVE", "EMPLOYERS"
MEASURES = {
    ACTIVE: "active_participants",
    INACTIVE: "inactive_participants",
    EMPLOYERS: "employers",
}
MAX_VALUES = 100_000
Key = tuple[int, int, dt.date]


@dataclass(frozen=True)
class DataValue:
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
class Summary:
    """DHIS2's import summary: status, importCount and conflicts (every refusal, named)."""

    dry_run: bool
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    conflicts: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.conflicts:
            return "ERROR"
        return "WARNING" if self.warnings else "SUCCESS"

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "description": _description(self),
            "dryRun": self.dry_run,
            "importCount": {
                "imported": self.imported,
                "updated": self.updated,
                "ignored": self.ignored,
                "deleted": 0,
            },
            "conflicts": self.conflicts,
            "warnings": self.warnings,
        }


def _description(summary: Summary) -> str:
    if summary.conflicts:
        return "Nothing was imported: every value is refused while any value is."
    if summary.dry_run:
        return "Dry run: nothing was stored; the counts say what an import would do."
    return "Import done."


class FormatError(Exception):
    """The document cannot be read as data values at all: an HTTP 400, nothing imported."""

    def __init__(self, conflicts: list[dict[str, str]]) -> None:
        super().__init__(conflicts[0]["value"] if conflicts else "invalid document")
        self.conflicts = conflicts


def conflict(obj: str, message: str) -> dict[str, str]:
    return {"object": obj, "value": message}


def import_values(*, actor: Any, values: Sequence[DataValue], dry_run: bool) -> Summary:
    summary = Summary(dry_run=dry_run, ignored=len(values))
    regions = regency_ids(v.org_unit for v in values)
    categories = category_ids(v.data_element for v in values)
    summary.conflicts = _code_conflicts(values, regions, categories)
    if summary.conflicts:
        return summary
    grouped = _group(values, regions, categories, summary)
    if summary.conflicts:
        return summary
    stored = _stored(grouped)
    keys = list(grouped)
    cells = [_cell(key, grouped[key], stored.get(key)) for key in keys]
    result = counts_write(actor=actor, cells=cells, source="api", dry_run=dry_run)
    names = [grouped[key][0].name for key in keys]
    summary.conflicts = [conflict(names[p.index], str(p.message)) for p in result.errors]
    summary.warnings = [conflict(names[p.index], str(p.message)) for p in result.warnings]
    if not summary.conflicts:
        _count(summary, grouped, stored)
    return summary


def _code_conflicts(
    values: Sequence[DataValue], regions: dict[str, int], categories: dict[str, int]
) -> list[dict[str, str]]:
    found: dict[str, str] = {}
    for v in values:
        if v.org_unit not in regions:
            found.setdefault(
                v.org_unit,
                f"Unknown regency {v.org_unit!r}: values are reported per regency (kabupaten/"
                "kota), by Kemendagri code valid in that month, e.g. 61.71.",
            )
        if v.data_element not in categories:
            found.setdefault(v.data_element, f"Unknown category {v.data_element!r}, e.g. PU.")
    return [conflict(obj, message) for obj, message in found.items()]


def _group(
    values: Sequence[DataValue],
    regions: dict[str, int],
    categories: dict[str, int],
    summary: Summary,
) -> dict[Key, list[DataValue]]:
    grouped: dict[Key, list[DataValue]] = {}
    for v in values:
        key = (regions[v.org_unit], categories[v.data_element], v.period)
        same = grouped.setdefault(key, [])
        if any(other.measure == v.measure for other in same):
            summary.conflicts.append(conflict(v.name, "This value appears more than once."))
        same.append(v)
    return grouped


def _stored(grouped: dict[Key, list[DataValue]]) -> dict[Key, tuple[Any, ...]]:
    """The stored values of the cells concerned, in one query."""
    region_ids = {k[0] for k in grouped}
    periods = {k[2] for k in grouped}
    rows = ParticipantCount.objects.filter(
        region_id__in=region_ids, period__in=periods
    ).values_list(
        "region_id",
        "category_id",
        "period",
        "active_participants",
        "inactive_participants",
        "employers",
        "no_data_reason",
    )
    return {(r, c, p): tuple(rest) for r, c, p, *rest in rows if (r, c, p) in grouped}


def _cell(key: Key, values: list[DataValue], stored: tuple[Any, ...] | None) -> CellInput:
    active, inactive, employers, reason = stored or (None, None, None, "")
    for v in values:
        if v.measure == ACTIVE:
            active, reason = v.value, (v.comment if v.value is None else "")
        elif v.measure == INACTIVE:
            inactive = v.value
        else:
            employers = v.value
    return CellInput(
        region_id=key[0],
        category_id=key[1],
        period=key[2],
        active_participants=active,
        inactive_participants=inactive,
        employers=employers,
        no_data_reason=reason or "",
    )


def _count(
    summary: Summary, grouped: dict[Key, list[DataValue]], stored: dict[Key, tuple[Any, ...]]
) -> None:
    """DHIS2 counts data values: new to the portal, changed, or the same as stored."""
    summary.ignored = 0
    positions = {ACTIVE: 0, INACTIVE: 1, EMPLOYERS: 2}
    for key, values in grouped.items():
        before = stored.get(key)
        for v in values:
            if before is None:
                summary.imported += 1
            elif _same(v, before, positions[v.measure]):
                summary.ignored += 1
            else:
                summary.updated += 1


def _same(value: DataValue, before: tuple[Any, ...], position: int) -> bool:
    if value.measure == ACTIVE and value.value is None:
        return before[0] is None and before[3] == value.comment.strip()
    return before[position] == value.value
