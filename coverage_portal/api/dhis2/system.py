"""DHIS2's /api/system/info, /api/me and the task endpoints of asynchronous imports."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coverage_portal.api.dhis2.shapes import ImportSummarySerializer
from participants.services import job_for
from regions.access import Action, regions_for, role_of

# The DHIS2 Web API version whose shapes the portal follows (WebMessage and ImportSummary
# of 2.38 and later); clients read it to pick their code paths.
VERSION = "2.40.0"


class SystemInfoView(APIView):
    @extend_schema(
        summary="DHIS2 system info (the API version clients check)",
        responses={200: inline_serializer("SystemInfo", {"version": serializers.CharField()})},
    )
    def get(self, request: Request, format: str | None = None) -> Response:
        return Response(
            {
                "version": VERSION,
                "revision": "coverage-portal",
                "systemName": "Coverage Portal",
                "serverDate": timezone.now().isoformat(timespec="milliseconds"),
                "calendar": "iso8601",
                "dateFormat": "yyyy-mm-dd",
                "contextPath": request.build_absolute_uri("/").rstrip("/"),
            }
        )


class MeView(APIView):
    @extend_schema(
        summary="The account calling (DHIS2 /api/me)",
        responses={200: inline_serializer("Me", {"username": serializers.CharField()})},
    )
    def get(self, request: Request, format: str | None = None) -> Response:
        user: Any = request.user
        top = (
            regions_for(user, Action.VIEW)
            .filter(parent__isnull=True)
            .values_list("code", flat=True)
        )
        units = list(top) or _province_of(user)
        return Response(
            {
                "id": str(user.pk),
                "username": user.get_username(),
                "name": user.get_full_name() or user.get_username(),
                "displayName": user.get_full_name() or user.get_username(),
                "firstName": getattr(user, "first_name", ""),
                "surname": getattr(user, "last_name", ""),
                "email": getattr(user, "email", ""),
                "userRoles": [{"id": role_of(user) or ""}],
                "organisationUnits": [{"id": code} for code in units],
                "dataViewOrganisationUnits": [{"id": code} for code in units],
                "authorities": [],
            }
        )


def _province_of(user: Any) -> list[str]:
    regions = regions_for(user, Action.VIEW).exclude(level="regency")
    return list(regions.values_list("code", flat=True)[:50])


def _job(request: Request, uid: str) -> dict[str, Any]:
    job = job_for(uid, int(request.user.pk or 0))
    if job is None:
        raise NotFound(_("No such import job of this account."))
    return job


class TaskView(APIView):
    """DHIS2's notifications of one job: newest first, `completed` once it is done."""

    @extend_schema(
        summary="Progress of an asynchronous import",
        responses={
            200: inline_serializer(
                "TaskNotification", {"completed": serializers.BooleanField()}, many=True
            )
        },
    )
    def get(self, request: Request, uid: str, format: str | None = None) -> Response:
        job = _job(request, uid)
        done = job["state"] == "done"
        note = {
            "uid": uid,
            "level": "INFO",
            "category": "DATAVALUE_IMPORT",
            "time": job.get("completed", job["created"]),
            "message": str(_("Import complete")) if done else str(_("Import queued")),
            "completed": done,
        }
        return Response([note])


class TaskSummaryView(APIView):
    @extend_schema(
        summary="The import summary of an asynchronous import",
        responses={200: ImportSummarySerializer},
    )
    def get(self, request: Request, uid: str, format: str | None = None) -> Response:
        job = _job(request, uid)
        if job["state"] != "done":
            return Response({})
        return Response(job["summary"])
