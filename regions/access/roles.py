"""Django model permissions each role's group carries, so staff users can use the admin.

Permissions only open the door to a model; which rows a user sees there is decided by
regions.access through ScopedAdminMixin. Apps are named by label (not imported) so this
floor-1 module knows nothing of the apps above it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from regions.kernel.models import Role

VIEW = ("view",)
EDIT = ("view", "add", "change")
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.NATIONAL_ADMIN: {"regions": (*EDIT, "delete"), "participants": EDIT, "agreements": EDIT},
    Role.PROVINCIAL_OFFICER: {"regions": VIEW, "participants": EDIT, "agreements": EDIT},
    Role.PROVINCIAL_APPROVER: {"regions": VIEW, "participants": VIEW, "agreements": VIEW},
    Role.BRANCH_STAFF: {"regions": VIEW, "participants": VIEW, "agreements": EDIT},
    Role.VIEWER: {"regions": VIEW, "participants": VIEW, "agreements": VIEW},
}
STAFF_ROLES = {
    Role.NATIONAL_ADMIN,
    Role.PROVINCIAL_OFFICER,
    Role.PROVINCIAL_APPROVER,
    Role.BRANCH_STAFF,
}


def group_name(role: str) -> str:
    return f"role: {role}"


@transaction.atomic
def role_groups_sync() -> dict[str, Group]:
    """Create or refresh one group per role with exactly the permissions listed above."""
    groups = {}
    for role, apps in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name(role))
        wanted = Q(pk__in=[])
        for app_label, verbs in apps.items():
            for verb in verbs:
                wanted |= Q(content_type__app_label=app_label, codename__startswith=f"{verb}_")
        group.permissions.set(Permission.objects.filter(wanted))
        groups[role] = group
    return groups
