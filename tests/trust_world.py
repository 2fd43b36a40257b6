"""A small portal with real records inside and outside each test user's scope.

Three places, each a regency: 61.71 (Kalimantan Barat), 74.01 (served by the Kolaka branch)
and 74.02 (Sulawesi Tenggara, served by another branch). Every record of a place
carries the place's marker, in its text (`ZQ6171Q`) or as its count (6.171.017), so a page
that shows a user something from a place outside their scope can be caught by searching the
page for the other places' markers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agreements.documents.services import document_attach
from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, LegalBasis, Regulation
from participants import services
from participants.followup.models import FollowUp
from participants.models import (
    Category,
    ParticipantCount,
    Target,
    WorkforceKind,
    WorkforceTotal,
)
from participants.rules.models import RuleResult, ValidationRule
from regions.demo import seed_offices
from regions.models import Office, Region, Role
from regions.services import user_scope_assign

MONTH = dt.date(2023, 12, 1)
PLACES = {"61": "61.71", "7401": "74.01", "7402": "74.02"}
PROVINCE_OF = {"61": "61", "7401": "74", "7402": "74"}
COUNT_OF = {"61": 6_171_017, "7401": 7_401_017, "7402": 7_402_017}
NATIONAL = {"national_admin", "superuser", "viewer"}
# Who may view each place; everyone else must see none of its markers.
VIEWERS = {
    "61": NATIONAL | {"kalbar_officer", "kalbar_approver"},
    "7401": NATIONAL | {"kolaka_staff"},
    "7402": NATIONAL,
}
# Provinces as places of pages (a province page is readable by whoever may view it).
PROVINCE_VIEWERS = {"61": VIEWERS["61"], "74": NATIONAL | {"kolaka_staff"}}
# Who may log activity (agreements) on each place; counts are entered by officers only.
CHANGERS = {
    "61": {"national_admin", "superuser", "kalbar_officer"},
    "7401": {"national_admin", "superuser", "kolaka_staff"},
    "7402": {"national_admin", "superuser"},
}
# Counts are entered by provincial officers; workforce totals and targets by national
# administrators only.
COUNT_CHANGERS = {
    "61": {"national_admin", "superuser", "kalbar_officer"},
    "7401": {"national_admin", "superuser"},
    "7402": {"national_admin", "superuser"},
}
ADMINISTERED = {"workforce", "target"}
# Values are followed up by national users and by the province's officers and approvers;
# rule results are written by the rules alone.
# Viewers read follow-ups, never mark or close them.
FOLLOWERS = {
    "61": {"national_admin", "superuser", "kalbar_officer", "kalbar_approver"},
    "7401": {"national_admin", "superuser"},
    "7402": {"national_admin", "superuser"},
}
IDENTITIES = (
    "anonymous",
    "outsider",
    "national_admin",
    "superuser",
    "kalbar_officer",
    "kalbar_approver",
    "kolaka_staff",
    "viewer",
)


def may_change(identity: str, kind: str, place: str) -> bool:
    if kind == "followup":
        return identity in FOLLOWERS[place]
    if kind == "ruleresult":
        return False
    if kind == "count":
        return identity in COUNT_CHANGERS[place]
    if kind in ADMINISTERED:
        return identity in {"national_admin", "superuser"}
    return identity in CHANGERS[place]


def marker(place: str) -> str:
    return f"ZQ{place}Q"


def count_markers(place: str) -> tuple[str, str]:
    value = COUNT_OF[place]
    return str(value), f"{value:,}".replace(",", ".")


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> place -> obj
    regency: dict[str, Region] = field(default_factory=dict)

    def record(self, kind: str, place: str) -> Any:
        return self.records[kind][place]

    def put(self, kind: str, place: str, obj: Any) -> None:
        self.records.setdefault(kind, {})[place] = obj


def _user(username: str, role: str | None, **scope: Any) -> User:
    user = User.objects.create_user(username, password="a-strong-test-password")
    if role:
        user_scope_assign(user=user, role=role, **scope)
    return user


def build_users() -> dict[str, User | None]:
    seed_offices()
    outsider = _user("outsider", None)
    outsider.is_staff = True  # the most a stranger could be given: the admin's door
    outsider.save()
    superuser = _user("root", None)
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    kalbar = Region.objects.get(code="61")
    return {
        "anonymous": None,
        "outsider": outsider,
        "superuser": superuser,
        "national_admin": _user("nasional", Role.NATIONAL_ADMIN),
        "kalbar_officer": _user("petugas61", Role.PROVINCIAL_OFFICER, province=kalbar),
        "kalbar_approver": _user("penyetuju61", Role.PROVINCIAL_APPROVER, province=kalbar),
        "kolaka_staff": _user(
            "kolaka", Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-kolaka")
        ),
        "viewer": _user("pemantau", Role.VIEWER),
    }


def build_world(media_root: Any) -> World:
    world = World(users=build_users())
    for place, code in PLACES.items():
        world.regency[place] = Region.objects.get(code=code)
        _place_records(world, place)
    services.recompute_stale()
    return world


def _place_records(world: World, place: str) -> None:
    regency, mark = world.regency[place], marker(place)
    _counts(world, place, regency)
    agreement = Agreement.objects.create(
        title=f"MoU {mark}", region=regency, status=Agreement.Status.DRAFT
    )
    agreement.legal_bases.set(LegalBasis.objects.all()[:1])
    world.put("agreement", place, agreement)
    world.put(
        "commitment",
        place,
        Commitment.objects.create(
            region=regency,
            agreement=agreement,
            kind=Commitment.Kind.BUDGET,
            description=f"Commitment {mark}",
            responsible=f"Disnaker {mark}",
            due_date=dt.date(2024, 6, 30),
        ),
    )
    world.put(
        "regulation",
        place,
        Regulation.objects.create(
            region=regency, kind="perda", number="1", year=2023, title=f"Perda {mark}"
        ),
    )
    world.put(
        "budget",
        place,
        BudgetAllocation.objects.create(
            region=regency,
            year=2023,
            category_code="NON_ASN",
            label=f"Honorer {mark}",
            amount=Decimal(1_000_000),
        ),
    )
    meeting = Meeting.objects.create(
        kind="rakor",
        title=f"Rakor {mark}",
        starts_at=timezone.make_aware(dt.datetime(2023, 11, 2, 9)),
        host_region=regency,
    )
    meeting.regions.set([regency])
    Attendee.objects.create(meeting=meeting, name=f"Attendee {mark}", position="Kepala")
    world.put("meeting", place, meeting)
    world.put(
        "action",
        place,
        FollowUpAction.objects.create(meeting=meeting, description=f"Act {mark}", owner="OPD"),
    )
    world.put(
        "document",
        place,
        document_attach(
            actor=world.users["superuser"],  # type: ignore[arg-type]
            owner=agreement,
            upload=SimpleUploadedFile(f"mou-{place}.pdf", b"%PDF-1.4\n" + mark.encode()),
            title=f"Scan {mark}",
        ),
    )
    kind = WorkforceKind.objects.get(code="EMPLOYED")
    world.put(
        "workforce",
        place,
        WorkforceTotal.objects.create(
            kind=kind, region=regency, year=2023, value=9_000_000, source=f"BPS {mark}"
        ),
    )
    world.put(
        "target",
        place,
        Target.objects.create(region=regency, year=2023, participants=1, source=f"RPJMD {mark}"),
    )


def _counts(world: World, place: str, regency: Region) -> None:
    cells = [
        services.CellInput(
            region_id=regency.pk,
            category_id=Category.objects.get(code="PU").pk,
            period=MONTH,
            active_participants=COUNT_OF[place],
            no_data_reason="",
        )
    ]
    result = services.counts_write(actor=None, cells=cells, source="import")
    assert result.applied, result.errors
    count = ParticipantCount.objects.get(region=regency, period=MONTH)
    world.put("count", place, count)
    world.put(
        "followup",
        place,
        FollowUp.objects.create(
            count=count,
            comment=f"Check {marker(place)}",
            opened_by=world.users["superuser"],  # type: ignore[misc]
            opened_at=timezone.now(),
        ),
    )
    rule = ValidationRule.objects.order_by("pk").first() or ValidationRule.objects.create(
        name_id="NON_ASN ≤ PU", name_en="NON_ASN ≤ PU", left="NON_ASN", right="PU"
    )
    outcome, _created = RuleResult.objects.update_or_create(
        rule=rule,
        region=regency,
        period=MONTH,
        defaults={
            "left_value": COUNT_OF[place],  # the place's count marker, on every page showing it
            "right_value": 1,
            "outcome": RuleResult.Outcome.VIOLATED,
            "checked_at": timezone.now(),
        },
    )
    world.put("ruleresult", place, outcome)
