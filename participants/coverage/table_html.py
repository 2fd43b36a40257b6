"""The coverage table's body rows as HTML, written in Python rather than by the template.

A province's table has a cell for each region × category (~40 × 20): an include and a filter
for each cell made Django's template engine most of the page's time under month-end load.
These rows are the HTML the template wrote, with the same formats (regions.values.formatting,
the `angka` and `persen` filters' functions) and words; every value passes through
`format_html` or `escape`, so a region or category name is shown as text, never as markup.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format, localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from participants.coverage.completeness import PARTIAL
from participants.coverage.progress import Progress
from participants.coverage.tables import CoverageLine, CoverageTable, Figure
from regions.values.formatting import UNKNOWN, format_number, format_percent

# Only last month's note has a test id, as on the page before its rows were written here.
MONTH_NOTE = '<small class="structure-change" data-testid="structure-changed">{}</small>'
YEAR_NOTE = '<small class="structure-change">{}</small>'
PARTIAL_SUM = '<small class="partial-sum" data-testid="partial-sum">{}</small>'


def body_rows(table: CoverageTable) -> SafeString:
    """Every row of the table's body; one that says so when the user's scope has none."""
    if not table.lines:
        return format_html(
            '<tr><td colspan="{}">{}</td></tr>',
            _columns(table),
            _("No coverage figures for this month in your scope."),
        )
    period = date_format(table.period, "Y-m")
    linked = table.parent is None
    return format_html_join("", "{}", ((_row(line, linked, period),) for line in table.lines))


def _columns(table: CoverageTable) -> int:
    """The head's columns: the region, one per category, total, coverage, two changes, target
    progress, reported and approved."""
    return 1 + len(table.categories) + 7


def _row(line: CoverageLine, linked: bool, period: str) -> SafeString:
    return format_html(
        '<tr data-region="{}"><td>{}</td>{}{}<td class="num">{}</td><td class="num">{}</td>'
        '<td class="num">{}</td><td class="num">{}</td><td>{}</td></tr>',
        line.region.code,
        _region(line, period) if linked else line.region.name,
        format_html_join(
            "", '<td class="num">{}</td>', ((_figure(f),) for f in line.category_cells)
        ),
        _total(line),
        _change(line.month_note, line.month_change, MONTH_NOTE),
        _change(line.year_note, line.year_change),
        _progress(line.progress),
        _reported(line),
        "✓" if line.total.all_approved else "–",
    )


def _region(line: CoverageLine, period: str) -> SafeString:
    """The province's name, a link to its regencies in the same month."""
    url = reverse("coverage:province", args=[line.region.code])
    return format_html('<a href="{}?period={}">{}</a>', url, period, line.region.name)


def _figure(figure: Figure) -> str:
    """A category's number, or a dash with why it is unknown (never 0); a partial sum says so."""
    if figure.reason:
        return format_html(
            '<span class="nodata" data-testid="unknown" title="{}">{}</span>'
            '<br><small class="nodata">{}</small>',
            figure.reason,
            UNKNOWN,
            figure.reason,
        )
    if figure.partial:
        return format_html("{}<br>" + PARTIAL_SUM, format_number(figure.value), figure.partial)
    # Plain text: the cell's format_html escapes it.
    return format_number(figure.value)


def _total(line: CoverageLine) -> SafeString:
    if line.reported:
        return format_html(
            '<td class="num total">{}</td><td class="num coverage">{}</td>',
            format_number(line.total.participants),
            format_percent(line.total.coverage_percent),
        )
    return format_html(
        '<td class="num total"><span class="nodata" data-testid="not-reported">{}</span></td>'
        '<td class="num coverage">{}</td>',
        _("not reported"),
        UNKNOWN,
    )


def _change(note: str, change: int | None, shown: str = YEAR_NOTE) -> str:
    """The change against another month, or why there is none (the regions changed)."""
    return format_html(shown, note) if note else format_number(change)


def _progress(progress: Progress | None) -> str:
    """How far towards the target, and when it is reached at this pace."""
    if progress is None:
        return UNKNOWN
    percent = format_percent(progress.progress_percent)
    if progress.reached:
        return f"{percent} ✓"
    if progress.reached_in:
        when = date_format(progress.reached_in, "M Y")
        return format_html("{}<br><small>{} {}</small>", percent, _("reached"), when)
    return format_html("{}<br><small>{}</small>", percent, _("not at this pace"))


def _reported(line: CoverageLine) -> SafeString:
    """Regencies with figures of those expected; whether the province's report is still out
    and which figures a known total leaves out."""
    notes = []
    if line.reported and line.status == PARTIAL:
        notes.append(format_html("<br><small>{}</small>", _("report not yet submitted")))
    partial = line.total_partial
    if partial:
        notes.append(format_html("<br>" + PARTIAL_SUM, partial))
    return format_html(
        "{}/{}{}",
        localize(line.total.regencies_reported),
        localize(line.total.regencies_expected),
        format_html_join("", "{}", ((note,) for note in notes)),
    )
