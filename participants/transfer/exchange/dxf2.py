"""DHIS2's DXF2 XML data value set (http://dhis2.org/schema/dxf/2.0), read and written.

Read with defusedxml: a DTD or entity declaration is refused before anything is looked at.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # writing only; reading goes through defusedxml

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _

from participants.transfer.exchange import document
from participants.transfer.exchange.codes import DATA_SET
from participants.transfer.exchange.dhis2_json import value_dict
from participants.transfer.exchange.export import ExportedCount, period_values
from participants.transfer.exchange.values import FormatError, Parsed

NAMESPACE = "http://dhis2.org/schema/dxf/2.0"
SET, VALUE = f"{{{NAMESPACE}}}dataValueSet", f"{{{NAMESPACE}}}dataValue"
MAX_BYTES = 20 * 1024 * 1024


def safe_root(body: bytes, what: str) -> ET.Element:
    if len(body) > MAX_BYTES:
        raise FormatError(str(_("The document is larger than 20 MB.")))
    try:
        return SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        message = _("A DTD or entity declaration is not accepted in %(what)s.") % {"what": what}
        raise FormatError(str(message)) from error
    except ET.ParseError as error:
        message = _("The document is not well-formed XML: %(error)s.") % {"error": error}
        raise FormatError(str(message)) from error


def read(body: bytes) -> Parsed:
    root = safe_root(body, "a data value set")
    if root.tag != SET:
        message = _("The root element must be dataValueSet in the namespace %(ns)s.") % {
            "ns": NAMESPACE
        }
        raise FormatError(str(message))
    items = []
    for element in root:
        if element.tag != VALUE:
            raise FormatError(str(_("Only dataValue elements may appear inside dataValueSet.")))
        items.append(dict(element.attrib))
    return document.read(dict(root.attrib), items)


def write(counts: list[ExportedCount], include_deleted: bool = False) -> bytes:
    # Plain names under an xmlns attribute: ElementTree's prefix registry is process-wide.
    root = ET.Element("dataValueSet", xmlns=NAMESPACE, dataSet=DATA_SET)
    for row in period_values(counts, include_deleted):
        attributes = {k: _text(v) for k, v in value_dict(*row).items()}
        ET.SubElement(root, "dataValue", attributes)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
