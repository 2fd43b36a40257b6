"""The meeting list as a spreadsheet, and one meeting as an iCalendar event in its host
region's local time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from agreements.kernel.pages import table
from agreements.meetings.models import Meeting

MEETING_LENGTH = dt.timedelta(hours=2)


def meetings_table(rows: Iterable[Meeting]) -> list[list]:
    return table(
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
