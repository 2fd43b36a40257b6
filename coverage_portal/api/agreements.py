"""Agreements (MoU, PKS, KSO) and meetings: read in scope, create and edit through the
agreements services (their status moves only through the portal's own steps)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from agreements import services
from agreements.models import Agreement, FollowUpAction, LegalBasis, Meeting
from agreements.selectors import agreements_for, meetings_for
from coverage_portal.api.base import ConditionalGetMixin
from coverage_portal.api.writes import ServiceWriteMixin, region_field
from regions.access.users import PortalUser
from regions.models import Office


class SignatorySerializer(serializers.Serializer):
    side = serializers.ChoiceField(choices=["region", "bpjs"])
    name = serializers.CharField(max_length=120)
    position = serializers.CharField(max_length=200)


class AttendeeSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120, allow_blank=True, required=False, default="")
    position = serializers.CharField(max_length=200)
    institution = serializers.CharField(max_length=200, allow_blank=True, default="")


class ActionSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(required=False, help_text="Leave out for a new action.")

    class Meta:
        model = FollowUpAction
        fields = ["id", "description", "owner", "due_date", "status", "done_on"]
        read_only_fields = ["done_on"]


class AgreementSerializer(serializers.ModelSerializer):
    region = region_field()
    office = serializers.SlugRelatedField(
        slug_field="code", queryset=Office.objects.all(), allow_null=True, required=False
    )
    legal_bases = serializers.SlugRelatedField(
        slug_field="short_name", queryset=LegalBasis.objects.all(), many=True, required=False
    )
    successor: Any = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    signatories = SignatorySerializer(many=True, required=False)

    class Meta:
        model = Agreement
        fields = [
            "id",
            "kind",
            "title",
            "region",
            "office",
            "region_number",
            "office_number",
            "signed_on",
            "signed_place",
            "valid_from",
            "valid_until",
            "legal_bases",
            "scope",
            "signatories",
            "status",
            "successor",
            "ended_on",
            "end_reason",
            "updated_at",
        ]
        read_only_fields = ["status", "successor", "ended_on", "end_reason", "updated_at"]


class AgreementFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__code", help_text="e.g. 61")
    signed_after = django_filters.DateFilter(field_name="signed_on", lookup_expr="gte")
    signed_before = django_filters.DateFilter(field_name="signed_on", lookup_expr="lte")

    class Meta:
        model = Agreement
        fields = ["kind", "status"]


AGREEMENT_EXAMPLE = OpenApiExample(
    "Kalimantan Barat MoU, 21 February 2023",
    value={
        "kind": "mou",
        "title": "Nota kesepakatan optimalisasi jaminan sosial ketenagakerjaan",
        "region": "61",
        "office": None,
        "region_number": "",
        "office_number": "",
        "signed_on": None,
        "signed_place": "Ruang Rapat Praja 1, Kantor Gubernur",
        "valid_from": None,
        "valid_until": "2026-02-20",
        "legal_bases": ["Inpres 2/2021", "Inpres 4/2022", "Permendagri 84/2022"],
        "scope": "Integrasi jaminan sosial ketenagakerjaan dalam RPD 2023–2026",
    },
    request_only=True,
)


@extend_schema_view(
    list=extend_schema(summary="Agreements in the account's scope"),
    retrieve=extend_schema(summary="One agreement"),
    create=extend_schema(
        summary="Record a new agreement (as a draft)",
        description="Branch staff and provincial officers, for a region in their scope.",
        examples=[AGREEMENT_EXAMPLE],
    ),
    update=extend_schema(summary="Change an agreement's particulars"),
    partial_update=extend_schema(summary="Change some of an agreement's particulars"),
)
class AgreementViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilter
    m2m = ("legal_bases", "signatories")

    def get_queryset(self) -> QuerySet[Agreement]:
        agreements = agreements_for(self.request.user).prefetch_related(
            "legal_bases", "signatories"
        )
        return agreements.defer("region__boundary").order_by("-signed_on", "-pk")

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        people = m2m.get("signatories")
        return services.agreement_record(
            actor=actor,
            agreement=instance,
            legal_bases=m2m.get("legal_bases"),
            signatories=None
            if people is None
            else [(p["side"], p["name"], p["position"]) for p in people],
        )


class MeetingSerializer(serializers.ModelSerializer):
    host_region = region_field()
    regions = region_field(many=True)
    offices = serializers.SlugRelatedField(
        slug_field="code", queryset=Office.objects.all(), many=True, required=False
    )
    attendees = AttendeeSerializer(many=True, required=False)
    actions = ActionSerializer(many=True, required=False)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "kind",
            "title",
            "starts_at",
            "host_region",
            "place",
            "regions",
            "offices",
            "chair",
            "summary",
            "decisions",
            "source_url",
            "attendees",
            "actions",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class MeetingFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="regions__code", distinct=True)
    after = django_filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    before = django_filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="lte")

    class Meta:
        model = Meeting
        fields = ["kind"]


@extend_schema_view(
    list=extend_schema(summary="Meetings concerning a region in the account's scope"),
    retrieve=extend_schema(summary="One meeting"),
    create=extend_schema(
        summary="Record a meeting",
        description="The account must be able to record activity for the host region and "
        "every region concerned. `starts_at` with its offset, e.g. 2021-10-14T10:00:00+08:00.",
        examples=[
            OpenApiExample(
                "KSO meeting, Kolaka Timur",
                value={
                    "kind": "kso",
                    "title": "Rapat KSO jaminan sosial ketenagakerjaan non-ASN",
                    "starts_at": "2021-10-14T10:00:00+08:00",
                    "host_region": "74.11",
                    "place": "Ruang rapat Bupati",
                    "regions": ["74.11"],
                    "offices": ["cabang-kolaka"],
                    "chair": "Kepala Disnakertrans",
                    "summary": "",
                    "decisions": "Iuran seluruh non-ASN dianggarkan dalam APBD.",
                    "source_url": "",
                },
                request_only=True,
            )
        ],
    ),
    update=extend_schema(summary="Change a meeting"),
    partial_update=extend_schema(summary="Change some of a meeting's fields"),
)
class MeetingViewSet(ServiceWriteMixin, ConditionalGetMixin, viewsets.ModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    m2m = ("regions", "offices", "attendees", "actions")

    def get_queryset(self) -> QuerySet[Meeting]:
        meetings = meetings_for(self.request.user).prefetch_related("attendees", "actions")
        return meetings.order_by("-starts_at", "-pk")

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        regions = m2m.get("regions", list(instance.regions.all()) if instance.pk else [])
        offices = m2m.get("offices", list(instance.offices.all()) if instance.pk else [])
        people, actions = m2m.get("attendees"), m2m.get("actions")
        return services.meeting_record(
            actor=actor,
            meeting=instance,
            regions=regions,
            offices=offices,
            attendees=None
            if people is None
            else [(p["name"], p["position"], p["institution"]) for p in people],
            actions=None if actions is None else _actions(instance, actions),
        )


def _actions(meeting: Meeting, rows: list[dict[str, Any]]) -> list[FollowUpAction]:
    """The follow-up actions a request sends: those with an id are the meeting's own, changed."""
    known = {a.pk: a for a in meeting.actions.all()} if meeting.pk else {}
    actions = []
    for row in rows:
        pk = row.pop("id", None)
        if pk is not None and pk not in known:
            raise ValidationError(
                {"actions": _("Follow-up action %(pk)s is not one of this meeting's.") % {"pk": pk}}
            )
        action = known[pk] if pk is not None else FollowUpAction()
        for field, value in row.items():
            setattr(action, field, value)
        actions.append(action)
    return actions
