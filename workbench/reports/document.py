"""The report machinery: a report is a list of sections laid out on A4 pages.

A ``Section`` is a function of the report's facts and its ``Context`` that returns its
flowables, or None when it has nothing to show (then it is left out, and no heading or
number is spent on it). Sections start with ``context.heading(...)``: the machinery
numbers the headings of the sections that are there, lists them in the table of contents
and as PDF bookmarks. A new section (a KPI table, KPI trend charts, open alerts) is one
more function in a report's list; nothing here changes.

Every page has a header (the report's title and its scope, e.g. site and quarter) and a
footer (what it was made from and "page 3 of 12"). The PDF is written to a temporary file
beside the destination and renamed over it only once it is whole: a failed or cancelled
build leaves nothing at the destination. ``progress`` is told of each section and each
page laid out, and stops the build (``Cancelled``) when the user cancels.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
)

from workbench.reports.finishing import Entry, Finish, finishing_canvas
from workbench.reports.styles import ACCENT, RULE, Styles, styles
from workbench.services.progress import Progress, silent
from workbench.vocabulary.reports import report_text

T = TypeVar("T")
MARGIN = 18 * mm
SECTION_ROOM = 0.4  # of the page's height: less free than this, a section starts a page


@dataclass
class Context:
    """What a section needs besides the facts: the language, the styles, the headings
    so far (the machinery numbers them)."""

    language: str
    looks: Styles
    width: float  # of the text frame, in points
    numbered: list[int] = field(default_factory=list)

    def text(self, key: str, **values: Any) -> str:
        """A report text (workbench.vocabulary.reports) in the report's language."""
        return report_text(key, self.language, **values)

    def heading(self, words: str, level: int = 1) -> Flowable:
        """A section's (level 1) or a part's (level 2) heading, numbered, in the contents."""
        if level == 1:
            self.numbered.append(len(self.numbered) + 1)
            words = f"{len(self.numbered)}  {words}"
        style = self.looks.h1 if level == 1 else self.looks.h2
        found = self.looks.para(words, style)
        found.toc_level = level - 1
        found.toc_text = words
        return found


Section = Callable[[T, Context], "list[Flowable] | None"]


@dataclass(frozen=True)
class Report(Generic[T]):
    """A report: its cover (no heading, no number), its sections in order, and the words
    of its pages' header and footer."""

    cover: Section[T]
    sections: Sequence[Section[T]]
    header: Callable[[T, Context], str]
    footer: Callable[[T, Context], str]
    contents: bool = True
    page_size: tuple[float, float] = A4


class _Document(BaseDocTemplate):
    def __init__(self, path: str, progress: Progress, finish: Finish, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._progress = progress
        self._finish = finish
        self._laid = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        self._laid += 1
        if self._laid % 50 == 0:
            self._progress.check()
        if getattr(flowable, "contents_title", False):
            self._finish.contents_page = self.page
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        key = f"h{self.seq.nextf('heading')}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.toc_text, key, level=level, closed=level > 0)
        self._finish.entries.append(Entry(level, flowable.toc_text, self.page, key))


def build(
    report: Report[T], facts: T, path: Path, language: str, progress: Progress | None = None
) -> int:
    """Write ``report`` of ``facts`` to ``path`` (PDF); returns its number of pages.

    OSError when the destination cannot be written (its folder missing or read-only);
    Cancelled when ``progress`` is cancelled. Either way nothing is left at ``path``."""
    progress = progress or silent()
    folder = path.resolve().parent
    if not folder.is_dir():
        raise OSError(f"cannot write {path}: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    os.close(handle)
    try:
        pages = _write(report, facts, temporary, language, progress)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return pages


def _write(report: Report[T], facts: T, path: str, language: str, progress: Progress) -> int:
    looks = styles()
    size = report.page_size
    width = size[0] - 2 * MARGIN
    context = Context(language, looks, width)
    story: list[Flowable] = list(report.cover(facts, context) or [])
    if report.contents:  # its lines are written on this page at the end (finishing.py)
        title = looks.para(context.text("contents"), looks.h1)
        title.contents_title = True
        story += [title, PageBreak()]
    steps = len(report.sections) + 2
    for number, section in enumerate(report.sections, start=1):
        progress.report(number, steps, "sections")
        found = section(facts, context)
        if found and len(found) == 1 and isinstance(found[0], KeepTogether):
            story += found  # a short section: it moves to the next page only if it must
        elif found:
            # A section starts on a new page unless most of this one is still free.
            story += [CondPageBreak(size[1] * SECTION_ROOM), *found]
    header, footer = report.header(facts, context), report.footer(facts, context)

    def frame_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(looks.body.fontName, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, size[1] - MARGIN / 2 - 4, header)
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, size[1] - MARGIN + 4, size[0] - MARGIN, size[1] - MARGIN + 4)
        canvas.line(MARGIN, MARGIN - 2, size[0] - MARGIN, MARGIN - 2)
        canvas.drawString(MARGIN, MARGIN / 2, footer)
        canvas.restoreState()

    def page_text(number: int, total: int) -> str:
        return context.text("page_of", page=number, pages=total)

    finish = Finish(size, MARGIN, page_text)
    document = _Document(
        path,
        progress,
        finish,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=header,
        author=footer,
        creator="Governance Workbench",
        initialFontName=looks.body.fontName,  # else each page names Helvetica, not embedded
    )
    body = Frame(MARGIN, MARGIN, width, size[1] - 2 * MARGIN, id="body")
    document.addPageTemplates([PageTemplate("page", [body], onPage=frame_page)])
    progress.report(steps - 1, steps, "layout")
    document.build(story, canvasmaker=finishing_canvas(finish))
    progress.report(steps, steps, "layout")
    return int(document.page)
