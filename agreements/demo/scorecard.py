"""Synthetic scorecard facts for the demo: agreements, regulations, budgets and commitments.

The real events of the domain brief (agreements.demo) touch four provinces; without more, the
scorecard's policy and implementation pillars read 0 for the other 34. Here about half the
provinces get a drawn agreement in force, a governor's regulation, yearly APBD budgets for
non-ASN workers and commitments (some done, some overdue), every one marked "DEMO sintetis"
in its title or notes. A province that already has a record of a kind keeps only its own.
Bulk writes with their history rows, deterministic draws, idempotent (nothing is added once
the marks exist).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from regions.models import Region

MARK = "DEMO sintetis"
FIRST_YEAR = 2022


def _draw(*key: object) -> random.Random:
    return random.Random(":".join(["coverage-portal-demo-scorecard", *map(str, key)]))


@transaction.atomic
def seed() -> int:
    """Add the synthetic facts once; returns how many records were written."""
    if Agreement.objects.filter(title__contains=MARK).exists():
        return 0
    today = timezone.localdate()
    provinces = list(Region.objects.provinces().current().order_by("code").defer("boundary"))
    has_agreement = set(Agreement.objects.values_list("region__parent_id", "region_id").distinct())
    covered = {pk for pair in has_agreement for pk in pair if pk}
    with_regulation = set(Regulation.objects.values_list("region_id", flat=True))
    agreements = [
        _agreement(p, today)
        for p in provinces
        if p.pk not in covered and _draw("a", p.code).random() < 0.6
    ]
    _create(Agreement, agreements)
    regulations = [
        _regulation(p)
        for p in provinces
        if p.pk not in with_regulation and _draw("r", p.code).random() < 0.45
    ]
    budgets = [
        _budget(p, year)
        for p in provinces
        for year in range(FIRST_YEAR, today.year + 1)
        if _draw("b", p.code).random() < 0.55 and _draw("b", p.code, year).random() < 0.85
    ]
    commitments = [c for a in agreements for c in _commitments(a, today)]
    _create(Regulation, regulations)
    _create(BudgetAllocation, budgets)
    _create(Commitment, commitments)
    return len(agreements) + len(regulations) + len(budgets) + len(commitments)


def _create(model: type[models.Model], records: list[Any]) -> None:
    # A plain bulk_create writes no history: the audit trail would start at a record's first
    # edit and not say where it came from.
    bulk_create_with_history(records, model, default_change_reason="demo")


def _agreement(province: Region, today: dt.date) -> Agreement:
    draw = _draw("agreement", province.code)
    signed = dt.date(draw.randint(2021, 2023), draw.randint(1, 12), draw.randint(1, 28))
    years = draw.choice((3, 5))
    until = signed.replace(year=signed.year + years) - dt.timedelta(days=1)
    return Agreement(
        kind=Agreement.Kind.MOU,
        title=f"Kesepakatan bersama perlindungan jaminan sosial ketenagakerjaan ({MARK})",
        region=province,
        signed_on=signed,
        signed_place=f"Kantor Gubernur {province.name}",
        valid_from=signed,
        valid_until=until,
        status=Agreement.Status.ACTIVE if until >= today else Agreement.Status.EXPIRED,
        scope="Pendataan pekerja rentan\nPendaftaran pegawai non-ASN\nPengawasan kepatuhan",
    )


def _regulation(province: Region) -> Regulation:
    draw = _draw("regulation", province.code)
    year = draw.randint(2021, 2024)
    return Regulation(
        region=province,
        kind=Regulation.Kind.PERKADA,
        number=str(draw.randint(5, 60)),
        year=year,
        enacted_on=dt.date(year, draw.randint(1, 12), draw.randint(1, 28)),
        title=f"Peraturan Gubernur tentang perlindungan jaminan sosial ketenagakerjaan ({MARK})",
        notes=f"{MARK}: bukan peraturan yang sebenarnya.",
    )


def _budget(province: Region, year: int) -> BudgetAllocation:
    draw = _draw("budget", province.code, year)
    workers = draw.randint(2, 40) * 1000
    amount = Decimal(workers * 16_800 * 12)  # JKK + JKM for a year, Rp16.800 a month
    return BudgetAllocation(
        region=province,
        year=year,
        category_code="NON_ASN",
        label=f"Pegawai non-ASN ({MARK})",
        workers=workers,
        amount=amount,
        realised=(amount * Decimal(draw.randint(60, 100)) / 100).quantize(Decimal(1))
        if year < timezone.localdate().year
        else None,
        notes=f"{MARK}: angka anggaran rekaan untuk demo.",
    )


def _commitments(agreement: Agreement, today: dt.date) -> list[Commitment]:
    draw = _draw("commitments", agreement.region.code)
    signed = agreement.signed_on or today
    found = []
    for index, (kind, text) in enumerate(
        [
            (Commitment.Kind.BUDGET, "Iuran pegawai non-ASN dianggarkan dalam APBD"),
            (Commitment.Kind.REGISTRATION, "Pendaftaran pekerja rentan di setiap kabupaten/kota"),
            (Commitment.Kind.ENFORCEMENT, "Pemeriksaan bersama kepatuhan perusahaan"),
        ]
    ):
        due = signed + dt.timedelta(days=180 * (index + 1))
        done = draw.random() < 0.6 and due < today
        found.append(
            Commitment(
                region=agreement.region,
                agreement=agreement,
                kind=kind,
                description=f"{text} ({MARK})",
                responsible=f"Pemerintah Provinsi {agreement.region.name}",
                due_date=due,
                status=Commitment.Status.DONE if done else Commitment.Status.IN_PROGRESS,
                done_on=due if done else None,
            )
        )
    return found
