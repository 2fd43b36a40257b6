"""A data value set as every format reads it: a header and items of text fields.

JSON, DXF2 XML, DHIS2 CSV and ADX each turn their document into a header (the set's own
attributes) and items (one mapping per data value); this module reads those into data
values. Anything the portal does not know — a key, an attribute, a disaggregation, a code —
is a conflict naming the value's index, never read as something else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from participants.transfer.exchange import codes
from participants.transfer.exchange.codes import MAX_VALUES, WireError
from participants.transfer.exchange.values import (
    Conflict,
    DataValue,
    FormatError,
    Parsed,
    wire_conflict,
)
from regions.bounds import echo

# What DHIS2 writes on a data value beside the value itself; read, checked where it
# matters, otherwise let pass (an export read back in imports unchanged).
VALUE_KEYS = frozenset(
    {
        "dataElement",
        "period",
        "orgUnit",
        "categoryOptionCombo",
        "attributeOptionCombo",
        "value",
        "comment",
        "storedBy",
        "created",
        "lastUpdated",
        "followup",
        "followUp",
        "deleted",
        "dataSet",
    }
)
SET_KEYS = frozenset(
    {
        "dataSet",
        "completeDate",
        "period",
        "orgUnit",
        "attributeOptionCombo",
        "dataValues",
        "idScheme",
        "dataElementIdScheme",
        "orgUnitIdScheme",
        "categoryOptionComboIdScheme",
        "dataSetIdScheme",
        "importStrategy",
        "dryRun",
    }
)
ID_SCHEMES = ("UID", "CODE")
PeriodReader = Callable[[Any], dt.date]


def read(
    header: Mapping[str, Any],
    items: Iterable[Mapping[str, Any]],
    *,
    period: PeriodReader = codes.dhis2_period,
    value_keys: frozenset[str] = VALUE_KEYS,
) -> Parsed:
    conflicts = list(_header_conflicts(header))
    values: list[DataValue] = []
    total = 0
    for index, item in enumerate(items):
        total += 1
        if total > MAX_VALUES:
            message = _("Send at most %(count)s data values in one request.") % {
                "count": MAX_VALUES
            }
            raise FormatError(str(message), "dataValues")
        try:
            values.append(_value(index, item, header, period, value_keys))
        except WireError as error:
            conflicts.append(wire_conflict(error, _where(item, error), index))
    if total == 0:
        raise FormatError(str(_("The data value set holds no data values.")), "dataValues")
    return Parsed(values, conflicts, total)


def _where(item: Mapping[str, Any], error: WireError) -> str:
    text = item.get(error.prop) if isinstance(item, Mapping) else None
    return echo(str(text)) if text not in (None, "") else error.prop


def _header_conflicts(header: Mapping[str, Any]) -> Iterable[Conflict]:
    for key in header:
        if key not in SET_KEYS and not _namespaced(key):
            yield _unknown_key(key, None)
    for name, check in (
        ("dataSet", codes.data_set),
        ("attributeOptionCombo", codes.attribute_combo),
    ):
        try:
            check(header.get(name))
        except WireError as error:
            yield wire_conflict(error, echo(str(header.get(name))), None)
    for key in (
        "idScheme",
        "dataElementIdScheme",
        "orgUnitIdScheme",
        "categoryOptionComboIdScheme",
        "dataSetIdScheme",
    ):
        scheme = header.get(key)
        if scheme not in (None, "") and str(scheme).upper() not in ID_SCHEMES:
            message = _(
                "%(name)s %(value)r is not supported: identifiers here are codes "
                "(UID and CODE name the same)."
            )
            yield Conflict(key, message % {"name": key, "value": echo(str(scheme))}, "E7600", key)


def _namespaced(key: str) -> bool:
    """XML namespace declarations and attributes (xsi:schemaLocation) carry no data."""
    return key.startswith(("{", "xmlns"))


def _unknown_key(key: str, index: int | None) -> Conflict:
    message = _("%(name)r is not an attribute the portal knows; nothing is read as something else.")
    return Conflict(
        echo(key),
        message % {"name": echo(key)},
        "E7613",
        echo(key),
        [] if index is None else [index],
    )


def _value(
    index: int,
    item: Mapping[str, Any],
    header: Mapping[str, Any],
    read_period: PeriodReader,
    value_keys: frozenset[str],
) -> DataValue:
    if not isinstance(item, Mapping):
        raise WireError(str(_("Each data value is an object.")), "E7619", "dataValues")
    for key in item:
        if key not in value_keys and not _namespaced(key):
            message = _(
                "%(name)r is not an attribute the portal knows; nothing is read as something else."
            )
            raise WireError(message % {"name": echo(str(key))}, "E7613", echo(str(key)))
    codes.attribute_combo(item.get("attributeOptionCombo"))
    codes.data_set(item.get("dataSet"))
    if str(item.get("deleted", "")).lower() == "true":
        message = _("A value marked deleted is not imported; send it with importStrategy=DELETE.")
        raise WireError(str(message), "E7619", "deleted")
    period_text = item.get("period", header.get("period"))
    org_unit = codes.code_text(item.get("orgUnit", header.get("orgUnit")), "orgUnit")
    data_element = codes.code_text(item.get("dataElement"), "dataElement")
    period = read_period(period_text)
    measure = codes.combo(item.get("categoryOptionCombo"))
    value = codes.count_value(item.get("value"))
    return DataValue(
        index=index,
        org_unit=org_unit,
        data_element=data_element,
        period=period,
        period_text=str(period_text).strip(),
        value=value,
        measure=measure,
        comment=codes.comment_text(item.get("comment")),
    )
