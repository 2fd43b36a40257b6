"""Draw a card (1080 × 1350, a phone's portrait post) with Pillow: no browser involved.

Fonts are the DejaVu Sans files shipped in coverage_portal/fonts/ (also used by the PDF), so
a fresh machine needs no system font. The figures ride along as PNG text metadata
("figures", JSON), so what the card says can be read back and checked.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from coverage_portal.analysis.infographic.figures import CardFigures

SIZE = (1080, 1350)
FONTS = Path(__file__).resolve().parent.parent.parent / "fonts"
GREEN, DARK, GREY, LIGHT, WHITE = "#0b6e4f", "#1f2933", "#616e7c", "#e4e7eb", "#ffffff"
MARGIN = 72


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool = False):
    """The largest font up to `size` in which `text` fits `width` (long province names)."""
    while size > 20 and draw.textlength(text, font=_font(size, bold)) > width:
        size -= 4
    return _font(size, bold)


def draw(figures: CardFigures) -> bytes:
    image = Image.new("RGB", SIZE, WHITE)
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    pen.rectangle((0, 0, SIZE[0], 250), fill=GREEN)
    pen.text((MARGIN, 60), figures.region, font=_fit(pen, figures.region, 64, width, True),
             fill=WHITE)  # fmt: skip
    pen.text((MARGIN, 160), figures.period, font=_font(40), fill=WHITE)
    y = 300
    pen.text((MARGIN, y), _("Coverage"), font=_font(36), fill=GREY)
    pen.text((MARGIN, y + 45), figures.coverage, font=_font(120, True), fill=GREEN)
    pen.text((MARGIN, y + 190), _("%(n)s participants") % {"n": figures.participants},
             font=_font(40, True), fill=DARK)  # fmt: skip
    change = _("%(points)s points against the month before") % {"points": figures.change}
    pen.text((MARGIN, y + 250), change, font=_fit(pen, change, 32, width), fill=GREY)
    y = 640
    pen.text((MARGIN, y), _("Target: %(target)s participants · reached %(progress)s")
             % {"target": figures.target, "progress": figures.progress},
             font=_font(30), fill=DARK)  # fmt: skip
    pen.rounded_rectangle((MARGIN, y + 50, MARGIN + width, y + 90), 20, fill=LIGHT)
    if figures.progress_value is not None:
        filled = MARGIN + width * min(max(figures.progress_value, 0.0), 100.0) / 100
        pen.rounded_rectangle((MARGIN, y + 50, max(filled, MARGIN + 40), y + 90), 20, fill=GREEN)
    y = 790
    pen.text((MARGIN, y), _("Participants by category"), font=_font(34, True), fill=DARK)
    for index, (name, value) in enumerate(figures.categories[:7]):
        line = y + 60 + index * 52
        pen.text((MARGIN, line), name, font=_fit(pen, name, 32, width - 260), fill=DARK)
        pen.text((SIZE[0] - MARGIN, line), value, font=_font(32, True), fill=DARK, anchor="ra")
    pen.line((MARGIN, 1215, SIZE[0] - MARGIN, 1215), fill=LIGHT, width=3)
    footer = f"{figures.as_of} · {figures.completeness}"
    pen.text((MARGIN, 1235), footer, font=_fit(pen, footer, 28, width), fill=GREY)
    pen.text((MARGIN, 1280), _("Coverage Portal · Inpres 2/2021"), font=_font(26), fill=GREY)
    info = PngInfo()
    info.add_text("figures", json.dumps(figures.as_dict(), ensure_ascii=True))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, optimize=True)
    return buffer.getvalue()
