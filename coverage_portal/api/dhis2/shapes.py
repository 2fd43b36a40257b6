"""OpenAPI shapes and examples of DHIS2's data value sets and WebMessages (documentation
only: the documents are read by participants' exchange readers, which is what keeps a
10.000-value import fast)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema_field
from rest_framework import serializers

COMBO_HELP = (
    "ACTIVE (or DHIS2's default HllvX50cXC0, or absent): active participants; INACTIVE: "
    "registered members who stopped paying; EMPLOYERS: registered employers. Anything else "
    "is a conflict."
)
DHIS2_MONTH = r"^(20[0-9]{2}|2100)(0[1-9]|1[0-2])$"
CODE = r"^[^\x00-\x1f\x7f]{1,64}$"
# A Kemendagri region code as a query parameter (61, 61.71, ID for the country).
ORG_UNIT = r"^[A-Za-z0-9._-]{1,64}$"


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "pattern": r"^([0-9]{1,18})?$"},
            {"type": "integer", "minimum": 0, "maximum": 10**18 - 1},
        ],
        "nullable": True,
    }
)
class CountValueField(serializers.Field):
    """A count as DHIS2 clients send it: "385004" or 385004 (documentation only)."""


class DataValueSerializer(serializers.Serializer):
    dataElement = serializers.RegexField(CODE, max_length=64, help_text="Category code, e.g. PU.")
    period = serializers.RegexField(
        DHIS2_MONTH, required=False, help_text="YYYYMM, years 2000–2100; defaults to the set's."
    )
    orgUnit = serializers.RegexField(
        CODE, max_length=64, required=False, help_text="Regency code, e.g. 61.71."
    )
    categoryOptionCombo = serializers.ChoiceField(
        choices=["ACTIVE", "INACTIVE", "EMPLOYERS", "HllvX50cXC0"],
        required=False,
        allow_null=True,
        help_text=COMBO_HELP,
    )
    attributeOptionCombo = serializers.ChoiceField(
        choices=["HllvX50cXC0"], required=False, allow_null=True
    )
    value = CountValueField(
        required=False,
        allow_null=True,
        help_text="A whole number, as text or a number; empty, null or absent ACTIVE value + "
        "comment = no data, with reason.",
    )
    comment = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, max_length=250
    )


class DataValueOutSerializer(DataValueSerializer):
    lastUpdated = serializers.DateTimeField()
    followup = serializers.BooleanField()
    deleted = serializers.BooleanField(required=False, help_text="Only with includeDeleted.")


class DataValueSetSerializer(serializers.Serializer):
    # DHIS2 clients send null for a header they leave to the values: read as absent.
    dataSet = serializers.ChoiceField(choices=["KEPESERTAAN"], required=False, allow_null=True)
    orgUnit = serializers.RegexField(CODE, max_length=64, required=False, allow_null=True)
    period = serializers.RegexField(DHIS2_MONTH, required=False, allow_null=True)
    dataValues = DataValueSerializer(many=True, allow_empty=False, max_length=100_000)  # type: ignore[call-arg]


class DataValueSetOutSerializer(DataValueSetSerializer):
    dataValues = DataValueOutSerializer(many=True)


class ImportCountSerializer(serializers.Serializer):
    imported = serializers.IntegerField(help_text="New values.")
    updated = serializers.IntegerField(help_text="Values that changed a stored count.")
    ignored = serializers.IntegerField(
        help_text="Values equal to what is stored, skipped by the strategy, or refused."
    )
    deleted = serializers.IntegerField(help_text="Values cleared by importStrategy=DELETE.")


class ConflictSerializer(serializers.Serializer):
    object = serializers.CharField(help_text="orgUnit/dataElement/period[/measure], or a code.")
    objects = serializers.DictField(child=serializers.CharField())
    value = serializers.CharField(help_text="Why it was refused.")
    errorCode = serializers.CharField(help_text="DHIS2's error code, e.g. E7610, E7613.")
    property = serializers.CharField()
    indexes = serializers.ListField(child=serializers.IntegerField())


class ImportSummarySerializer(serializers.Serializer):
    responseType = serializers.CharField()
    status = serializers.ChoiceField(choices=["SUCCESS", "WARNING", "ERROR"])
    importOptions = serializers.DictField(child=serializers.JSONField())
    description = serializers.CharField()
    importCount = ImportCountSerializer()
    conflicts = ConflictSerializer(many=True)
    rejectedIndexes = serializers.ListField(child=serializers.IntegerField())
    warnings = ConflictSerializer(
        many=True, help_text="Unusual values stored anyway (they must be acknowledged at submit)."
    )
    dataSetComplete = serializers.CharField()


class WebMessageSerializer(serializers.Serializer):
    httpStatus = serializers.CharField()
    httpStatusCode = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["OK", "WARNING", "ERROR"])
    message = serializers.CharField()
    response = ImportSummarySerializer()


class JobSerializer(serializers.Serializer):
    name = serializers.CharField()
    id = serializers.CharField()
    created = serializers.CharField()
    jobType = serializers.CharField()
    relativeNotifierEndpoint = serializers.CharField()


class JobMessageSerializer(serializers.Serializer):
    httpStatus = serializers.CharField()
    httpStatusCode = serializers.IntegerField()
    status = serializers.CharField()
    message = serializers.CharField()
    response = JobSerializer()


DATA_VALUE_SET_EXAMPLE = OpenApiExample(
    "Kota Pontianak, December 2023",
    value={
        "dataSet": "KEPESERTAAN",
        "period": "202312",
        "orgUnit": "61.71",
        "dataValues": [
            {
                "dataElement": "PU",
                "period": "202312",
                "orgUnit": "61.71",
                "categoryOptionCombo": "ACTIVE",
                "attributeOptionCombo": "HllvX50cXC0",
                "value": "132004",
                "lastUpdated": "2024-01-08T03:12:09+00:00",
                "followup": False,
            },
            {
                "dataElement": "PMI",
                "period": "202312",
                "orgUnit": "61.71",
                "categoryOptionCombo": "ACTIVE",
                "attributeOptionCombo": "HllvX50cXC0",
                "value": "",
                "comment": "Data BP2MI belum masuk",
                "lastUpdated": "2024-01-08T03:12:09+00:00",
                "followup": False,
            },
        ],
    },
    response_only=True,
)


def _summary(status: str, count: dict[str, int], conflicts: list[dict]) -> dict:
    code = 409 if conflicts else 200
    return {
        "httpStatus": "Conflict" if conflicts else "OK",
        "httpStatusCode": code,
        "status": "OK" if status == "SUCCESS" else status,
        "message": "Import was successful."
        if not conflicts
        else "One or more conflicts encountered, please check the import summary.",
        "response": {
            "responseType": "ImportSummary",
            "status": status,
            "importOptions": {
                "importStrategy": "CREATE_AND_UPDATE",
                "dryRun": False,
                "atomicMode": "ALL",
                "idSchemes": {"idScheme": "CODE"},
            },
            "description": "Import done." if not conflicts else "Nothing was imported.",
            "importCount": count,
            "conflicts": conflicts,
            "rejectedIndexes": sorted({i for c in conflicts for i in c["indexes"]}),
            "warnings": [],
            "dataSetComplete": "false",
        },
    }


IMPORT_EXAMPLES = [
    OpenApiExample(
        "Two values",
        value={
            "dataSet": "KEPESERTAAN",
            "period": "202312",
            "orgUnit": "61.71",
            "dataValues": [
                {"dataElement": "PU", "value": "132004"},
                {"dataElement": "PU", "categoryOptionCombo": "INACTIVE", "value": "20311"},
            ],
        },
        request_only=True,
    ),
    OpenApiExample(
        "Stored",
        value=_summary("SUCCESS", {"imported": 0, "updated": 2, "ignored": 0, "deleted": 0}, []),
        response_only=True,
        status_codes=["200"],
    ),
    OpenApiExample(
        "Refused",
        value=_summary(
            "ERROR",
            {"imported": 0, "updated": 0, "ignored": 2, "deleted": 0},
            [
                {
                    "object": "SEX",
                    "objects": {"SEX": "SEX"},
                    "value": "'SEX' is not an attribute the portal knows.",
                    "errorCode": "E7613",
                    "property": "SEX",
                    "indexes": [1],
                }
            ],
        ),
        response_only=True,
        status_codes=["409"],
    ),
]
