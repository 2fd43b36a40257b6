"""Codes on the wire (Kemendagri region codes, category codes) → database ids, in bulk."""

from __future__ import annotations

from collections.abc import Iterable

from participants.entry.models import Category
from regions.models import Region


def regency_ids(codes: Iterable[str]) -> dict[str, int]:
    """Regencies only: counts are entered per regency (kabupaten/kota), never per province."""
    wanted = set(codes)
    rows = Region.objects.regencies().filter(code__in=wanted).values_list("code", "pk")
    return dict(rows)


def category_ids(codes: Iterable[str]) -> dict[str, int]:
    rows = Category.objects.filter(code__in=set(codes)).values_list("code", "pk")
    return dict(rows)
