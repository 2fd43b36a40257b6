"""Template filters for data entry: times in the province's own zone, with WIB/WITA/WIT."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from regions.models import Region

register = template.Library()


@register.filter
def local_time(moment: dt.datetime | None, province: Region) -> str:
    """14:02 in Jakarta for a Papua report reads '21 Februari 2023 16:02 WIT'."""
    if moment is None:
        return "–"
    local = timezone.localtime(moment, ZoneInfo(province.timezone))
    return f"{formats.date_format(local, 'j F Y H:i')} {province.timezone_abbreviation}"


@register.filter
def who(user: object) -> str:
    """The person an audit row names; a change no user made (demo data, a command run
    without --user, a task) reads 'the system'."""
    if user is None:
        return _("the system")
    full_name = getattr(user, "get_full_name", lambda: "")()
    return full_name or getattr(user, "username", "") or _("the system")
