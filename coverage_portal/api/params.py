"""Query parameters the API shares: one parser each, each failing with a 400 that says why."""

from __future__ import annotations

import datetime as dt

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from participants.selectors import parse_period
from regions.bounds import echo
from regions.numbers import read_month


def period_param(name: str, text: str) -> dt.date:
    """'2023-12' → 1 December 2023; anything else is a 400 naming the parameter."""
    try:
        return parse_period(text)
    except ValueError as error:
        message = f"Give a month as YYYY-MM, e.g. 2023-12, not “{echo(text)}”."
        raise ValidationError({name: [message]}) from error


def dhis2_period(name: str, text: str) -> dt.date:
    """DHIS2's monthly period '202312' → 1 December 2023."""
    try:
        return read_month(text, compact=True)
    except ValueError:
        message = f"Give a DHIS2 monthly period YYYYMM, e.g. 202312, not “{echo(text)}”."
        raise ValidationError({name: [message]}) from None


def dhis2_format(period: dt.date) -> str:
    return f"{period:%Y%m}"


def required(request: Request, name: str) -> str:
    value = request.query_params.get(name, "").strip()
    if not value:
        raise ValidationError({name: [f"The parameter {name} is required."]})
    return value


def dry_run_param() -> OpenApiParameter:
    return OpenApiParameter(
        "dryRun", bool, description="true: check and count, store nothing.", default=False
    )
