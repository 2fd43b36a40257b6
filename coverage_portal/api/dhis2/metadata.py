"""DHIS2's read-only metadata for the one data set the portal publishes, so a DHIS2 client
can map its own identifiers: /api/dataSets, /api/dataElements, /api/organisationUnits (code,
name, parent, level) and /api/categoryOptionCombos. An identifier (`id`) is the code.

Lists answer DHIS2's shape, `{"pager": …, "<resource>": [...]}`, paged by `page` and
`pageSize` (or `paging=false`); one object by `/api/<resource>/<id>`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api.base import ConditionalGetMixin
from participants.models import Category
from participants.selectors import exchange_codes
from regions.access import Action, regions_for
from regions.models import Region

LEVELS: dict[str, int] = {
    Region.Level.NATIONAL: 1,
    Region.Level.PROVINCE: 2,
    Region.Level.REGENCY: 3,
}
COMBO = "MEASURE"  # the category combo of every data element: ACTIVE, INACTIVE, EMPLOYERS


def _categories() -> list[Category]:
    return list(Category.objects.order_by("order", "code"))


def _item(code: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": code, "code": code, "name": name, "displayName": name, **extra}


def data_sets(request: Request) -> list[dict[str, Any]]:
    elements = [{"dataElement": {"id": c.code}} for c in _categories()]
    name = str(_("Employment social-security participants (BPJS Ketenagakerjaan)"))
    return [
        _item(
            exchange_codes.DATA_SET,
            name,
            shortName=name[:50],
            periodType="Monthly",
            categoryCombo={"id": "bjDvmb4bfuf"},
            dataSetElements=elements,
        )
    ]


def data_elements(request: Request) -> list[dict[str, Any]]:
    return [
        _item(
            c.code,
            c.name,
            shortName=c.name[:50],
            valueType="INTEGER_ZERO_OR_POSITIVE",
            aggregationType="SUM",
            domainType="AGGREGATE",
            categoryCombo={"id": COMBO},
            dataSetElements=[{"dataSet": {"id": exchange_codes.DATA_SET}}],
        )
        for c in _categories()
    ]


def category_option_combos(request: Request) -> list[dict[str, Any]]:
    names = {
        exchange_codes.ACTIVE: _("Active participants"),
        exchange_codes.INACTIVE: _("Inactive participants"),
        exchange_codes.EMPLOYERS: _("Employers"),
    }
    combos = [_item(code, str(name), categoryCombo={"id": COMBO}) for code, name in names.items()]
    default = _item(exchange_codes.DEFAULT_COMBO, "default", categoryCombo={"id": "bjDvmb4bfuf"})
    return [*combos, default | {"code": "default"}]


def organisation_units(request: Request) -> list[dict[str, Any]]:
    regions = regions_for(request.user, Action.VIEW).select_related("parent")
    regions = regions.defer("boundary", "parent__boundary").order_by("code")
    return [
        _item(
            r.code,
            r.name,
            shortName=r.name[:50],
            level=LEVELS[r.level],
            parent={"id": r.parent.code} if r.parent else None,
            path="/" + "/".join(_path(r)),
            openingDate=f"{r.valid_from:%Y-%m-%d}" if r.valid_from else None,
            closedDate=f"{r.valid_until:%Y-%m-%d}" if r.valid_until else None,
        )
        for r in regions
    ]


def _path(region: Region) -> list[str]:
    codes = [region.code]
    parent = region.parent
    while parent is not None and len(codes) < 4:
        codes.insert(0, parent.code)
        parent = parent.parent if parent.parent_id else None
    return codes


RESOURCES: dict[str, Callable[[Request], list[dict[str, Any]]]] = {
    "dataSets": data_sets,
    "dataElements": data_elements,
    "organisationUnits": organisation_units,
    "categoryOptionCombos": category_option_combos,
}


class MetadataItemSerializer(serializers.Serializer):
    id = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()
    displayName = serializers.CharField()


class PagerSerializer(serializers.Serializer):
    page = serializers.IntegerField()
    pageCount = serializers.IntegerField()
    total = serializers.IntegerField()
    pageSize = serializers.IntegerField()


def list_serializer(resource: str) -> serializers.Serializer:
    return inline_serializer(
        f"{resource[0].upper()}{resource[1:]}List",
        {
            "pager": PagerSerializer(required=False),
            resource: MetadataItemSerializer(many=True),
        },
    )


def _page(request: Request, total: int) -> tuple[int, int]:
    def number(name: str, default: int) -> int:
        text = request.query_params.get(name, "").strip()
        if not text:
            return default
        if not text.isascii() or not text.isdigit() or len(text) > 6 or int(text) < 1:
            raise ValidationError({name: [_("Give a whole number of 1 or more.")]})
        return int(text)

    return number("page", 1), number("pageSize", 50)


class MetadataView(ConditionalGetMixin, APIView):
    """One of RESOURCES, listed or one object."""

    resource = ""

    def get(self, request: Request, uid: str | None = None, format: str | None = None) -> Response:
        items = RESOURCES[self.resource](request)
        if uid is not None:
            found = next((i for i in items if i["id"] == uid), None)
            if found is None:
                raise NotFound(_("No such object."))
            return Response(found)
        if request.query_params.get("paging", "").strip().lower() == "false":
            return Response({self.resource: items})
        page, size = _page(request, len(items))
        pages = max((len(items) + size - 1) // size, 1)
        pager = {"page": page, "pageCount": pages, "total": len(items), "pageSize": size}
        return Response({"pager": pager, self.resource: items[(page - 1) * size : page * size]})


def metadata_view(resource: str) -> type[MetadataView]:
    """The view of one resource, documented with its own list shape."""

    @extend_schema(
        operation_id=f"{resource}_list",
        summary=f"DHIS2 {resource} (read-only)",
        parameters=[
            OpenApiParameter("page", {"type": "integer", "minimum": 1, "maximum": 999999}),
            OpenApiParameter("pageSize", {"type": "integer", "minimum": 1, "maximum": 999999}),
            OpenApiParameter("paging", bool),
        ],
        responses={200: list_serializer(resource)},
    )
    def get(self: MetadataView, request: Request, format: str | None = None) -> Response:
        return MetadataView.get(self, request, format=format)

    return type(f"{resource}View", (MetadataView,), {"resource": resource, "get": get})


VIEWS = {resource: metadata_view(resource) for resource in RESOURCES}
