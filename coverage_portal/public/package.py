"""The public figures as open data: a Frictionless Data Package and a DCAT catalogue record.

`datapackage.json` describes the whole-range CSV (`data-all.csv`, every published month in one
file) with a Table Schema: types, units, what a row is, and how to sum without counting a
sub-group twice. Its resource path is relative, so the package and the file can be fetched
and validated together anywhere (`frictionless validate datapackage.json`). `dcat.json` is a
DCAT-AP record (JSON-LD) with the metadata a Satu Data Indonesia catalogue asks for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coverage_portal.public.opendata import LICENCE_URL, licence
from participants.selectors import UNKNOWN_WORDS

NAME = "cakupan-jaminan-sosial-ketenagakerjaan-indonesia"
ALL_CSV = "data-all.csv"


def _field(name: str, kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": description, **extra}


def table_schema() -> dict[str, Any]:
    return {
        "fields": [
            _field("period", "yearmonth", _("Month of the figures (end-of-month stock)")),
            _field(
                "region_code",
                "string",
                _("Kemendagri code of the region; ID is Indonesia"),
                constraints={"required": True, "pattern": r"ID|[0-9]{2}"},
            ),
            _field("region_name", "string", _("Name of the region")),
            _field(
                "level",
                "string",
                _("national or province"),
                constraints={"enum": ["national", "province"]},
            ),
            _field("category", "string", _("Participant category code; empty on the total row")),
            _field(
                "parent_category",
                "string",
                _("For a sub-group, the category it is part of (NON_ASN is part of PU)"),
            ),
            _field(
                "is_total",
                "boolean",
                _("true on the row of all categories together"),
                constraints={"required": True},
            ),
            _field(
                "participants",
                "integer",
                _("Active participants, in persons"),
                constraints={"minimum": 0},
                unit="persons",
            ),
            _field(
                "unknown_reason",
                "string",
                _(
                    "Why participants is empty, as a fixed code: not_reported, not_collected "
                    "or category_not_yet (unknown is never 0)"
                ),
                constraints={"enum": list(UNKNOWN_WORDS)},
            ),
            _field(
                "coverage_percent",
                "number",
                _("Participants ÷ denominator × 100, on total rows; empty when unknown"),
                constraints={"minimum": 0},
                unit="percent",
            ),
            _field("denominator_kind", "string", _("What the denominator counts (e.g. EMPLOYED)")),
            _field(
                "denominator_value",
                "integer",
                _("The denominator, in persons"),
                constraints={"minimum": 0},
                unit="persons",
            ),
            _field("denominator_year", "year", _("Year of the denominator figure")),
            _field(
                "regencies_reported",
                "integer",
                _("Regencies and cities with figures"),
                constraints={"minimum": 0},
            ),
            _field(
                "regencies_expected",
                "integer",
                _("Regencies and cities that existed in the month"),
                constraints={"minimum": 0},
            ),
        ],
        "missingValues": [""],
    }


def _sources() -> list[dict[str, str]]:
    return [
        {
            "title": _("Monthly reports of the provincial manpower offices, approved"),
            "path": settings.PORTAL_URL,
        },
        {
            "title": _("BPS Sakernas (employed population), where it is the denominator"),
            "path": "https://www.bps.go.id/",
        },
    ]


def datapackage(base_url: str) -> dict[str, Any]:
    terms = licence()
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": _("Employment social-security coverage in Indonesia, by province and month"),
        "description": _(
            "Active BPJS Ketenagakerjaan participants per province and category, with coverage "
            "against a named denominator, for every month whose reports were approved. Sum "
            "rows with is_total false and no parent_category to get a region's total; "
            "sub-groups are already inside their parent category."
        ),
        "homepage": base_url + reverse("public:page"),
        "language": get_language() or "id",
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL, "title": terms["name"]}],
        "sources": _sources(),
        "keywords": ["BPJS Ketenagakerjaan", "jaminan sosial", "Inpres 2/2021", "cakupan"],
        "created": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "cakupan-bulanan",
                "path": ALL_CSV,
                "title": _("Every published month"),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(),
            }
        ],
    }


def dcat(base_url: str, periods: list[dt.date]) -> dict[str, Any]:
    """A DCAT-AP Dataset in JSON-LD, with Satu Data Indonesia's metadata beside it."""
    page = base_url + reverse("public:page")
    language = get_language() or "id"
    terms = licence()
    package = datapackage(base_url)
    temporal = (
        {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": f"{min(periods):%Y-%m}",
            "dcat:endDate": f"{max(periods):%Y-%m}",
        }
        if periods
        else None
    )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": page + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": NAME,
        "dct:title": {"@language": language, "@value": package["title"]},
        "dct:description": {"@language": language, "@value": package["description"]},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": terms["attribution"]},
        "dct:license": LICENCE_URL,
        "dct:language": "http://publications.europa.eu/resource/authority/language/IND",
        "dct:spatial": "https://www.geonames.org/1643084/",
        "dct:temporal": temporal,
        "dct:accrualPeriodicity": "http://purl.org/cld/freq/monthly",
        "dcat:keyword": package["keywords"],
        "dcat:theme": "http://publications.europa.eu/resource/authority/data-theme/SOCI",
        "dcat:landingPage": page,
        "dcat:distribution": [
            _distribution(page + ALL_CSV, "text/csv", _("Every published month (CSV)")),
            _distribution(
                page + "datapackage.json",
                "application/json",
                _("Frictionless Data Package with its Table Schema"),
                conforms="https://specs.frictionlessdata.io/data-package/",
            ),
        ],
        # Satu Data Indonesia (Perpres 39/2019) asks each dataset for these.
        "satudata": {
            "produsen_data": terms["attribution"],
            "jadwal_pemutakhiran": "bulanan",
            "tingkat_penyajian": "nasional, provinsi",
            "cakupan_wilayah": "Indonesia",
            "kode_wilayah": "Kemendagri",
            "satuan": "orang; persen",
            "lisensi": "CC BY 4.0",
        },
    }


def _distribution(url: str, media: str, title: str, conforms: str = "") -> dict[str, Any]:
    found = {
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": url,
        "dcat:downloadURL": url,
        "dcat:mediaType": media,
        "dct:license": LICENCE_URL,
    }
    return found | ({"dct:conformsTo": conforms} if conforms else {})
