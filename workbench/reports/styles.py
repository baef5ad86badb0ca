"""The reports' look: the embedded CJK font, paragraph styles, table styles, colours.

The font is WenQuanYi Micro Hei from resources/fonts (a TrueType collection: subfont 0 is
the proportional face), registered with reportlab as a TrueType font, so each PDF embeds
the subset of glyphs it uses and reads (and copies back as text) the same on any machine.
Chinese wraps between any two characters (wordWrap "CJK"); a paragraph without Chinese
wraps between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import LongTable, Paragraph, Table, TableStyle

from workbench.analysis.charts import colour
from workbench.paths import fonts_dir

FONT = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"
INK = colors.HexColor(colour("text"))
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor(colour("grid"))
HEADER_FILL = colors.HexColor("#E8EEF5")
ZEBRA = colors.HexColor("#F7F9FB")
GOOD = colors.HexColor(colour("met"))
BAD = colors.HexColor(colour("criterion"))
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def register_font() -> str:
    """The CJK font's name, registered with reportlab once per process."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(fonts_dir() / FONT_FILE), subfontIndex=0))
    return FONT


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle

    def para(
        self, text: str, style: ParagraphStyle | None = None, markup: bool = False
    ) -> Paragraph:
        """``text`` as a paragraph (escaped unless ``markup``), wrapping as its script does."""
        chosen = style or self.body
        if _CJK.search(text):
            chosen = _cjk(chosen)
        return Paragraph(text if markup else escape(text).replace("\n", "<br/>"), chosen)


_CJK_STYLES: dict[str, ParagraphStyle] = {}


def _cjk(style: ParagraphStyle) -> ParagraphStyle:
    found = _CJK_STYLES.get(style.name)
    if found is None:
        found = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
        _CJK_STYLES[style.name] = found
    return found


def styles(scale: float = 1.0) -> Styles:
    """The reports' paragraph styles (``scale`` shrinks every size, for the A3 sheet)."""
    font = register_font()

    def style(name: str, size: float, **more: Any) -> ParagraphStyle:
        more.setdefault("textColor", INK)
        more.setdefault("leading", size * 1.4 * scale)
        return ParagraphStyle(f"{name}-{scale}", fontName=font, fontSize=size * scale, **more)

    return Styles(
        title=style("title", 24, textColor=ACCENT, spaceAfter=14, leading=32 * scale),
        subtitle=style("subtitle", 13, spaceAfter=6),
        # a heading never ends a page: it moves on with what follows it
        h1=style("h1", 16, textColor=ACCENT, spaceBefore=4, spaceAfter=8, keepWithNext=1),
        h2=style("h2", 12, textColor=ACCENT, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        body=style("body", 9.5, spaceAfter=4),
        small=style("small", 8, textColor=colors.HexColor(colour("axis"))),
        cell=style("cell", 8.5),
        head=style("head", 8.5, textColor=ACCENT),
    )


LONG_TABLE = 60  # rows: more than a page
_PADDING = 6.0  # a table cell's left and right padding (reportlab's default)


# A word of Latin letters and figures (kept whole, with the spaces after it), or one
# character (Chinese breaks between any two).
_TOKEN = re.compile(r"[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+|.")


# Punctuation a line never starts with (it stays at the end of the line before).
_NO_LINE_START = frozenset("，。、；：！？）》」』”’%,.;:!?)")


def wrapped(text: str, style: ParagraphStyle, room: float) -> str:
    """``text`` broken into lines no wider than ``room`` in ``style``'s font: between
    words, and between any two Chinese characters."""
    lines: list[str] = []

    def width_of(part: str) -> float:
        return float(stringWidth(part, style.fontName, style.fontSize))

    for paragraph in text.split("\n"):
        line, width = "", 0.0
        tokens: list[str] = []
        for found in _TOKEN.findall(paragraph):  # a word wider than the room: by letters
            tokens += list(found) if width_of(found.strip()) > room else [found]
        for found in tokens:
            token = found
            size = width_of(token)
            if line and width + size > room and token.strip() and token[0] not in _NO_LINE_START:
                lines.append(line.rstrip())
                token = token.lstrip()
                line, width = "", 0.0
                size = width_of(token)
            line, width = line + token, width + size
        lines.append(line.rstrip())
    return "\n".join(lines)


def table(
    looks: Styles,
    header: list[str],
    rows: list[list[Any]],
    widths: list[float],
    numeric: tuple[int, ...] = (),
) -> Table:
    """A table whose header repeats on every page it runs on; text cells wrap."""

    def cell(column: int, value: Any, style: ParagraphStyle) -> Any:
        if isinstance(value, int | float) or (column in numeric and isinstance(value, str)):
            return str(value)  # a figure: one line, aligned right
        if not isinstance(value, str):
            return value
        # Text is broken into lines here and drawn as lines: a paragraph in a cell is laid
        # out again each time a long table is split, which makes long reports slow.
        return wrapped(value, style, widths[column] - 2 * _PADDING)

    body = [[cell(c, v, looks.cell) for c, v in enumerate(row)] for row in rows]
    # LongTable splits a long table page by page without measuring every row again.
    kind = LongTable if len(body) > LONG_TABLE else Table
    found = kind(
        [[wrapped(h, looks.head, widths[c] - 2 * _PADDING) for c, h in enumerate(header)], *body],
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), looks.cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), looks.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), looks.cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, 0), looks.head.textColor),
        ("TEXTCOLOR", (0, 1), (-1, -1), looks.cell.textColor),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA])]
    commands += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in numeric]
    found.setStyle(TableStyle(commands))
    return found


def grid(looks: Styles, rows: list[list[Any]], widths: list[float]) -> Table:
    """Labelled values side by side (label, value, label, value …): the labels in the
    header's colour on its fill, and no header row, so the first pair does not read as
    the columns' names."""

    def cell(column: int, value: Any) -> Any:
        style = looks.head if column % 2 == 0 else looks.cell
        return wrapped(str(value), style, widths[column] - 2 * _PADDING)

    found = Table(
        [[cell(c, v) for c, v in enumerate(row)] for row in rows],
        colWidths=widths,
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), looks.cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), looks.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), looks.cell.leading),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("TEXTCOLOR", (0, 0), (-1, -1), looks.cell.textColor)]
    for column in range(0, len(widths), 2):
        commands += [
            ("BACKGROUND", (column, 0), (column, -1), HEADER_FILL),
            ("TEXTCOLOR", (column, 0), (column, -1), looks.head.textColor),
        ]
    found.setStyle(TableStyle(commands))
    return found
