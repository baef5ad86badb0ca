"""The one search box (Ctrl+K; Ctrl+F on pages without a search of their own): problems,
causes, solutions, results, knowledge entries, improvement items, pilots and training
sessions, found as you type.

It floats over the window's pages (so it is part of the window's picture, and Esc puts
it away). Typing never waits for the database: the search runs in the background a
moment after the last key (``LatestAnswer``), a newer query cancels an older one still
running, and only the newest answer is shown. Results are grouped by kind, the matching
words highlighted in the title and the snippet; an outdated knowledge entry says so.
Enter (or a double-click) opens the record selected, or the first one; Enter on a query
that found nothing puts it on the champions' not-found list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services import Services
from workbench.services.search import SearchHit, SearchResults
from workbench.services.search_text import Snippet
from workbench.ui import labels
from workbench.ui.operations import LatestAnswer

PAUSE_MS = 150
LIMIT = 50
MARK_STYLE = "background-color:#ffd54f;font-weight:bold;"
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
CHAIN = ("cause", "solution", "result")  # opened in their problem's record


def marked_html(pieces: Snippet) -> str:
    """A snippet as HTML, each match highlighted."""
    return "".join(
        f'<span style="{MARK_STYLE}">{html.escape(t)}</span>' if hit else html.escape(t)
        for t, hit in pieces
    )


def hit_html(hit: SearchHit) -> str:
    code = f"<b>{html.escape(hit.code)}</b>&nbsp;&nbsp;" if hit.code else ""
    status = ""
    if hit.status is not None and hit.status != "published":
        colour = "#b71c1c" if hit.status == "outdated" else "#616161"
        label = html.escape(labels.choice("knowledge_status", hit.status))
        status = f'&nbsp;&nbsp;<span style="color:{colour};">[{label}]</span>'
    snippet = marked_html(hit.snippet)
    second = f'<br><span style="color:#555;">{snippet}</span>' if snippet else ""
    return f"{code}{marked_html(hit.title)}{status}{second}"


def target_of(hit: SearchHit) -> tuple[str, int]:
    """The record a hit opens: a cause, solution or result in its problem."""
    if hit.kind in CHAIN and hit.problem_id is not None:
        return "problem", hit.problem_id
    return hit.kind, hit.ref


class SearchBox(QFrame):
    openRequested = Signal(str, int)  # the kind and id of the record to open
    answered = Signal()  # results (or none) shown; tests wait for it

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("search_box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#search_box { background: palette(window); border: 2px solid #1565c0;"
            " border-radius: 6px; }"
        )
        self._services = services
        self.query = QLineEdit()
        self.query.setObjectName("search_query")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr("Search problems, causes, solutions, knowledge, training … (spaces mean AND)")
        )
        self.summary = QLabel()
        self.summary.setObjectName("search_summary")
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._open_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._latest = LatestAnswer(self, cancel_older=True)
        self._latest.answered.connect(self._show)
        self._latest.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.query.installEventFilter(self)
        self.shown: SearchResults | None = None
        self._enter_when_answered = False
        self.hide()
        parent.installEventFilter(self)

    # ---- showing --------------------------------------------------------------------
    def open(self, text: str | None = None) -> None:
        """Show the box over the window, the query selected for typing over."""
        if text is not None:
            self.query.setText(text)
        self._place()
        self.show()
        self.raise_()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        area = parent.rect()
        width = min(max(area.width() * 2 // 3, 560), area.width() - 40)
        height = max(area.height() - 120, 300)
        self.setGeometry((area.width() - width) // 2, 60, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._place()
        elif (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus()
            self._select(self._first_hit_row())
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    # ---- searching ------------------------------------------------------------------
    def search_now(self) -> None:
        """Search at once, without the pause after typing (Enter, a screenshot)."""
        self._timer.stop()
        self._search()

    def _search(self) -> None:
        query = self.query.text()
        search = self._services.search.search
        self._latest.ask(lambda progress: search(query, limit=LIMIT, progress=progress))

    def _failed(self, message: str) -> None:
        self.summary.setText(message)

    def _show(self, results: SearchResults) -> None:
        self.shown = results
        self.results.clear()
        if not results.words:
            self.summary.setText("")
        elif not results.hits:
            self.summary.setText(
                self.tr("Nothing found for “%1”. Press Enter to tell the usage champions.").replace(
                    "%1", results.query.strip()
                )
            )
        else:
            text = self.tr("Results: %1").replace("%1", str(len(results.hits)))
            if results.more:
                text += " " + self.tr("(the best of more: add a word to narrow them)")
            self.summary.setText(text)
        kind = None
        for hit in results.hits:
            if hit.kind != kind:
                kind = hit.kind
                count = sum(1 for h in results.hits if h.kind == kind)
                header = QListWidgetItem(f"{labels.choice('record_kind', kind)} ({count})")
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
                header.setForeground(QBrush(QColor("#0d47a1")))
                self.results.addItem(header)
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            label = QLabel(hit_html(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(12, 2, 4, 2)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
            width = max(self.results.viewport().width() - 8, 200)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 4))
        self.answered.emit()
        if self._enter_when_answered and results.query == self.query.text():
            self._enter()

    # ---- opening --------------------------------------------------------------------
    def _first_hit_row(self) -> int:
        for row in range(self.results.count()):
            if self.results.item(row).data(HIT_ROLE) is not None:
                return row
        return -1

    def _select(self, row: int) -> None:
        if row >= 0:
            self.results.setCurrentRow(row)

    def _enter(self) -> None:
        if self.shown is None or self.shown.query != self.query.text():
            self._enter_when_answered = True  # typed faster than the answer came
            self.search_now()
            return
        self._enter_when_answered = False
        if self.shown is not None and self.shown.words and not self.shown.hits:
            self._services.search.remember_miss(self.shown.query)
            self.summary.setText(
                QCoreApplication.translate(
                    "SearchBox", "Noted for the usage champions: “%1”."
                ).replace("%1", self.shown.query.strip())
            )
            return
        current: QListWidgetItem | None = self.results.currentItem()
        if current is None or current.data(HIT_ROLE) is None:
            row = self._first_hit_row()
            current = self.results.item(row) if row >= 0 else None
        if current is not None:
            self._open_item(current)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.hide()
            kind, record_id = target_of(hit)
            self.openRequested.emit(kind, record_id)
