"""Every API error in one shape: {"detail": one sentence, "errors": the details}."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
)
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(error: Exception, context: dict[str, Any]) -> Response | None:
    """A service's ValidationError is the caller's mistake (400), never a server error."""
    if isinstance(error, DjangoValidationError):
        error = exceptions.ValidationError(_django_messages(error))
    response = drf_exception_handler(error, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and set(data) <= {"detail"}:
        response.data = {"detail": str(data.get("detail", "")), "errors": {}}
    else:
        response.data = {"detail": first_message(data), "errors": _as_mapping(data)}
    return response


def _django_messages(error: DjangoValidationError) -> Any:
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"non_field_errors": error.messages}


def _as_mapping(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {"non_field_errors": data}


def first_message(data: Any) -> str:
    while isinstance(data, dict | list) and data:
        data = next(iter(data.values())) if isinstance(data, dict) else data[0]
    return str(data) if data else _("The request is not valid.")


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@permission_classes([])
@authentication_classes([])
def not_found(request: Request) -> Response:
    return Response({"detail": "No such API resource.", "errors": {}}, status=404)
