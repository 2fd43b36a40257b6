"""The pickers every agreements form shares: regions and offices limited to the user's scope
(and searchable), and the browser's date picker."""

from __future__ import annotations

from typing import Any

from django import forms

from regions import access
from regions import selectors as region_selectors
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _regions(user: PortalUser) -> Any:
    return (
        access.regions_for(user, Action.LOG_ACTIVITY)
        .current()
        .exclude(level=Region.Level.NATIONAL)
        .order_by("code")
    )


class ScopedForm(forms.ModelForm):
    """Limits every region and office picker to the user's scope; pickers are searchable."""

    def __init__(self, *args: Any, user: PortalUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for name in ("region", "host_region", "regions"):
            if name in self.fields:
                self.fields[name].queryset = _regions(user)  # type: ignore[attr-defined]
        for name in ("office", "offices"):
            if name in self.fields:
                offices = region_selectors.offices_for(user, Action.LOG_ACTIVITY)
                self.fields[name].queryset = offices  # type: ignore[attr-defined]
        for name in ("region", "host_region", "regions", "office", "offices"):
            if name in self.fields:
                self.fields[name].widget.attrs["data-searchable"] = "1"
