"""CSV and XLSX downloads of the lists, and meetings as iCalendar events.

Text that a spreadsheet would run as a formula (= + - @, tab, carriage return) is prefixed
with an apostrophe: officers open these files in Excel and the cells come from free text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from agreements.meetings.models import Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from regions.spreadsheets import spreadsheet_response

MEETING_LENGTH = dt.timedelta(hours=2)


def _table(columns: Sequence[tuple[str, Callable[[Any], Any]]], rows: Iterable[Any]) -> list[list]:
    header = [str(title) for title, _get in columns]
    return [header, *([get(row) for _title, get in columns] for row in rows)]


def respond(table: list[list], name: str, fmt: str) -> HttpResponse:
    stem = f"{name}-{timezone.localdate().isoformat()}"
    return spreadsheet_response(table, fmt=fmt, stem=stem, bom=True)


def agreements_table(rows: Iterable[Agreement]) -> list[list]:
    return _table(
        [
            (_("Kind"), lambda a: a.get_kind_display()),
            (_("Title"), lambda a: a.title),
            (_("Region code"), lambda a: a.region.code),
            (_("Region"), lambda a: a.region.name),
            (_("BPJS office"), lambda a: a.office.name if a.office else ""),
            (_("Regional government's number"), lambda a: a.region_number),
            (_("BPJS office's number"), lambda a: a.office_number),
            (_("Date signed"), lambda a: a.signed_on),
            (_("Valid from"), lambda a: a.valid_from),
            (_("Valid until"), lambda a: a.valid_until),
            (_("Status"), lambda a: a.get_effective_status_display()),
        ],
        rows,
    )


def meetings_table(rows: Iterable[Meeting]) -> list[list]:
    return _table(
        [
            (_("Kind"), lambda m: m.get_kind_display()),
            (_("Title"), lambda m: m.title),
            (_("Local start"), lambda m: f"{m.local_start:%Y-%m-%d %H:%M} {m.zone_abbreviation}"),
            (_("Place"), lambda m: m.place),
            (_("Regions concerned"), lambda m: ", ".join(r.name for r in m.regions.all())),
            (_("BPJS offices"), lambda m: ", ".join(o.name for o in m.offices.all())),
            (_("Chaired by"), lambda m: m.chair),
            (_("Decisions"), lambda m: m.decisions),
        ],
        rows,
    )


def commitments_table(rows: Iterable[Commitment]) -> list[list]:
    return _table(
        [
            (_("Region"), lambda c: c.region.name),
            (_("Kind"), lambda c: c.get_kind_display()),
            (_("What was promised"), lambda c: c.description),
            (_("Responsible institution"), lambda c: c.responsible),
            (_("Due date"), lambda c: c.due_date),
            (_("Status"), lambda c: c.get_status_display()),
            (_("Category"), lambda c: c.category_code),
            (_("Workers"), lambda c: c.workers),
            (_("Amount (Rp)"), lambda c: c.amount),
        ],
        rows,
    )


def regulations_table(rows: Iterable[Regulation]) -> list[list]:
    return _table(
        [
            (_("Region"), lambda r: r.region.name),
            (_("Kind"), lambda r: r.get_kind_display()),
            (_("Number"), lambda r: r.number),
            (_("Year"), lambda r: r.year),
            (_("Title"), lambda r: r.title),
            (_("Date enacted"), lambda r: r.enacted_on),
        ],
        rows,
    )


def budgets_table(rows: Iterable[BudgetAllocation]) -> list[list]:
    return _table(
        [
            (_("Region"), lambda b: b.region.name),
            (_("APBD year"), lambda b: b.year),
            (_("Category"), lambda b: b.category_code),
            (_("Group"), lambda b: b.label),
            (_("Workers to cover"), lambda b: b.workers),
            (_("Amount (Rp)"), lambda b: b.amount),
            (_("Realised (Rp)"), lambda b: b.realised),
        ],
        rows,
    )


def _end(start: dt.datetime) -> dt.datetime:
    """Two hours later, or the end of the day when that would pass the calendar's last one
    (rows older than the date bounds may still hold 9999-12-31)."""
    try:
        return start + MEETING_LENGTH
    except OverflowError:
        return start.replace(hour=23, minute=59, second=59)


def meeting_ics(meeting: Meeting, url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Coverage Portal//agreements//ID")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@coverage-portal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.local_start)
    event.add("dtend", _end(meeting.local_start))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    event.add("description", "\n\n".join(filter(None, [meeting.summary, meeting.decisions])))
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
