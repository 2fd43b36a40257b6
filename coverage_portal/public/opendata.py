"""The public figures as flat rows (one per region × category), for CSV and JSON."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def licence() -> dict[str, str]:
    """The open-data licence, in the language of the request."""
    return {
        "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "url": LICENCE_URL,
        "attribution": str(_("Coverage Portal — BPJS Ketenagakerjaan and regional governments")),
    }


COLUMNS = (
    "period",
    "region_code",
    "region_name",
    "level",
    "category",
    "parent_category",
    "is_total",
    "participants",
    "unknown_reason",
    "coverage_percent",
    "denominator_kind",
    "denominator_value",
    "denominator_year",
    "regencies_reported",
    "regencies_expected",
)


def rows_of(figures: dict[str, Any]) -> list[dict[str, Any]]:
    """The total row (is_total, category empty) and one row per category of each approved
    region. A sub-group names its parent (NON_ASN → PU): it is already inside it, so the safe
    sum is of rows with no parent category and not a total."""
    lines = [figures["national"], *[p for p in figures["provinces"] if p["approved"]]]
    period = f"{figures['period']:%Y-%m}"
    parents = {c["code"]: c.get("parent", "") for c in figures["categories"]}
    rows: list[dict[str, Any]] = []
    for line in filter(None, lines):
        rows.append(_row(period, line, "", "", line["participants"], line))
        for code, participants in line["by_category"].items():
            rows.append(_row(period, line, code, parents.get(code, ""), participants, None))
            rows[-1]["unknown_reason"] = line["unknown_codes"].get(code, "")
    return rows


def _row(
    period: str,
    line: dict,
    category: str,
    parent: str,
    participants: int | None,
    total: dict | None,
) -> dict:
    """Coverage and its denominator belong to the total; category rows carry counts only."""
    denominator = (total or {}).get("denominator") or {}
    values = (
        period,
        line["code"],
        line["name"],
        line["level"],
        category,
        parent,
        total is not None,
        participants,
        total["unknown_total_code"] if total else "",
        total["coverage_percent"] if total else None,
        denominator.get("kind"),
        denominator.get("value"),
        denominator.get("year"),
        line["regencies_reported"],
        line["regencies_expected"],
    )
    return dict(zip(COLUMNS, values, strict=True))
