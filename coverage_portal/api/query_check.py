"""Query parameters checked against the schema the API publishes: a value the schema says is
wrong (not a whole number, not a date, outside its pattern or choices, given twice) is a 400
naming the parameter, whatever view reads it.

The schema is the contract clients are generated from; checking against it keeps the views and
the document from drifting apart. It is built once per process: gunicorn's workers build it
when they start (gunicorn_conf), other processes on their first API request.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

# DHIS2 clients reach the same views under /api/<version>/ and with a format suffix.
VERSION = re.compile(r"^/api/[2-9][0-9]/")
SUFFIX = re.compile(r"\.(json|xml|csv|adx)$")
INTEGER = re.compile(r"^-?[0-9]{1,18}$")
DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# As Spring reads booleans, which DHIS2 clients rely on (dryRun=1).
BOOLEAN_WORDS = {"true", "false", "1", "0", "yes", "no", "on", "off"}
Parameters = dict[str, dict[str, Any]]


@functools.cache
def _operations() -> list[tuple[re.Pattern[str], str, Parameters]]:
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in document["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")
        for method, operation in item.items():
            query = {
                p["name"]: p for p in operation.get("parameters", []) if p.get("in") == "query"
            }
            operations.append((pattern, method.upper(), query))
    return operations


def warm() -> None:
    """Build the schema now (about a second), not on a client's first request."""
    _operations()


def documented(path: str, method: str) -> Parameters:
    path = SUFFIX.sub("", VERSION.sub("/api/", path))
    for pattern, verb, query in _operations():
        if verb == method and pattern.match(path):
            return query
    return {}


def check(request: Request) -> None:
    """Raise a 400 listing every query parameter whose value the schema does not allow."""
    errors: dict[str, list[str]] = {}
    method = "GET" if request.method == "HEAD" else str(request.method)
    for name, parameter in documented(request.path, method).items():
        values = request.query_params.getlist(name)
        if not values:
            continue
        schema = parameter.get("schema", {})
        if schema.get("type") == "array":
            schema, many = schema.get("items", {}), True
        else:
            many = False
        if len(values) > 1 and not many:
            errors[name] = [_("Give %(name)s once.") % {"name": name}]
            continue
        problems = {problem for value in values if (problem := _problem(value, schema))}
        if problems:
            errors[name] = sorted(problems)
    if errors:
        raise ValidationError(errors)


def _problem(value: str, schema: dict[str, Any]) -> str | None:
    kind = schema.get("type", "string")
    if kind == "integer":
        problem = _number_problem(value, whole=True, schema=schema)
    elif kind == "number":
        problem = _number_problem(value, whole=False, schema=schema)
    elif kind == "boolean":
        problem = None if value.lower() in BOOLEAN_WORDS else _("Give true or false.")
    else:
        problem = _text_problem(value, schema)
    if problem is None and "enum" in schema and not _chosen(value, kind, schema["enum"]):
        choices = ", ".join(str(choice) for choice in schema["enum"])
        problem = _("Give one of %(choices)s.") % {"choices": choices}
    return problem


def _chosen(value: str, kind: str, choices: list[Any]) -> bool:
    """DHIS2 reads its options in any case (importStrategy=delete), so choices do too."""
    if kind == "string":
        return value.upper() in {str(choice).upper() for choice in choices}
    return _typed(value, kind) in choices


def _typed(value: str, kind: str) -> Any:
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return value.lower() in {"true", "1", "yes", "on"}
    return value


def _number_problem(value: str, *, whole: bool, schema: dict[str, Any]) -> str | None:
    try:
        number = int(value) if whole and INTEGER.match(value) else float(value)
    except ValueError:
        number = math.nan
    if whole and not INTEGER.match(value):
        return _("Give a whole number.")
    if not math.isfinite(number):
        return _("Give a number.")
    low, high = schema.get("minimum"), schema.get("maximum")
    if (low is not None and number < low) or (high is not None and number > high):
        return _("Give a number from %(low)s to %(high)s.") % {"low": low, "high": high}
    return None


def _text_problem(value: str, schema: dict[str, Any]) -> str | None:
    form = schema.get("format")
    if form == "date" and not _is_day(value):
        return _("Give a date as YYYY-MM-DD.")
    if form == "date-time" and not _is_moment(value):
        return _("Give a date and time as YYYY-MM-DDTHH:MM:SS.")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        return _("%(value)r is not in the expected form.") % {"value": value[:20]}
    if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**6):
        return _("The value is empty or too long.")
    return None


def _is_day(value: str) -> bool:
    try:
        return bool(DAY.match(value)) and dt.date.fromisoformat(value) is not None
    except ValueError:
        return False


def _is_moment(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
