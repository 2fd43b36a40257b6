"""IHE QRPH ADX (urn:ihe:qrph:adx:2015): write counts as ADX, read ADX into data values.

One `group` per regency and month, period "YYYY-MM-01/P1M"; each `dataValue` names the
category (dataElement) and, beside active participants, its `measure` (INACTIVE, EMPLOYERS;
see exchange.py). ADX has no empty value, so a cell marked "no data" is left out.

Reading is done with defusedxml: a document with a DTD or an entity declaration is refused
before anything in it is looked at (no entity expansion, no external fetch).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET  # writing only; reading goes through defusedxml
from collections.abc import Iterable, Iterator
from itertools import groupby

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.utils import timezone

from participants.transfer.exchange.export import ExportedCount
from participants.transfer.exchange.values import (
    ACTIVE,
    MAX_VALUES,
    MEASURES,
    DataValue,
    FormatError,
    conflict,
)

NAMESPACE = "urn:ihe:qrph:adx:2015"
ADX, GROUP, DATA_VALUE = (f"{{{NAMESPACE}}}{name}" for name in ("adx", "group", "dataValue"))
MONTH = re.compile(r"^(\d{4})-(\d{2})-01/P1M$")
DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
WHOLE = re.compile(r"^([+-]?\d+)(\.0*)?$")
MAX_BYTES = 20 * 1024 * 1024

ET.register_namespace("", NAMESPACE)


def adx_period(period: dt.date) -> str:
    return f"{period:%Y-%m}-01/P1M"


def has_values(counts: Iterable[ExportedCount]) -> bool:
    """ADX needs at least one group with one value; an empty month is answered 404 instead."""
    return any(value is not None for c in counts for _m, value, _c in c.measures())


def render(counts: Iterable[ExportedCount], period: dt.date) -> bytes:
    root = ET.Element(ADX, exported=timezone.now().isoformat(timespec="seconds"))
    text = adx_period(period)
    for region, cells in groupby(counts, key=lambda c: c.region):
        group = ET.Element(GROUP, orgUnit=region, period=text)
        for cell in cells:
            for measure, value, _comment in cell.measures():
                if value is None:
                    continue
                attributes = {"dataElement": cell.category, "value": str(value)}
                if measure != ACTIVE:
                    attributes["measure"] = measure
                ET.SubElement(group, DATA_VALUE, attributes)
        if len(group):
            root.append(group)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse(body: bytes) -> list[DataValue]:
    root = _root(body)
    values: list[DataValue] = []
    problems: list[dict[str, str]] = []
    for index, group in enumerate(root):
        try:
            values.extend(_group(group, index))
        except FormatError as error:
            problems.extend(error.conflicts)
    if problems:
        raise FormatError(problems)
    if not values or len(values) > MAX_VALUES:
        message = f"Send between 1 and {MAX_VALUES} data values in one ADX document."
        raise FormatError([conflict("adx", message)])
    return values


def _root(body: bytes) -> ET.Element:
    if len(body) > MAX_BYTES:
        raise FormatError([conflict("adx", "The document is larger than 20 MB.")])
    try:
        root = SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        message = "A DTD or entity declaration is not accepted in an ADX document."
        raise FormatError([conflict("adx", message)]) from error
    except ET.ParseError as error:
        raise FormatError(
            [conflict("adx", f"The document is not well-formed XML: {error}.")]
        ) from error
    if root.tag != ADX:
        message = f"The root element must be adx in the namespace {NAMESPACE}."
        raise FormatError([conflict("adx", message)])
    return root


def _group(group: ET.Element, index: int) -> Iterator[DataValue]:
    where = f"group[{index}]"
    if group.tag != GROUP:
        raise FormatError([conflict(where, "Only group elements may appear inside adx.")])
    org_unit = (group.get("orgUnit") or "").strip()
    period_text = (group.get("period") or "").strip()
    match = MONTH.match(period_text)
    if not org_unit or not match or not 1 <= int(match[2]) <= 12:
        message = (
            f"A group needs an orgUnit and a calendar month period such as 2023-12-01/P1M; "
            f"got orgUnit={org_unit!r} period={period_text!r}."
        )
        raise FormatError([conflict(where, message)])
    period = dt.date(int(match[1]), int(match[2]), 1)
    for position, element in enumerate(group):
        yield _data_value(element, f"{where}/dataValue[{position}]", org_unit, period, period_text)


def _data_value(
    element: ET.Element, where: str, org_unit: str, period: dt.date, period_text: str
) -> DataValue:
    data_element = (element.get("dataElement") or "").strip()
    raw = (element.get("value") or "").strip()
    measure = (element.get("measure") or ACTIVE).strip()
    if element.tag != DATA_VALUE or not data_element:
        raise FormatError([conflict(where, "Expected a dataValue with a dataElement.")])
    if measure not in MEASURES:
        message = f"measure {measure!r} is not one of {', '.join(MEASURES)}."
        raise FormatError([conflict(where, message)])
    if not DECIMAL.match(raw):
        raise FormatError([conflict(where, f"value {raw!r} is not a number (xs:decimal).")])
    whole = WHOLE.match(raw)
    if not whole:
        message = f"value {raw} of {data_element} is a count of people: give a whole number."
        raise FormatError([conflict(where, message)])
    return DataValue(
        org_unit=org_unit,
        data_element=data_element,
        period=period,
        period_text=period_text,
        value=int(whole[1]),
        measure=measure,
    )
