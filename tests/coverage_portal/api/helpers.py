"""Small builders for exchange tests."""

from __future__ import annotations

import json
from typing import Any

from participants.models import ParticipantCount


def stored() -> list[tuple[Any, ...]]:
    """Every count with every value, to compare before and after an import."""
    return list(
        ParticipantCount.objects.order_by("pk").values_list(
            "region__code",
            "category__code",
            "period",
            "active_participants",
            "inactive_participants",
            "employers",
            "no_data_reason",
            "updated_at",
        )
    )


def history_size() -> int:
    return ParticipantCount.history.count()  # type: ignore[attr-defined]


def data_value(org_unit: str, element: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {
        "orgUnit": org_unit,
        "dataElement": element,
        "period": "202312",
        "value": value,
        **extra,
    }


def served_schema() -> dict[str, Any]:
    """The document /api/schema/ serves (generated here: collection may not use the database)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))
