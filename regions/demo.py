"""Demo BPJS offices (those named in the domain brief) and one demo account per role."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from regions.models import Office, OfficeRegency, Region, Role
from regions.services import user_scope_assign

DEMO_PASSWORD = "demo-portal-2026"
# A reserved top-level domain: the workflow mails show in the console and can go nowhere.
DEMO_MAIL_DOMAIN = "demo.coverage-portal.invalid"

REGIONAL_OFFICES = [
    ("kanwil-kalimantan", "Kantor Wilayah Kalimantan", "Rini Suryani"),
    ("kanwil-sulawesi-maluku", "Kantor Wilayah Sulawesi Maluku", ""),
    ("kanwil-jawa-timur", "Kantor Wilayah Jawa Timur", ""),
]
BRANCHES = [
    (
        "cabang-pontianak",
        "Kantor Cabang Pontianak",
        "kanwil-kalimantan",
        ["61.71", "61.12", "61.02"],
    ),
    (
        "cabang-tanjung-selor",
        "Kantor Cabang Tanjung Selor",
        "kanwil-kalimantan",
        ["65.01", "65.02", "65.03", "65.04"],
    ),
    (
        "cabang-kolaka",
        "Kantor Cabang Kolaka",
        "kanwil-sulawesi-maluku",
        ["74.01", "74.08", "74.11"],
    ),
    (
        "cabang-kendari",
        "Kantor Cabang Kendari",
        "kanwil-sulawesi-maluku",
        ["74.71", "74.02", "74.05"],
    ),
    (
        "cabang-probolinggo",
        "Kantor Cabang Probolinggo",
        "kanwil-jawa-timur",
        ["35.13", "35.74", "35.08"],
    ),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str
    province_code: str | None = None
    office_code: str | None = None


DEMO_ACCOUNTS = [
    DemoAccount("admin", "Admin Nasional", Role.NATIONAL_ADMIN),
    DemoAccount("petugas.kalbar", "Petugas Disnakertrans Kalbar", Role.PROVINCIAL_OFFICER, "61"),
    DemoAccount("penyetuju.kalbar", "Kabid Disnakertrans Kalbar", Role.PROVINCIAL_APPROVER, "61"),
    DemoAccount("petugas.jatim", "Petugas Disnakertrans Jatim", Role.PROVINCIAL_OFFICER, "35"),
    DemoAccount("staf.kolaka", "Staf BPJS Cabang Kolaka", Role.BRANCH_STAFF, None, "cabang-kolaka"),
    DemoAccount("pemantau", "Pemantau Kemendagri", Role.VIEWER),
]


@transaction.atomic
def seed_offices() -> None:
    for code, name, head in REGIONAL_OFFICES:
        Office.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": Office.Kind.REGIONAL,
                "head_title": "Deputi Direktur Wilayah",
                "head_name": head,
            },
        )
    for code, name, parent_code, regency_codes in BRANCHES:
        office, _ = Office.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": Office.Kind.BRANCH,
                "parent": Office.objects.get(code=parent_code),
                "head_title": "Kepala Kantor Cabang",
            },
        )
        for region in Region.objects.filter(code__in=regency_codes):
            OfficeRegency.objects.update_or_create(region=region, defaults={"office": office})


@transaction.atomic
def seed_accounts() -> list[DemoAccount]:
    User = get_user_model()
    hashed = ""
    for account in DEMO_ACCOUNTS:
        first, _, last = account.full_name.partition(" ")
        email = f"{account.username}@{DEMO_MAIL_DOMAIN}"
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={"first_name": first, "last_name": last, "email": email},
        )
        if not user.email:  # accounts seeded before they had addresses
            User.objects.filter(pk=user.pk).update(email=email)
        if created:  # one hash for all: the password is the same and published
            user.password = hashed or (hashed := make_password(DEMO_PASSWORD))
            user.is_superuser = account.role == Role.NATIONAL_ADMIN
            user.save()
        user_scope_assign(
            user=user,
            role=account.role,
            province=Region.objects.filter(code=account.province_code).first(),
            office=Office.objects.filter(code=account.office_code).first(),
        )
    return DEMO_ACCOUNTS


def seed() -> list[DemoAccount]:
    seed_offices()
    return seed_accounts()
