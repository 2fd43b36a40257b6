"""OpenAPI shapes and examples of the exchange formats (documentation only: the documents are
parsed by hand, which is what keeps a 10.000-value import fast)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample
from rest_framework import serializers

MEASURE_HELP = (
    "ACTIVE (default): active participants; INACTIVE: registered members who stopped paying; "
    "EMPLOYERS: registered employers."
)


class DataValueSerializer(serializers.Serializer):
    dataElement = serializers.CharField(help_text="Category code, e.g. PU.")
    period = serializers.CharField(required=False, help_text="YYYYMM; defaults to the set's.")
    orgUnit = serializers.CharField(
        required=False, help_text="Regency code, e.g. 61.71; defaults to the set's."
    )
    categoryOptionCombo = serializers.ChoiceField(
        choices=["ACTIVE", "INACTIVE", "EMPLOYERS"], required=False, help_text=MEASURE_HELP
    )
    value = serializers.CharField(
        allow_blank=True,
        allow_null=True,
        help_text="A whole number as text; empty ACTIVE value + comment = no data, with reason.",
    )
    comment = serializers.CharField(required=False, allow_blank=True)
    lastUpdated = serializers.DateTimeField(required=False, read_only=True)
    followup = serializers.BooleanField(required=False, read_only=True)


class DataValueSetSerializer(serializers.Serializer):
    orgUnit = serializers.CharField(required=False)
    period = serializers.CharField(required=False)
    dataValues = DataValueSerializer(many=True)


class ImportCountSerializer(serializers.Serializer):
    imported = serializers.IntegerField(help_text="Values of cells the portal had no count for.")
    updated = serializers.IntegerField(help_text="Values that changed a stored count.")
    ignored = serializers.IntegerField(help_text="Values equal to what is stored, or refused.")
    deleted = serializers.IntegerField(help_text="Always 0: the exchange never deletes counts.")


class ConflictSerializer(serializers.Serializer):
    object = serializers.CharField(help_text="orgUnit/dataElement/period[/measure], or a field.")
    value = serializers.CharField(help_text="Why it was refused.")


class ImportSummarySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["SUCCESS", "WARNING", "ERROR"])
    description = serializers.CharField()
    dryRun = serializers.BooleanField()
    importCount = ImportCountSerializer()
    conflicts = ConflictSerializer(many=True)
    warnings = ConflictSerializer(
        many=True, help_text="Unusual values stored anyway (they must be acknowledged at submit)."
    )


DATA_VALUE_SET_EXAMPLE = OpenApiExample(
    "Kota Pontianak, December 2023",
    value={
        "orgUnit": "61",
        "period": "202312",
        "dataValues": [
            {
                "dataElement": "PU",
                "period": "202312",
                "orgUnit": "61.71",
                "categoryOptionCombo": "ACTIVE",
                "value": "132004",
                "lastUpdated": "2024-01-08T03:12:09+00:00",
                "followup": False,
            },
            {
                "dataElement": "PU",
                "period": "202312",
                "orgUnit": "61.71",
                "categoryOptionCombo": "EMPLOYERS",
                "value": "3120",
                "lastUpdated": "2024-01-08T03:12:09+00:00",
                "followup": False,
            },
            {
                "dataElement": "PMI",
                "period": "202312",
                "orgUnit": "61.71",
                "categoryOptionCombo": "ACTIVE",
                "value": "",
                "comment": "Data BP2MI belum masuk",
                "lastUpdated": "2024-01-08T03:12:09+00:00",
                "followup": False,
            },
        ],
    },
    response_only=True,
)

IMPORT_EXAMPLES = [
    OpenApiExample(
        "Two values",
        value={
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
        value={
            "status": "SUCCESS",
            "description": "Import done.",
            "dryRun": False,
            "importCount": {"imported": 0, "updated": 2, "ignored": 0, "deleted": 0},
            "conflicts": [],
            "warnings": [],
        },
        response_only=True,
        status_codes=["200"],
    ),
    OpenApiExample(
        "Refused",
        value={
            "status": "ERROR",
            "description": "Nothing was imported: every value is refused while any value is.",
            "dryRun": False,
            "importCount": {"imported": 0, "updated": 0, "ignored": 2, "deleted": 0},
            "conflicts": [
                {
                    "object": "61.71/PU/202312",
                    "value": "The 2023-12 report is approved and cannot be changed.",
                }
            ],
            "warnings": [],
        },
        response_only=True,
        status_codes=["409"],
    ),
]
