"""No lost updates: a save based on an old version of a report is refused, naming who won.

The grid sends the version it was rendered with; the reports are locked (SELECT … FOR UPDATE)
while the versions are compared, so two saves cannot both pass the check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from django.utils.translation import gettext as _

from participants.counts.models import MonthlyReport, ReportEvent
from participants.entry.validation import CellInput, CellProblem, WriteContext
from regions.values.formatting import format_datetime, format_number, format_person

# Appended to a save event's comment when its warnings were read and confirmed.
ACKNOWLEDGED_NOTE = " · warnings acknowledged"
SAVES = (ReportEvent.Action.SAVED, ReportEvent.Action.IMPORTED, ReportEvent.Action.CREATED)


def last_save(report: MonthlyReport) -> ReportEvent | None:
    events = report.events.filter(action__in=SAVES).select_related("actor")
    return events.order_by("-at", "-pk").first()


def conflict_problems(
    cells: Sequence[CellInput], ctx: WriteContext, expected: Mapping[int, int]
) -> Iterator[CellProblem]:
    """One problem per stale report, then one per cell whose stored value differs."""
    for report in ctx.reports.values():
        seen = expected.get(report.pk)
        if seen is None or seen == report.version:
            continue
        indexes = [i for i, c in enumerate(cells) if ctx.report_for(c) is report]
        if not indexes:
            continue
        yield CellProblem(indexes[0], "version", _conflict_message(report))
        yield from _their_values(cells, indexes, ctx)


def _conflict_message(report: MonthlyReport) -> str:
    event = last_save(report)
    who = format_person(event.actor if event else None)
    when = format_datetime(event.at if event else report.updated_at, report.province)
    return _(
        "%(who)s saved this report at %(when)s while you were editing it; nothing of yours "
        "was saved. Their values are shown next to your cells: reload the page to continue."
    ) % {"who": who, "when": when}


def _their_values(
    cells: Sequence[CellInput], indexes: list[int], ctx: WriteContext
) -> Iterator[CellProblem]:
    for index in indexes:
        stored = ctx.stored.get(cells[index].key)
        theirs = stored.active_participants if stored else None
        if stored is not None and theirs != cells[index].active_participants:
            shown = format_number(theirs) if theirs is not None else _("no data")
            yield CellProblem(
                index, "conflict", _("Saved by the other person: %(value)s") % {"value": shown}
            )
