"""What a pivot shows, read from the URL's query string (a GET form: bookmarkable, shareable).

Every parameter is checked against a closed list; anything else raises PivotError with a
message the page shows in a 400 answer, so a hostile or mistyped URL never reaches the
database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participants import selectors as coverage
from participants.models import Category
from regions.access import Action, regions_for
from regions.access.users import PortalUser
from regions.loader import NATIONAL_CODE
from regions.models import Region

LEVEL, REGION, MONTH, QUARTER, YEAR, CATEGORY, MEASURE = (
    "tingkat",
    "wilayah",
    "bulan",
    "kuartal",
    "tahun",
    "kategori",
    "ukuran",
)
DIMENSIONS = {
    LEVEL: gettext_lazy("Region level"),
    REGION: gettext_lazy("Region"),
    MONTH: gettext_lazy("Month"),
    QUARTER: gettext_lazy("Quarter"),
    YEAR: gettext_lazy("Year"),
    CATEGORY: gettext_lazy("Category"),
    MEASURE: gettext_lazy("Measure"),
}
PERIOD_DIMENSIONS = (MONTH, QUARTER, YEAR)
REGION_DIMENSIONS = (LEVEL, REGION)
PARTICIPANTS, COVERAGE, TARGET, GAP, COMPLETENESS = (
    "peserta",
    "cakupan",
    "target",
    "selisih",
    "kelengkapan",
)
MEASURES = {
    PARTICIPANTS: gettext_lazy("Participants"),
    COVERAGE: gettext_lazy("Coverage (%)"),
    TARGET: gettext_lazy("Target participants"),
    GAP: gettext_lazy("Gap to target"),
    COMPLETENESS: gettext_lazy("Completeness (percent of provincial reports in)"),
}
PERCENT_MEASURES = (COVERAGE, COMPLETENESS)
LEVELS = {
    "provinsi": (Region.Level.PROVINCE, gettext_lazy("Provinces")),
    "kabupaten": (Region.Level.REGENCY, gettext_lazy("Regencies and cities")),
}
SORTS = {
    "label": gettext_lazy("by name"),
    "nilai": gettext_lazy("by total, largest first"),
    "nilai-naik": gettext_lazy("by total, smallest first"),
}
MAX_MONTHS = 36
MAX_PARAM = 30  # longer than any code or month: refused before anything is looked up
ALL = ""


class PivotError(ValueError):
    """A parameter the pivot cannot use; the message says which and what is allowed."""


@dataclass(frozen=True)
class PivotChoice:
    rows: str
    columns: str
    measure: str
    level: str  # "provinsi" or "kabupaten"
    parent: Region
    start: dt.date
    end: dt.date
    category: Category | None  # None: all categories' total
    sort: str

    @property
    def months(self) -> list[dt.date]:
        return coverage.months_between(self.start, self.end)

    def query(self) -> dict[str, str]:
        """The choice as query parameters, for links and downloads of the same pivot."""
        return {
            "baris": self.rows,
            "kolom": self.columns,
            "ukuran": self.measure,
            "tingkat": self.level,
            "wilayah": self.parent.code,
            "dari": f"{self.start:%Y-%m}",
            "sampai": f"{self.end:%Y-%m}",
            "kategori": self.category.code if self.category else ALL,
            "urut": self.sort,
        }


def _pick(params: Mapping[str, str], name: str, allowed: Mapping, default: str) -> str:
    value = params.get(name) or default
    if len(value) > MAX_PARAM or value not in allowed:
        raise PivotError(
            _("Unknown value for “%(name)s”. Choose one of: %(allowed)s.")
            % {"name": name, "allowed": ", ".join(allowed)}
        )
    return value


def _month(params: Mapping[str, str], name: str, default: dt.date) -> dt.date:
    text = params.get(name)
    if not text:
        return default
    try:
        if len(text) > MAX_PARAM:
            raise ValueError(text)
        return coverage.parse_period(text)
    except ValueError:
        raise PivotError(
            _("“%(name)s” must be a month written as YYYY-MM, e.g. 2023-12.") % {"name": name}
        ) from None


def default_parent(user: PortalUser) -> Region | None:
    """The widest region the user may read: Indonesia, else their (first) province."""
    nation = coverage.national_region(user)
    if nation is not None:
        return nation
    provinces = regions_for(user, Action.VIEW).provinces().defer("boundary")
    return provinces.order_by("code").first()


def _parent(user: PortalUser, params: Mapping[str, str]) -> Region:
    fallback = default_parent(user)
    code = params.get("wilayah")
    if not code or (fallback is not None and code == fallback.code):
        if fallback is None:
            raise PivotError(_("There is no region you may read."))
        return fallback
    if len(code) > MAX_PARAM:
        raise PivotError(_("Unknown region code."))
    level = Region.Level.NATIONAL if code == NATIONAL_CODE else Region.Level.PROVINCE
    try:
        return coverage.readable_region(user, code, level)
    except Http404:  # unknown or outside the scope: the same answer for both
        raise PivotError(
            _("Unknown region code, or a region you may not read: %(code)s.") % {"code": code}
        ) from None


def _category(params: Mapping[str, str]) -> Category | None:
    code = params.get("kategori") or ALL
    if code == ALL:
        return None
    found = Category.objects.filter(code=code).first() if len(code) <= MAX_PARAM else None
    if found is None:
        raise PivotError(_("Unknown category code: %(code)s.") % {"code": code[:MAX_PARAM]})
    return found


def parse(user: PortalUser, params: Mapping[str, str], latest: dt.date) -> PivotChoice:
    """The pivot asked for; `latest` (the newest complete month) fills what is not given."""
    rows = _pick(params, "baris", DIMENSIONS, REGION)
    columns = _pick(params, "kolom", DIMENSIONS, CATEGORY)
    if rows == columns:
        raise PivotError(_("Rows and columns must be two different dimensions."))
    if {rows, columns} <= set(PERIOD_DIMENSIONS):
        raise PivotError(_("Rows and columns cannot both be periods (month, quarter, year)."))
    if {rows, columns} == set(REGION_DIMENSIONS):
        raise PivotError(_("Rows and columns cannot both be regions (region level, region)."))
    parent = _parent(user, params)
    default_level = "provinsi" if parent.level == Region.Level.NATIONAL else "kabupaten"
    level = _pick(params, "tingkat", LEVELS, default_level)
    if parent.level != Region.Level.NATIONAL and level == "provinsi":
        level = "kabupaten"  # the provinces under a province: its regencies
    start, end = _range(params, latest)
    return PivotChoice(
        rows=rows,
        columns=columns,
        measure=_pick(params, "ukuran", MEASURES, PARTICIPANTS),
        level=level,
        parent=parent,
        start=start,
        end=end,
        category=_category(params),
        sort=_pick(params, "urut", SORTS, "label"),
    )


def _range(params: Mapping[str, str], latest: dt.date) -> tuple[dt.date, dt.date]:
    year = params.get("tahun")
    if year:
        if not (len(year) == 4 and year.isascii() and year.isdigit()):
            raise PivotError(_("“tahun” must be a year such as 2023."))
        start = _month({"tahun": f"{year}-01"}, "tahun", latest)
        end = _month({"tahun": f"{year}-12"}, "tahun", latest)
    else:
        end = _month(params, "sampai", latest)
        start = _month(params, "dari", end)
    if start > end:
        raise PivotError(_("“dari” must not be after “sampai”."))
    if len(coverage.months_between(start, end)) > MAX_MONTHS:
        raise PivotError(_("At most %(n)s months at once.") % {"n": MAX_MONTHS})
    return start, end
