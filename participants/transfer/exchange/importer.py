"""Import data values (DHIS2 dataValueSets, ADX) into counts, by DHIS2's import rules.

Codes are checked against the file importer's lookups (rows.Lookups: two queries for the
whole document); each cell is then built from the stored values and the sent ones, by the
import strategy, and handed to counts_write, which applies the count rules (scope, locked
months, bounds, sub-groups) and the audit trail. A DELETE clears a value through the same
service: a cleared active figure becomes "no data" with DELETED as its reason, so the cell
reads "–" and the history says who cleared it.

atomicMode ALL stores nothing while any value is refused; NONE stores the cells without
a refusal and lists the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from participants.counts.models import ParticipantCount
from participants.entry.services import CellInput, CellProblem, WriteResult, counts_write
from participants.transfer.exchange.codes import ACTIVE, EMPLOYERS, INACTIVE
from participants.transfer.exchange.values import (
    Conflict,
    DataValue,
    ImportOptions,
    Parsed,
    Summary,
)
from participants.transfer.rows import Lookups, not_valid_message
from regions.access.users import PortalUser
from regions.bounds import echo

DELETED = "DHIS2 importStrategy=DELETE"
FIELDS = ("active_participants", "inactive_participants", "employers", "no_data_reason")
POSITION = {ACTIVE: 0, INACTIVE: 1, EMPLOYERS: 2}
# counts_write names the model's fields; DHIS2 names the part of the data value at fault.
ERROR_CODES = {"region": "E7617", "report": "E7643", "version": "E7643", "period": "E7611"}
Key = tuple[int, int, object]
Stored = tuple[int | None, int | None, int | None, str]


@dataclass
class Planned:
    key: Key
    values: list[DataValue]
    cell: CellInput
    imported: int = 0
    updated: int = 0
    deleted: int = 0


def import_values(*, actor: PortalUser, parsed: Parsed, options: ImportOptions) -> Summary:
    summary = Summary(options=options, total=parsed.total)
    for conflict in parsed.conflicts:
        summary.refuse(conflict)
    grouped = _group(parsed.values, Lookups.load(), summary)
    if summary.conflicts and options.atomic == "ALL":
        return summary
    stored = _stored(grouped)
    plans = [
        p for p in (_plan(k, v, stored.get(k), options.strategy) for k, v in grouped.items()) if p
    ]
    plans = _write(actor, plans, options, summary)
    if summary.conflicts and options.atomic == "ALL":
        return summary
    for plan in plans:
        summary.imported += plan.imported
        summary.updated += plan.updated
        summary.deleted += plan.deleted
    summary.stored = bool(plans) and not options.dry_run
    return summary


def _group(
    values: Iterable[DataValue], lookups: Lookups, summary: Summary
) -> dict[Key, list[DataValue]]:
    grouped: dict[Key, list[DataValue]] = {}
    for v in values:
        regency = lookups.regencies.get(v.org_unit)
        category = lookups.categories.get(v.data_element)
        if regency is None or not regency.valid_on(v.period):
            summary.refuse(_unknown_unit(v, regency))
        elif category is None:
            message = _("Unknown data element %(code)r: use a category code such as PU.")
            summary.refuse(
                Conflict(
                    v.data_element,
                    message % {"code": echo(v.data_element)},
                    "E7610",
                    "dataElement",
                    [v.index],
                )
            )
        else:
            same = grouped.setdefault((regency.id, category.pk, v.period), [])
            if any(other.measure == v.measure for other in same):
                summary.refuse(
                    Conflict(
                        v.name,
                        str(_("This value appears more than once.")),
                        "E7619",
                        "value",
                        [v.index],
                    )
                )
            else:
                same.append(v)
    return {key: values for key, values in grouped.items() if values}


def _unknown_unit(value: DataValue, regency: object) -> Conflict:
    if regency is None:
        message = _(
            "Unknown organisation unit %(code)r: values are reported per regency (kabupaten/"
            "kota), by Kemendagri code valid in that month, e.g. 61.71."
        ) % {"code": echo(value.org_unit)}
    else:
        message = not_valid_message(regency, value.period)  # type: ignore[arg-type]
    return Conflict(value.org_unit, str(message), "E7612", "orgUnit", [value.index])


def _stored(grouped: dict[Key, list[DataValue]]) -> dict[Key, Stored]:
    """The stored values of the cells concerned, in one query."""
    rows = ParticipantCount.objects.filter(
        region_id__in={k[0] for k in grouped}, period__in={k[2] for k in grouped}
    ).values_list("region_id", "category_id", "period", *FIELDS)
    return {(r, c, p): tuple(rest) for r, c, p, *rest in rows if (r, c, p) in grouped}  # type: ignore[misc]


def _exists(value: DataValue, before: Stored | None) -> bool:
    if before is None:
        return False
    if value.measure == ACTIVE:
        return before[0] is not None or (bool(before[3]) and before[3] != DELETED)
    return before[POSITION[value.measure]] is not None


def _same(value: DataValue, before: Stored) -> bool:
    if value.measure == ACTIVE and value.value is None:
        return before[0] is None and before[3] == value.comment
    return before[POSITION[value.measure]] == value.value


def _plan(
    key: Key, values: list[DataValue], before: Stored | None, strategy: str
) -> Planned | None:
    """The cell after this import's values, by the strategy; None when nothing changes."""
    cell = list(before or (None, None, None, ""))
    plan = Planned(key, [], CellInput(key[0], key[1], key[2], None))  # type: ignore[arg-type]
    for v in values:
        exists = _exists(v, before)
        if strategy == "DELETE":
            if not exists:
                continue
            _put(cell, v.measure, None, DELETED)
            plan.deleted += 1
        elif _skipped(v, before, exists, strategy):
            continue
        else:
            _put(cell, v.measure, v.value, v.comment if v.value is None else "")
            plan.imported += not exists
            plan.updated += exists
        plan.values.append(v)
    if not plan.values:
        return None
    active, inactive, employers, reason = cell
    plan.cell = CellInput(key[0], key[1], key[2], active, inactive, employers, reason or "")  # type: ignore[arg-type]
    return plan


