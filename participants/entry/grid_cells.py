"""The grid's cells as HTML, built in one pass per request.

A province month is up to ~200 cells of a dozen attributes each; through the template engine
that was ~12.000 variable look-ups (a regency's and a category's name resolved, and the
category's name translated, four times a cell) and most of a save's time. Here every label,
translated text and name is escaped once, per row or per category, and each cell is one
f-string. The markup is exactly what `grid_form.html` drew before (its tests and the browser
tests read it), so keep the two in step: the row header and everything around the cells stay
in the template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from participants.counts.models import Category
    from participants.entry.selectors import Grid
    from regions.models import Region

BREAK = "\n        "  # the template's indentation between a cell's parts


def _e(value: str) -> str:
    return str(conditional_escape(value))


@dataclass(frozen=True)
class GridCell:
    name: str  # the inputs' suffix, `<region>-<category>`
    category: Category
    text: str
    number: int | None
    reason: str
    hint: str  # last month's value, shown greyed
    change: str  # against last month, e.g. "+4,2%"
    errors: list[str]
    warnings: list[str]
    stored: bool


@dataclass(frozen=True)
class GridRow:
    regency: Region
    cells: list[GridCell]


@dataclass(frozen=True)
class _Texts:
    """The cells' fixed words in the active language, escaped once."""

    history: str
    no_data: str
    no_data_lower: str
    reason: str
    change: str
    last: str
    history_url: str

    @classmethod
    def current(cls, grid: Grid, period_text: str) -> _Texts:
        url = reverse("participants:report-history", args=[grid.province.code, period_text])
        return cls(
            history=_e(_("History of this value")),
            no_data=_e(_("No data")),
            no_data_lower=_e(_("no data")),
            reason=_e(_("Reason for no data")),
            change=_e(_("Change against last month")),
            last=_e(_("Last month")),
            history_url=_e(url),
        )


def rows_with_cells(
    grid: Grid, rows: Sequence[GridRow], period_text: str
) -> list[tuple[GridRow, SafeString]]:
    """Each row beside the HTML of its cells."""
    texts = _Texts.current(grid, period_text)
    categories = {c.pk: (_e(c.code), _e(c.name)) for c in grid.categories}
    out = []
    for r, row in enumerate(rows):
        code, name = _e(row.regency.code), _e(row.regency.name)
        html = "".join(
            _cell(cell, r, col, code, name, categories[cell.category.pk], grid.editable, texts)
            for col, cell in enumerate(row.cells)
        )
        out.append((row, mark_safe(html)))  # every value in it was escaped above
    return out


def warning_items(grid: Grid, rows: Sequence[GridRow]) -> SafeString:
    """The workflow panel's list of the cells with a warning, in reading order, as its `<li>`
    items: a save that moves a whole month can warn on every cell, and the template drew each
    item from six look-ups."""
    prefix = "v" if grid.editable else "cell"
    names = {c.pk: _e(c.name) for c in grid.categories}
    items = [
        f'<li><a href="#{prefix}-{c.name}" data-focus="{prefix}-{c.name}"'
        f' data-testid="warning-link">{_e(row.regency.name)} · {names[c.category.pk]}</a>:'
        f" {' '.join(_e(w) for w in c.warnings)}</li>"
        for row in rows
        for c in row.cells
        if c.warnings
    ]
    return mark_safe("".join(items))  # every value in it was escaped above


def _cell(
    c: GridCell,
    r: int,
    col: int,
    regency_code: str,
    regency_name: str,
    category: tuple[str, str],
    editable: bool,
    t: _Texts,
) -> str:
    category_code, category_name = category
    label = f"{regency_name} · {category_name}"
    state = " has-error" if c.errors else " has-warning" if c.warnings else ""
    head = (
        f'\n        <td class="cell{state}" data-testid="cell-{regency_code}-{category_code}"'
        f' id="cell-{c.name}">{BREAK}'
    )
    value = _input(c, r, col, label, t) if editable else _text(c, t)
    change = f'<span class="delta" title="{t.change}">{_e(c.change)}</span>' if c.change else ""
    audit = _audit(regency_code, category_code, label, editable, t) if c.stored else ""
    errors = (
        f'<div class="error" data-testid="error" id="e-{c.name}">'
        + "<br>".join(_e(e) for e in c.errors)
        + "</div>"
        if c.errors
        else ""
    )
    warnings = (
        f'<div class="warnings" id="w-{c.name}">'
        + "".join(f'<div class="warning" data-testid="warning">{_e(w)}</div>' for w in c.warnings)
        + "</div>"
        if c.warnings
        else ""
    )
    return BREAK.join((head + value, change, audit, errors, warnings, "</td>\n      "))


def _input(c: GridCell, r: int, col: int, label: str, t: _Texts) -> str:
    hint = _e(c.hint)
    aria = f"{label} ({t.last}: {hint})" if c.hint else label
    invalid = ' aria-invalid="true"' if c.errors else ""
    ids = [f"e-{c.name}"] * bool(c.errors) + [f"w-{c.name}"] * bool(c.warnings)
    described = f' aria-describedby="{" ".join(ids)}"' if ids else ""
    opened = " open" if c.reason else ""
    return (
        f'\n          <input class="num value" id="v-{c.name}" name="v-{c.name}"'
        f' value="{_e(c.text)}" placeholder="{hint}" inputmode="numeric" autocomplete="off"'
        f'\n                 data-row="{r}" data-col="{col}" aria-label="{aria}"'
        f"{invalid}{described}>"
        f'\n          <details class="nodata"{opened}><summary title="{t.no_data}"'
        f' aria-label="{t.no_data}: {label}">∅</summary>'
        f'\n            <input name="r-{c.name}" value="{_e(c.reason)}" placeholder="{t.reason}"'
        f' aria-label="{t.reason}: {label}"></details>{BREAK}'
    )


def _text(c: GridCell, t: _Texts) -> str:
    if c.reason and not c.text:
        shown = f'<em title="{_e(c.reason)}">{t.no_data_lower}</em>'
    else:
        shown = _e(c.text) if c.text else "–"
    return f'\n          <span class="num value-text">{shown}</span>{BREAK}'


def _audit(regency_code: str, category_code: str, label: str, editable: bool, t: _Texts) -> str:
    url = f"{t.history_url}{regency_code}/{category_code}/"
    keys = ' tabindex="-1" aria-keyshortcuts="Alt+Shift+H"' if editable else ""
    return (
        f'<a class="audit"{keys} href="{url}" hx-get="{url}" hx-target="#cell-history"'
        f' hx-swap="innerHTML" aria-label="{t.history}: {label}" title="{t.history}">⟲</a>'
    )
