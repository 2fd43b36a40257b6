"""The built-in checks' switches and thresholds, read from their rule rows.

participants/entry/quality.py runs the checks; this module only says whether each is on and
with which thresholds. A missing row means the defaults, so a fresh database behaves as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext as _

from participants.rules.models import ValidationRule

Builtin = ValidationRule.Builtin

# name: (default, lowest, highest) for each built-in's thresholds.
PARAMETERS: dict[str, dict[str, tuple[float, float, float]]] = {
    Builtin.OUTLIER: {
        "mad_factor": (5.0, 0.5, 50.0),  # × 1.4826·MAD ≈ standard deviations for normal data
        "min_history": (3, 2, 12),  # fewer months than this say nothing about what is usual
        "relative_floor": (0.05, 0.0, 1.0),  # a flat series has MAD 0: tolerate ±5 % of it
        "absolute_floor": (10, 0, 1_000_000),  # and small regencies' noise of a few people
    },
    Builtin.JUMP: {
        "monthly_limit": (0.30, 0.01, 10.0),  # a stock rarely moves 30 % in one month
        "absolute_floor": (10, 0, 1_000_000),
    },
    Builtin.DROP: {},
    Builtin.WORKFORCE: {},
}


def _defaults() -> dict[str, dict[str, float]]:
    return {b: {n: d for n, (d, _lo, _hi) in p.items()} for b, p in PARAMETERS.items()}


@dataclass(frozen=True)
class Tuning:
    active: frozenset[str] = frozenset(PARAMETERS)
    values: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: {
            b: {n: d for n, (d, _lo, _hi) in p.items()} for b, p in PARAMETERS.items()
        }
    )

    def on(self, builtin: str) -> bool:
        return builtin in self.active

    def get(self, builtin: str, name: str) -> float:
        return self.values[builtin][name]


DEFAULT = Tuning()


def current_tuning() -> Tuning:
    """The switches and thresholds as the administrators left them (one query)."""
    rows = ValidationRule.objects.exclude(builtin="").values_list(
        "builtin", "is_active", "parameters"
    )
    return tuning_from(rows)


def tuning_from(rows: Iterable[tuple[str, bool, Any]]) -> Tuning:
    """The tuning the built-in rule rows (builtin, is_active, parameters) describe."""
    listed = list(rows)
    if not listed:
        return DEFAULT
    active = set(PARAMETERS)
    values = {b: dict(v) for b, v in DEFAULT.values.items()}
    for builtin, is_active, parameters in listed:
        if builtin not in PARAMETERS:
            continue
        if not is_active:
            active.discard(builtin)
        for name, value in (parameters or {}).items():
            if name in values[builtin] and isinstance(value, int | float):
                values[builtin][name] = float(value)
    return replace(DEFAULT, active=frozenset(active), values=values)


def parameter_problems(builtin: str, parameters: Any) -> list[str]:
    """What is wrong with thresholds an administrator typed, in words."""
    if not builtin:
        return [_("Only built-in checks take thresholds.")] if parameters else []
    if not isinstance(parameters, dict):
        return [_("Give the thresholds as an object of names and numbers.")]
    known = PARAMETERS.get(builtin, {})
    problems = []
    for name, value in parameters.items():
        if name not in known:
            problems.append(_("Unknown threshold “%(name)s”.") % {"name": str(name)[:40]})
            continue
        _default, low, high = known[name]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            problems.append(
                _("%(name)s must be a number from %(low)s to %(high)s.")
                % {"name": name, "low": low, "high": high}
            )
    return problems
