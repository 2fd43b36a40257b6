"""DHIS2's query parameters for dataValueSets, read as DHIS2 reads them (booleans as Spring
reads them: true/false, 1/0, yes/no, on/off, any case); a bad one is a 400 saying why."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from coverage_portal.api.dhis2.shapes import DHIS2_MONTH, ORG_UNIT
from participants.selectors import ExportQuery, exchange_codes
from participants.services import STRATEGIES, ImportOptions

TRUE, FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}
LIMIT = re.compile(r"^[0-9]{1,7}$")
MAX_PARAMETERS = 1000


def boolean(request: Request, name: str, default: bool = False) -> bool:
    text = request.query_params.get(name, "").strip().lower()
    if not text:
        return default
    if text in TRUE | FALSE:
        return text in TRUE
    message = _("%(name)s is true or false, not %(value)r.")
    raise ValidationError({name: [message % {"name": name, "value": text[:20]}]})


def choice(request: Request, name: str, choices: tuple[str, ...]) -> str:
    text = request.query_params.get(name, "").strip().upper() or choices[0]
    if text not in choices:
        message = _("%(name)s is one of %(choices)s.")
        raise ValidationError({name: [message % {"name": name, "choices": ", ".join(choices)}]})
    return text


def import_options(request: Request) -> ImportOptions:
    return ImportOptions(
        strategy=choice(request, "importStrategy", STRATEGIES),
        dry_run=boolean(request, "dryRun"),
        atomic=choice(request, "atomicMode", ("ALL", "NONE")),
    )


def is_async(request: Request) -> bool:
    return boolean(request, "async")


def _read(name: str, texts: list[str], reader: object) -> list:
    values = []
    for text in texts[:MAX_PARAMETERS]:
        try:
            values.append(reader(text))  # type: ignore[operator]
        except exchange_codes.WireError as error:
            raise ValidationError({name: [error.message]}) from error
    return values


def export_query(request: Request) -> ExportQuery:
    params = request.query_params
    org_units = [u.strip() for u in params.getlist("orgUnit") if u.strip()]
    if not org_units:
        raise ValidationError({"orgUnit": [_("The parameter orgUnit is required.")]})
    _read("orgUnit", org_units, lambda t: exchange_codes.code_text(t, "orgUnit"))
    _read("dataSet", params.getlist("dataSet"), exchange_codes.data_set)
    periods = _read("period", params.getlist("period"), exchange_codes.dhis2_period)
    start, end, updated = (
        _read(name, [params[name]], lambda t, n=name: exchange_codes.iso_day(t, n))[0]
        if params.get(name, "").strip()
        else None
        for name in ("startDate", "endDate", "lastUpdated")
    )
    boolean(request, "children")
    return ExportQuery(
        org_units=org_units,
        periods=periods,
        start=start,
        end=end,
        updated_since=updated,
        limit=_limit(params.get("limit", "")),
        include_deleted=boolean(request, "includeDeleted"),
    )


def _limit(text: str) -> int | None:
    if not text.strip():
        return None
    if not LIMIT.match(text.strip()):
        message = _("limit is a whole number of 0 or more, e.g. 1000.")
        raise ValidationError({"limit": [message]})
    return int(text.strip())


def _many(name: str, description: str, **extra: object) -> OpenApiParameter:
    return OpenApiParameter(name, str, many=True, explode=True, description=description, **extra)  # type: ignore[arg-type]


# Years 2000 to 2100, as the readers take them.
DAY = {"type": "string", "format": "date", "pattern": r"^(20[0-9]{2}|2100)-"}
EXPORT_PARAMETERS = [
    _many(
        "orgUnit",
        "Kemendagri code, e.g. 61 or 61.71 (repeatable).",
        required=True,
        pattern=ORG_UNIT,
    ),
    _many("period", "YYYYMM, e.g. 202312 (repeatable).", pattern=DHIS2_MONTH),
    OpenApiParameter("startDate", DAY, description="With endDate: the months between."),
    OpenApiParameter("endDate", DAY),
    OpenApiParameter("lastUpdated", DAY, description="Values updated since."),
    OpenApiParameter(
        "children", bool, description="Accepted; a province or ID always gives its regencies."
    ),
    _many("dataSet", "Only KEPESERTAAN, the portal's one data set.", enum=["KEPESERTAAN"]),
    OpenApiParameter(
        "limit",
        {"type": "integer", "minimum": 0, "maximum": 9999999},
        description="At most this many cells.",
    ),
    OpenApiParameter("includeDeleted", bool, description="Also values cleared by DELETE."),
]
IMPORT_PARAMETERS = [
    OpenApiParameter("importStrategy", str, enum=list(STRATEGIES), default="CREATE_AND_UPDATE"),
    OpenApiParameter("dryRun", bool, default=False, description="Check and count, store nothing."),
    OpenApiParameter("atomicMode", str, enum=["ALL", "NONE"], default="ALL"),
    OpenApiParameter(
        "async", bool, default=False, description="Queue a job; answer its reference."
    ),
]
