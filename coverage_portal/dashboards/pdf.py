"""The province report as a PDF, drawn with fpdf2 (pure Python, no system libraries).

Written in DejaVu Sans, shipped in coverage_portal/fonts/ with its licence: the PDF's
built-in fonts cover Latin-1 only and would turn "–" into "-". Categories and denominators
appear by name, never by code, and the trend table has all the months its title says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

from coverage_portal.dashboards import report
from regions.access.users import PortalUser
from regions.values.formatting import (
    format_datetime,
    format_figure,
    format_number,
    format_percent,
)

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FONT = "dejavu"
MAP_MM = (180.0, 110.0)
TREND_MM = (180.0, 40.0)
AXIS_MM = 16.0  # room left of the trend for the coverage labels


def text(value: Any) -> str:
    return str(value)


def table_height(rows: int) -> float:
    """Room a table of `rows` rows (and its header) needs: a short table is kept whole with
    its heading, a long one starts with at least a few rows."""
    return min(rows + 1, 20) * 6.5


def _hex_rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


class ReportPDF(FPDF):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))

    def heading(self, title: str, keep: float = 20.0) -> None:
        """A heading never ends a page alone: it starts a new page unless `keep` mm of what
        follows fit under it."""
        self.room_for(keep + 10)
        self.ln(3)
        self.set_font(FONT, "B", 12)
        self.cell(text=text(title), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)

    def room_for(self, height: float) -> None:
        """Drawings do not break across pages by themselves: start a new page when needed."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def line_text(self, value: str) -> None:
        self.multi_cell(0, 5, text(value), new_x="LMARGIN", new_y="NEXT")

    def grid(self, headings: list[str], rows: list[list[str]]) -> None:
        with self.table(text_align="LEFT", line_height=5) as table:
            for cells in [headings, *rows]:
                row = table.row()
                for cell in cells:
                    row.cell(text(cell))


