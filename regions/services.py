"""Writes for regions: loading the shipped region set, assigning user scopes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from regions.access.roles import STAFF_ROLES, role_groups_sync
from regions.loader import RegionRow, read_region_rows
from regions.models import Office, Region, UserScope, WorkerHeartbeat

COMPARED_FIELDS = ("name", "level", "kind", "timezone", "valid_from", "valid_until", "boundary")


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@transaction.atomic
def regions_load() -> LoadResult:
    """Upsert every shipped region; running it twice changes nothing the second time."""
    rows = read_region_rows()
    existing = {r.code: r for r in Region.objects.all()}
    result = LoadResult()
    _upsert_fields(rows, existing, result)
    existing = {r.code: r for r in Region.objects.all()}
    _link_relations(rows, existing)
    return result


def _upsert_fields(rows: list[RegionRow], existing: dict[str, Region], result: LoadResult) -> None:
    to_create, to_update = [], []
    for row in rows:
        region = existing.get(row.code)
        if region is None:
            to_create.append(Region(code=row.code, **_fields(row)))
        elif _differs(region, row):
            for name, value in _fields(row).items():
                setattr(region, name, value)
            to_update.append(region)
        else:
            result.unchanged += 1
    Region.objects.bulk_create(to_create, batch_size=200)
    Region.objects.bulk_update(to_update, list(COMPARED_FIELDS), batch_size=200)
    result.created, result.updated = len(to_create), len(to_update)


def _fields(row: RegionRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in COMPARED_FIELDS}


def _differs(region: Region, row: RegionRow) -> bool:
    return any(getattr(region, name) != getattr(row, name) for name in COMPARED_FIELDS)


def _link_relations(rows: list[RegionRow], existing: dict[str, Region]) -> None:
    changed = []
    for row in rows:
        region = existing[row.code]
        parent_id = existing[row.parent_code].pk if row.parent_code else None
        successor_id = existing[row.successor_code].pk if row.successor_code else None
        if (region.parent_id, region.successor_id) != (parent_id, successor_id):
            region.parent_id, region.successor_id = parent_id, successor_id
            changed.append(region)
    Region.objects.bulk_update(changed, ["parent", "successor"], batch_size=200)


@transaction.atomic
def user_scope_assign(
    *,
    user: User,
    role: str,
    province: Region | None = None,
    office: Office | None = None,
) -> UserScope:
    """Give a user a role over the whole country, one province or one BPJS office."""
    kind = (
        UserScope.Kind.PROVINCE
        if province
        else UserScope.Kind.OFFICE
        if office
        else UserScope.Kind.NATIONAL
    )
    scope = UserScope.objects.filter(user=user).first() or UserScope(user=user)
    scope.role, scope.kind, scope.province, scope.office = role, kind, province, office
    scope.full_clean()
    scope.save()
    _grant_role_group(user, role)
    return scope


def _grant_role_group(user: User, role: str) -> None:
    groups = role_groups_sync()
    user.groups.remove(*[g for r, g in groups.items() if r != role])
    user.groups.add(groups[role])
    if user.is_staff != (role in STAFF_ROLES):
        user.is_staff = role in STAFF_ROLES
        user.save(update_fields=["is_staff"])


# A day of beat's heartbeats at the default 30 s: enough history for the admin, while the
# table stays a few thousand rows instead of growing by a million a year.
HEARTBEATS_KEPT = 2880


@transaction.atomic
def heartbeat_record(*, hostname: str) -> WorkerHeartbeat:
    heartbeat = WorkerHeartbeat.objects.create(hostname=hostname, seen_at=timezone.now())
    # By primary key, which is indexed and grows in time order, so this stays cheap.
    WorkerHeartbeat.objects.filter(pk__lte=heartbeat.pk - HEARTBEATS_KEPT).delete()
    return heartbeat