def _skipped(value: DataValue, before: Stored | None, exists: bool, strategy: str) -> bool:
    """CREATE leaves stored values alone, UPDATE adds none; a value as stored is no change."""
    if (strategy == "CREATE" and exists) or (strategy == "UPDATE" and not exists):
        return True
    return before is not None and exists and _same(value, before)


def _put(cell: list, measure: str, value: int | None, reason: str) -> None:
    cell[POSITION[measure]] = value
    if measure == ACTIVE:
        cell[3] = reason if value is None else ""


def _write(
    actor: PortalUser, plans: list[Planned], options: ImportOptions, summary: Summary
) -> list[Planned]:
    """Write the plans (ALL: every one or none; NONE: those the count rules accept)."""
    while plans:
        dry_run = options.dry_run or options.atomic == "NONE"
        result = _counts_write(actor, [p.cell for p in plans], dry_run)
        refused = {p.index for p in result.errors}
        for problem in result.errors:
            summary.refuse(_cell_conflict(plans[problem.index], problem))
        if refused and options.atomic == "ALL":
            return []
        plans = [p for i, p in enumerate(plans) if i not in refused]
        if not refused:
            if options.atomic == "NONE" and not options.dry_run and plans:
                result = _counts_write(actor, [p.cell for p in plans], False)
            _warn(summary, plans, result)
            return plans
    return plans


def _counts_write(actor: PortalUser, cells: Sequence[CellInput], dry_run: bool) -> WriteResult:
    try:
        return counts_write(actor=actor, cells=cells, source="api", dry_run=dry_run)
    except ValidationError as error:  # refused as a whole, e.g. no right to enter data
        message = " ".join(error.messages)
        return WriteResult(errors=[CellProblem(i, "region", message) for i in range(len(cells))])


def _cell_conflict(plan: Planned, problem: CellProblem) -> Conflict:
    first = plan.values[0]
    code = ERROR_CODES.get(problem.field, "E7619")
    return Conflict(
        first.name, str(problem.message), code, problem.field, [v.index for v in plan.values]
    )


def _warn(summary: Summary, plans: list[Planned], result: WriteResult) -> None:
    for problem in result.warnings:
        plan = plans[problem.index]
        summary.warnings.append(
            Conflict(
                plan.values[0].name,
                str(problem.message),
                "W",
                problem.field,
                [v.index for v in plan.values],
            )
        )
