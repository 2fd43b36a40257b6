"""The grid form an officer's browser posts, shared by the load and fault benchmarks.

Every cell of the province's grid is filled; the first regency's values grow with each save,
so each save raises the province total by at least one, and its coverage page must show it.
"""

from __future__ import annotations

from typing import Any


def grid_form(
    account: dict[str, Any], categories: list[dict[str, Any]], n: int, version: int
) -> tuple[dict[str, str], int]:
    """The form of save number `n` and the province total (top-level categories) it makes."""
    form = {"version": str(version)}
    total = 0
    for i, regency in enumerate(account["regencies"]):
        base = 20_000 + 1_000 * i + (4 * n if i == 0 else 0)
        for category in categories:
            # Sub-categories (NON_ASN within PU, …) stay below every top-level value.
            value = base // (1 + category["pk"] % 4) if category["top"] else base // 10
            form[f"v-{regency}-{category['pk']}"] = str(value)
            total += value if category["top"] else 0
    return form, total


def thousands(n: int) -> str:
    """How the pages print a number (Indonesian: 1.234.567)."""
    return f"{n:,}".replace(",", ".")
