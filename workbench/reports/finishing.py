"""What is written on the pages once the whole report is laid out: "page 3 of 12" on
every page, and the table of contents on its page.

Both need what only the end of the layout knows (the number of pages, the page of each
heading), so the canvas keeps every page until it is saved and writes them then. The
report is laid out once: a table of contents that reportlab fills in would lay it out
twice. The contents hold on one page (the reports have a dozen headings, two levels);
if they ever did not, the second level is left out of them (the PDF's bookmarks keep
every heading).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workbench.reports.styles import ACCENT, INK, register_font

# Each level of the contents: its font size, its indent, the height of its line.
_LEVELS = ((11.0, 12.0, 17.0), (9.5, 28.0, 14.0))
_BEFORE_SECTION = 6.0  # more room above a section's line than below it
_BELOW_TITLE = 58.0  # from the top margin to the first line: the page's "Contents" title


@dataclass(frozen=True)
class Entry:
    level: int  # 0 a section, 1 a part
    text: str
    page: int
    key: str  # the bookmark it links to


@dataclass
class Finish:
    """What the layout found out: the headings' pages and the contents' page."""

    size: tuple[float, float]
    margin: float
    page_text: Callable[[int, int], str]
    entries: list[Entry] = field(default_factory=list)
    contents_page: int | None = None

    def shown_entries(self) -> list[Entry]:
        room = self.size[1] - 2 * self.margin - _BELOW_TITLE
        if sum(_LEVELS[e.level][2] + _BEFORE_SECTION for e in self.entries) <= room:
            return self.entries
        return [e for e in self.entries if e.level == 0]

    def draw_contents(self, canvas: Canvas) -> None:
        font, right = register_font(), self.size[0] - self.margin
        y = self.size[1] - self.margin - _BELOW_TITLE
        for n, entry in enumerate(self.shown_entries()):
            size, indent, height = _LEVELS[entry.level]
            if entry.level == 0 and n:
                y -= _BEFORE_SECTION
            x = self.margin + indent
            number = str(entry.page)
            canvas.setFont(font, size)
            canvas.setFillColor(INK)
            canvas.drawString(x, y, entry.text)
            canvas.drawRightString(right, y, number)
            start = x + stringWidth(entry.text, font, size) + 6
            end = right - stringWidth(number, font, size) - 6
            if end > start:  # the dotted leader
                canvas.saveState()
                canvas.setStrokeColor(ACCENT)
                canvas.setLineWidth(0.6)
                canvas.setDash(0.6, 2.4)
                canvas.line(start, y + 1, end, y + 1)
                canvas.restoreState()
            canvas.linkRect("", entry.key, (x, y - 3, right, y + size), relative=0)
            y -= height


def finishing_canvas(finish: Finish) -> type[Canvas]:
    """A canvas class that keeps its pages and writes them, finished, when saved."""

    class Finishing(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if number == finish.contents_page:
                    finish.draw_contents(self)
                self.setFont(register_font(), 8)
                self.setFillColor(ACCENT)
                self.drawRightString(
                    finish.size[0] - finish.margin,
                    finish.margin / 2,
                    finish.page_text(number, total),
                )
                super().showPage()
            super().save()

    return Finishing
