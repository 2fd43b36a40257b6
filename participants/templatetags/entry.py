"""Template filters for data entry: times in the province's own zone, with WIB/WITA/WIT, and
who did it. Both are the portal's one format (`regions.values.formatting`), under their old
names."""

from __future__ import annotations

from django import template

from regions.values import formatting

register = template.Library()
register.filter("local_time", formatting.format_datetime)
register.filter("who", formatting.format_person)
