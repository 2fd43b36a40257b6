"""IHE QRPH ADX (urn:ihe:qrph:adx:2015): write counts as ADX, read ADX into data values.

One `group` per regency and month, with the data set (`dataSet`, mandatory for DHIS2) and
the period "YYYY-MM-01/P1M"; each `dataValue` names the category (dataElement) and, beside
active participants, its `measure` (INACTIVE, EMPLOYERS; see codes.py). As in DHIS2, a
`categoryOptionCombo` attribute is read in preference to `measure`. Any other attribute on a
data value (SEX="F", MEASURE=…) is a disaggregation the portal does not have: a conflict.
ADX has no empty value, so a cell marked "no data" is left out.

Reading is done with defusedxml: a document with a DTD or an entity declaration is refused
before anything in it is looked at (no entity expansion, no external fetch).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET  # writing only; reading goes through defusedxml
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from participants.transfer.exchange import codes, document
from participants.transfer.exchange.codes import ACTIVE, DATA_SET, MAX_VALUES, WireError
from participants.transfer.exchange.dxf2 import safe_root
from participants.transfer.exchange.export import ExportedCount
from participants.transfer.exchange.values import FormatError, Parsed
from regions.bounds import echo

NAMESPACE = "urn:ihe:qrph:adx:2015"
ADX, GROUP, DATA_VALUE = (f"{{{NAMESPACE}}}{name}" for name in ("adx", "group", "dataValue"))
ANNOTATION = f"{{{NAMESPACE}}}annotation"
MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})-01/P1M$")
DECIMAL = re.compile(r"^[+-]?([0-9]{1,40}(\.[0-9]{0,40})?|\.[0-9]{1,40})$")
GROUP_KEYS = frozenset({"orgUnit", "period", "dataSet", "completeDate", "attributeOptionCombo"})
VALUE_KEYS = frozenset({"dataElement", "value", "measure", "categoryOptionCombo", "comment"})
MAX_BYTES = 20 * 1024 * 1024


def adx_period(period: dt.date) -> str:
    return f"{period:%Y-%m}-01/P1M"


def read_period(value: Any) -> dt.date:
    text = value.strip() if isinstance(value, str) else ""
    match = MONTH.match(text)
    if match is None:
        message = _("period %(value)r is not a calendar month such as 2023-12-01/P1M.")
        raise WireError(message % {"value": echo(str(value))}, "E7611", "period")
    return codes.dhis2_period(match[1] + match[2])


def has_values(counts: Iterable[ExportedCount]) -> bool:
    """ADX needs at least one group with one value; an empty month is answered 404 instead."""
    return any(value is not None for c in counts for _m, value, _c in c.measures())


def render(counts: Iterable[ExportedCount]) -> bytes:
    # Written with plain names under an xmlns attribute: ElementTree's prefix registry is
    # process-wide, and the DXF2 writer names another default namespace.
    root = ET.Element("adx", xmlns=NAMESPACE, exported=timezone.now().isoformat(timespec="seconds"))
    for (region, period), cells in groupby(counts, key=lambda c: (c.region, c.period)):
        group = ET.Element("group", orgUnit=region, period=adx_period(period), dataSet=DATA_SET)
        for cell in cells:
            for measure, value, _comment in cell.measures():
                if value is None:
                    continue
                attributes = {"dataElement": cell.category, "value": str(value)}
                if measure != ACTIVE:
                    attributes["measure"] = measure
                ET.SubElement(group, "dataValue", attributes)
        if len(group):
            root.append(group)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse(body: bytes) -> Parsed:
    root = safe_root(body, "an ADX document")
    if root.tag != ADX:
        message = _("The root element must be adx in the namespace %(ns)s.") % {"ns": NAMESPACE}
        raise FormatError(str(message), "adx")
    return document.read(
        {},
        _items(root),
        period=read_period,
        value_keys=VALUE_KEYS | {"orgUnit", "period", "dataSet", "attributeOptionCombo"},
    )


def _items(root: ET.Element) -> Iterator[Mapping[str, Any]]:
    count = 0
    for group in root:
        if group.tag != GROUP:
            raise FormatError(str(_("Only group elements may appear inside adx.")), "adx")
        unknown = [k for k in group.attrib if k not in GROUP_KEYS and not k.startswith("{")]
        for element in group:
            if element.tag == ANNOTATION:
                continue
            count += 1
            if element.tag != DATA_VALUE or count > MAX_VALUES:
                raise FormatError(str(_("Expected dataValue elements inside a group.")), "adx")
            yield _item(group, element, unknown)


def _item(group: ET.Element, element: ET.Element, unknown_on_group: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {"orgUnit": group.get("orgUnit"), "period": group.get("period")}
    for key in ("dataSet", "attributeOptionCombo"):
        if group.get(key) is not None:
            item[key] = group.get(key)
    for key, value in element.attrib.items():
        item[key] = value
    for key in unknown_on_group:
        item[key] = group.get(key)  # a group-level disaggregation: refused with its values
    combo = item.pop("categoryOptionCombo", None)
    measure = item.pop("measure", None)
    item["categoryOptionCombo"] = combo if combo is not None else measure
    item["value"] = _whole(item.get("value"))
    return item


def _whole(raw: Any) -> Any:
    """xs:decimal text; a whole number with a zero fraction ('12.0') is that number."""
    text = raw.strip() if isinstance(raw, str) else raw
    if isinstance(text, str) and DECIMAL.match(text) and "." in text:
        whole, _dot, fraction = text.partition(".")
        return whole if not fraction.strip("0") else text
    return text
