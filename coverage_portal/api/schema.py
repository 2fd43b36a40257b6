"""OpenAPI: every operation lists the errors it can answer, in one shared error shape."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """Documentation only; see BulkResultSerializer for why the fields are built here."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "detail": serializers.CharField(help_text="One sentence saying what went wrong."),
            "errors": serializers.DictField(
                child=serializers.JSONField(),
                help_text="Field name → messages, when the parameters or body were invalid.",
            ),
        }


ERRORS = {
    "400": "Invalid parameters or body; `detail` says which and why.",
    "401": "No or an unknown, expired or revoked token (send `Authorization: Token <token>`).",
    "403": "The account's role may not do this here.",
    "404": "Not found, or outside the account's scope.",
    "429": "Too many requests for this token; wait the seconds given in `Retry-After`.",
}
BODY_ERRORS = {"415": "The body's Content-Type is not one this operation reads."}


class PortalSchema(AutoSchema):
    def map_parsers(self) -> list[Any]:
        """Bodies are documented as JSON only: one schema under three media types made
        generated clients carry three body types for every write."""
        return [media for media in super().map_parsers() if media == "application/json"]

    def _unwrap_list_serializer(self, serializer: Any, direction: Any) -> Any:
        """A list's bounds (allow_empty, min_length, max_length) stated as minItems and
        maxItems, which drf-spectacular leaves out for a nested list serializer."""
        schema = super()._unwrap_list_serializer(serializer, direction)
        if isinstance(schema, dict) and schema.get("type") == "array":
            low = getattr(serializer, "min_length", None) or 0
            if getattr(serializer, "allow_empty", True) is False:
                low = max(low, 1)
            if low:
                schema["minItems"] = low
            if getattr(serializer, "max_length", None):
                schema["maxItems"] = serializer.max_length
        return schema

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        errors = ERRORS | (BODY_ERRORS if self.method in ("POST", "PUT", "PATCH") else {})
        for code, description in errors.items():
            if code not in responses:
                body = self._get_response_for_code(ErrorSerializer, code, ["application/json"])
                body["description"] = description
                responses[code] = body
        return responses