def build(user: PortalUser, code: str, wanted: str | None) -> tuple[bytes, str]:
    data = report.context(user, code, wanted)
    region, period = data["region"], data["period"]
    pdf = ReportPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(text(f"{_('Coverage report')} {region.name}"))
    pdf.add_page()
    pdf.set_font(FONT, "B", 15)
    title = f"{_('Employment social security coverage')}: {region.name}"
    pdf.multi_cell(0, 7, text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    made = format_datetime(data["generated_at"], region)
    month = formats.date_format(period, "F Y") if period else "–"
    pdf.line_text(f"{_('Month')}: {month} · {_('Made on')} {made}")
    completeness = data.get("completeness")
    if completeness is not None and completeness.partial:
        pdf.line_text(f"{_('Partial month')}: {completeness.label}")
    if period is not None:
        _body(pdf, data)
    stem = f"laporan-{region.code}-{period:%Y-%m}" if period else f"laporan-{region.code}"
    return bytes(pdf.output()), stem


def _body(pdf: ReportPDF, data: dict[str, Any]) -> None:
    total = data["total"]
    pdf.heading(_("Headline"))
    if total is None:
        pdf.line_text(_("Not reported for this month: no regency has figures yet."))
    else:
        pdf.line_text(f"{_('Active participants')}: {format_number(total.participants)}")
        pdf.line_text(f"{_('Coverage')}: {format_percent(total.coverage_percent)}")
        reported = f"{format_number(total.regencies_reported)} / "
        pdf.line_text(
            f"{_('Regencies reported')}: {reported}{format_number(total.regencies_expected)}"
        )
    _published(pdf, data.get("published_note"))
    pdf.heading(_("Denominators used"))
    for name in data["denominators"] or [
        _("No workforce total: every coverage percentage is unknown.")
    ]:
        pdf.line_text(f"– {name}")
    _map(pdf, data)
    _categories(pdf, data["categories"])
    _trend(pdf, data)
    _regencies(pdf, data["regencies"])
    _scorecard(pdf, data.get("scorecard"))


def _published(pdf: ReportPDF, note: dict[str, Any] | None) -> None:
    if note is None:
        return
    pdf.heading(note["title"])
    for line in note["lines"]:
        pdf.line_text(line)
    pdf.line_text(f"{_('Source')}: {note['source']}")


def _map(pdf: ReportPDF, data: dict[str, Any]) -> None:
    pdf.heading(_("Coverage by regency / city"), keep=MAP_MM[1] + 4)
    left, top = pdf.l_margin, pdf.get_y() + 2
    factor = min(MAP_MM[0] / report.MAP_SIZE[0], MAP_MM[1] / report.MAP_SIZE[1])
    pdf.set_draw_color(86, 96, 107)
    pdf.set_line_width(0.1)
    for shape in data["shapes"]:
        pdf.set_fill_color(*_hex_rgb(shape.fill))
        for ring in shape.rings:
            if len(ring) >= 3:
                pdf.polygon([(left + x * factor, top + y * factor) for x, y in ring], style="DF")
    pdf.set_y(top + MAP_MM[1] + 2)
    pdf.line_text(_("Darker green = higher coverage; grey = no data."))


def _categories(pdf: ReportPDF, rows: list[Any]) -> None:
    pdf.heading(_("Participants by category"), keep=table_height(len(rows)))
    body = [
        [
            ("↳ " if not r.category.is_top_level else "") + r.category.name,
            format_figure(r.participants, getattr(r, "unknown", "")),
            format_percent(r.coverage_percent),
            r.denominator_kind.name if r.denominator_kind else "–",
        ]
        for r in rows
    ]
    pdf.grid([_("Category"), _("Participants"), _("Coverage"), _("Measured against")], body)


def _trend(pdf: ReportPDF, data: dict[str, Any]) -> None:
    axes = data["trend_axes"]
    title = _("Trend, %(first)s – %(last)s") % {"first": axes["first"], "last": axes["last"]}
    pdf.heading(title, keep=TREND_MM[1] + 10)
    left, top = pdf.l_margin + AXIS_MM, pdf.get_y() + 3
    width = TREND_MM[0] - AXIS_MM
    factor, vertical = width / report.TREND_SIZE[0], TREND_MM[1] / report.TREND_SIZE[1]
    _axes(pdf, axes, left, top, factor, vertical)
    pdf.set_draw_color(11, 110, 79)
    pdf.set_line_width(0.5)
    for segment in data["trend_segments"]:
        points = [(left + x * factor, top + y * vertical) for x, y in segment]
        if len(points) > 1:
            pdf.polyline(points)
    pdf.set_fill_color(255, 255, 255)
    for x, y in data["trend_partial_points"]:
        pdf.circle(x=left + x * factor, y=top + y * vertical, radius=0.9, style="DF")
    pdf.set_draw_color(86, 96, 107)
    pdf.set_line_width(0.2)
    with pdf.local_context(dash_pattern={"dash": 1, "gap": 1}):
        for x in data["trend_steps"]:
            pdf.line(left + x * factor, top, left + x * factor, top + TREND_MM[1])
    pdf.set_y(top + TREND_MM[1] + 7)
    pdf.line_text(_("Coverage (%) per month; a dashed line marks a new denominator."))
    body = [
        [
            formats.date_format(t.period, "M Y"),
            format_number(t.row.participants) if t.row else _("not reported"),
            format_percent(t.row.coverage_percent) if t.row else "–",
            " · ".join(note for note in (t.partial, t.denominator_note) if note),
        ]
        for t in data["trend_rows"]
    ]
    pdf.grid([_("Month"), _("Participants"), _("Coverage"), _("Note")], body)


def _axes(
    pdf: ReportPDF, axes: dict[str, Any], left: float, top: float, factor: float, vertical: float
) -> None:
    """The y axis (coverage, lowest to highest) and the x axis (months) of the trend."""
    bottom, right = top + TREND_MM[1], left + report.TREND_SIZE[0] * factor
    pdf.set_draw_color(86, 96, 107)
    pdf.set_line_width(0.2)
    pdf.line(left, top, left, bottom)
    pdf.line(left, bottom, right, bottom)
    pdf.set_font(FONT, "", 7)
    pdf.set_draw_color(221, 227, 232)
    for y, label in axes["y"]:
        pdf.line(left, top + y * vertical, right, top + y * vertical)
        pdf.set_xy(pdf.l_margin, top + y * vertical - 2)
        pdf.cell(AXIS_MM - 1, 4, text(label), align="R")
    for x, label in axes["x"]:
        pdf.set_xy(left + x * factor - 8, bottom + 1)
        pdf.cell(16, 4, text(label), align="C")
    pdf.set_font(FONT, "", 9)


def _regencies(pdf: ReportPDF, items: list[Any]) -> None:
    pdf.heading(_("Regencies and cities"), keep=table_height(len(items)))
    body = [
        [
            i.region.name,
            format_number(i.now.participants) if i.now else _("not reported"),
            format_percent(i.coverage),
            format_percent(i.progress),
        ]
        for i in items
    ]
    pdf.grid([_("Regency / city"), _("Participants"), _("Coverage"), _("Target progress")], body)


def _scorecard(pdf: ReportPDF, card: Any) -> None:
    if card is None:
        return
    pdf.heading(_("Inpres 2/2021 scorecard"), keep=table_height(len(card.criteria) + 1))
    body = [
        [c.pillar_name, c.label, c.detail, f"{format_number(c.points, 2)} / {c.max_points}"]
        for c in card.criteria
    ]
    body.append(["", _("Total"), "", f"{format_number(card.total, 2)} / 100"])
    pdf.grid([_("Pillar"), _("Criterion"), _("Finding"), _("Points")], body)
