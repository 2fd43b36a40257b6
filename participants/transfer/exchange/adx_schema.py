"""ADX's data structure definition for the portal, as a strict XML Schema built from its codes.

IHE's loose schema lets any attribute through; this one says what the portal's ADX holds and
reads: groups of the KEPESERTAAN data set, each a regency (orgUnit: a Kemendagri regency code)
and a calendar month (YYYY-MM-01/P1M), holding dataValues of a category (dataElement), an
optional measure (INACTIVE or EMPLOYERS; absent = active participants) and a whole number.
It is built from the stored regencies and categories, so a code the portal does not know is
invalid here exactly as it is a conflict in an import.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import quoteattr

from participants.transfer.exchange.adx import NAMESPACE
from participants.transfer.exchange.codes import DATA_SET, EMPLOYERS, INACTIVE
from participants.transfer.rows import Lookups

PERIOD = r"(20[0-9]{2}|2100)-(0[1-9]|1[0-2])-01/P1M"
TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Coverage Portal ADX data structure (data set {data_set}), generated from its codes. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{ns}" targetNamespace="{ns}"
           elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:element name="adx">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="group" type="Group" minOccurs="1" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="exported" type="xs:dateTime" use="required"/>
    </xs:complexType>
  </xs:element>
  <xs:complexType name="Group">
    <xs:sequence>
      <xs:element name="dataValue" type="DataValue" minOccurs="1" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="orgUnit" type="OrgUnit" use="required"/>
    <xs:attribute name="period" type="Period" use="required"/>
    <xs:attribute name="dataSet" type="xs:string" fixed="{data_set}" use="required"/>
  </xs:complexType>
  <xs:complexType name="DataValue">
    <xs:attribute name="dataElement" type="DataElement" use="required"/>
    <xs:attribute name="measure" type="Measure" use="optional"/>
    <xs:attribute name="value" type="xs:nonNegativeInteger" use="required"/>
  </xs:complexType>
  <xs:simpleType name="Period">
    <xs:restriction base="xs:string"><xs:pattern value="{period}"/></xs:restriction>
  </xs:simpleType>
{enumerations}
</xs:schema>
"""


def _enumeration(name: str, codes: Iterable[str]) -> str:
    values = "\n".join(f"      <xs:enumeration value={quoteattr(code)}/>" for code in codes)
    return (
        f'  <xs:simpleType name="{name}">\n    <xs:restriction base="xs:string">\n'
        f"{values}\n    </xs:restriction>\n  </xs:simpleType>"
    )


def adx_schema() -> bytes:
    """The strict schema of the portal's ADX documents, from the regencies and categories."""
    lookups = Lookups.load()
    enumerations = "\n".join(
        [
            _enumeration("OrgUnit", sorted(lookups.regencies)),
            _enumeration("DataElement", sorted(lookups.categories)),
            _enumeration("Measure", [INACTIVE, EMPLOYERS]),
        ]
    )
    text = TEMPLATE.format(
        ns=NAMESPACE, data_set=DATA_SET, period=PERIOD, enumerations=enumerations
    )
    return text.encode("utf-8")
