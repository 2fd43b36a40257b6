"""The agreement list as a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from agreements.kernel.pages import table
from agreements.mou.models import Agreement


def agreements_table(rows: Iterable[Agreement]) -> list[list]:
    return table(
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
