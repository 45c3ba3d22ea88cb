"""Ambtsberichten: the work lists of the signed-in person as tabs (each a table) above the
detail of the chosen report. Only the lists that fit the person's role are shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from desktop_app.domain.drafts import Draft
from desktop_app.domain.reports import WorkList
from desktop_app.gui.pages import push_button, titled_page_layout
from desktop_app.gui.reports.detail import ReportDetail
from desktop_app.gui.reports.dialogs import ConfirmDialog
from desktop_app.gui.reports.labels import work_list_label
from desktop_app.gui.reports.models import ReportTableModel
from desktop_app.gui.tables import make_table, table_height
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import reports
from desktop_app.services.permissions import user_actions
from desktop_app.services.reports import ReportSummary, ReportView
from desktop_app.services.session import Session

COLUMN_CAP = 420
# The work lists show at least three rows while no report is open (four at first); with one
# open they fold down to one row when the text would otherwise get less than EDITOR_ROOM
# pixels (QA at 1024x700: about 150 were left for writing).
LIST_ROWS_AT_LEAST, LIST_ROWS_FIRST, LIST_ROWS_OPEN = 3, 4, 1
EDITOR_ROOM = 320

# The page's own look, on top of resources/styles/app.qss. Every state also has words or a sign.
PAGE_STYLE = """
QLabel#reportTitle { font-size: 12pt; font-weight: bold; color: #1f3a5f; }
QLabel#stepHint {
    background: #eef4fb; border: 1px solid #c9d9ec; border-radius: 4px; padding: 5px 8px;
}
QLabel#signatureLabel { color: #14532d; font-weight: bold; }
QWidget#warningLine { background: #fff4dc; border: 1px solid #e0a93b; border-radius: 4px; }
QLabel#warningText { color: #4a2f00; }
QLabel#problemLabel {
    color: #3b4756; background: #f1f4f7; border: 1px solid #d5dbe3; border-radius: 4px;
    padding: 5px 8px;
}
QFrame#findingFrame { background: #fbfcfd; border: 1px solid #cfd7e1; border-radius: 6px; }
QLabel#findingNumber, QLabel#fieldLabel, QLabel#sectionLabel { font-weight: bold; }
QLabel#diffSummary, QLabel#diffOldHead, QLabel#diffNewHead { font-weight: bold; }
QLabel#quoteLabel { font-style: italic; }
"""


def _table(model: ReportTableModel, parent: QWidget, name: str) -> QTableView:
    return make_table(model, parent, name, ReportTableModel.COL_TITLE, COLUMN_CAP)


class ReportsPage(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.setStyleSheet(PAGE_STYLE)
        self.session = session
        self.runner = runner
        layout, top = titled_page_layout(self, self.tr("Ambtsberichten"))
        self.new_button = push_button(
            self.tr("&Nieuw ambtsbericht…"), self, self.start_new_report, "newReportButton"
        )
        self.refresh_button = push_button(self.tr("Vernieuwen"), self, self.refresh)
        # Ctrl+F: narrow the lists to a reference or a word of the title (issue 12).
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("reportSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Kenmerk of titel"))
        self.search_edit.setAccessibleName(self.tr("Zoeken in de lijsten"))
        self.search_edit.setToolTip(self.tr("Zoeken in de lijsten (Ctrl+F)"))
        self.search_edit.setMaximumWidth(260)
        self.search_edit.textChanged.connect(lambda _text: self._apply_search())
        top.addWidget(self.search_edit)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.list_tabs = QTabWidget(self.splitter)
        self.list_tabs.setObjectName("workListTabs")
        self.work_lists = user_actions(session).work_lists
        self.models: dict[WorkList, ReportTableModel] = {}
        self.tables: dict[WorkList, QTableView] = {}
        for work_list in self.work_lists:
            model = ReportTableModel(self)
            table = _table(model, self.list_tabs, f"table_{work_list.value}")
            table.setAccessibleName(work_list_label(work_list))
            table.selectionModel().selectionChanged.connect(
                lambda selected, _deselected, wl=work_list: self._on_selected(wl, selected)
            )
            table.activated.connect(lambda index, wl=work_list: self._open_row(wl, index.row()))
            self.models[work_list] = model
            self.tables[work_list] = table
            self.list_tabs.addTab(table, work_list_label(work_list))
        self.detail = ReportDetail(session, runner, self.splitter)
        self.new_button.setVisible(self.detail.may_create)
        self.detail.changed.connect(lambda _id: self.refresh())
        self.detail.shown.connect(self._follow)
        self.splitter.addWidget(self.list_tabs)
        self.splitter.addWidget(self.detail)
        # The lists keep room for a few rows (QA at 1024x700: about one was left); the detail
        # takes the rest and what a larger window adds. With a report open the split favours
        # its text (``_arrange``); a split the person dragged is kept, per state.
        self.list_tabs.setMinimumHeight(self._list_height(LIST_ROWS_AT_LEAST))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([self._list_height(LIST_ROWS_FIRST), 600])
        self._dragged: dict[bool, int] = {}  # report open or not: the lists' height chosen
        self._arranging = False
        self.splitter.splitterMoved.connect(self._on_dragged)
        self.splitter.installEventFilter(self)
        self.detail.pages.currentChanged.connect(lambda _index: self._arrange_later())
        self.refresh()

    def _list_height(self, rows: int) -> int:
        """The height of the tabbed lists that shows ``rows`` rows under the header."""
        table = next(iter(self.tables.values()), None)
        if table is None:
            return self.list_tabs.minimumSizeHint().height()
        bar = self.list_tabs.tabBar().sizeHint().height()
        frames = 2 * table.frameWidth() + 6  # the tab page's
        return bar + table_height(table, rows) + frames

    # --- the split between the lists and the report -----------------------------------------

    @property
    def report_shown(self) -> bool:
        """A report (or a new one) is in the detail, not the placeholder."""
        return self.detail.pages.currentWidget() is self.detail.content

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._arrange_later()
        return super().eventFilter(watched, event)

    def _on_dragged(self, _pos: int, _index: int) -> None:
        if not self._arranging:
            self._dragged[self.report_shown] = self.list_tabs.height()

    def _arrange_later(self) -> None:
        """``_arrange`` once the layouts have taken in what changed (the window's size, a
        report opened or closed, its header's text)."""
        QTimer.singleShot(0, self, self._arrange)

    def _arrange(self) -> None:
        """Share the height out: no report open, the lists get their rows (at least
        three); one open, its text gets ``EDITOR_ROOM`` first and the lists fold down to
        one row if need be. A split the person dragged stands (per state), the least rows kept."""
        shown = self.report_shown
        least = self._list_height(LIST_ROWS_OPEN if shown else LIST_ROWS_AT_LEAST)
        self.list_tabs.setMinimumHeight(least)
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        lists = self._dragged.get(shown, self._list_height(LIST_ROWS_FIRST))
        if shown and shown not in self._dragged:
            layout = self.detail.content.layout()
            if layout is not None:
                layout.activate()
            text = self.detail.tabs.currentWidget() or self.detail.tabs
            head = self.detail.height() - text.height()  # the title, lines, buttons, tab bar
            lists = min(lists, total - head - EDITOR_ROOM)
        lists = max(least, lists)  # the splitter keeps the detail's own minimum
        if lists != self.list_tabs.height():
            self._arranging = True
            try:
                self.splitter.setSizes([lists, total - lists])
            finally:
                self._arranging = False

    # --- lists ------------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.session
        self.runner.run(
            lambda: reports.my_work_lists(session),
            self._on_lists,
            owner=self,
        )

    def _on_lists(self, lists: dict[WorkList, tuple[ReportSummary, ...]]) -> None:
        current = self.detail.report_id
        for index, work_list in enumerate(self.work_lists):
            rows = lists.get(work_list, ())
            table = self.tables[work_list]
            table.selectionModel().blockSignals(True)
            self.models[work_list].set_rows(rows)
            if current is not None:
                row = self.models[work_list].row_of(current)
                if row is not None:
                    table.selectRow(row)
            table.selectionModel().blockSignals(False)
            label = work_list_label(work_list)
            self.list_tabs.setTabText(index, f"{label} ({len(rows)})")
        self._apply_search()

    def _apply_search(self) -> None:
        """Hide the rows whose reference and title do not hold the search text (case apart)."""
        wanted = self.search_edit.text().strip().casefold()
        for work_list, table in self.tables.items():
            for row, summary in enumerate(self.models[work_list].rows):
                shown = f"{summary.reference} {summary.title}".casefold()
                table.setRowHidden(row, bool(wanted) and wanted not in shown)

    def _follow(self, view: ReportView) -> None:
        """The lists agree with the report shown (opened from elsewhere, put back after the
        lock, moved on by a step): its row selected where it is listed, and the tab in front
        one of the lists the service says it is in (``ReportView.work_lists``)."""
        self._arrange_later()  # its header may be taller or shorter than the last one's
        current = self.list_tabs.currentIndex()
        held = 0 <= current < len(self.work_lists) and self.work_lists[current] in view.work_lists
        if not held:  # else the list in front holds it and stays in front
            found = (i for i, w in enumerate(self.work_lists) if w in view.work_lists)
            index = next(found, None)
            if index is not None:
                self.list_tabs.setCurrentIndex(index)
        report_id = int(view.report.id)
        for work_list, table in self.tables.items():
            row = self.models[work_list].row_of(report_id)
            selection = table.selectionModel()
            selection.blockSignals(True)  # selecting here must not open the report again
            if row is None:
                table.clearSelection()
            else:
                table.selectRow(row)
            selection.blockSignals(False)
            table.viewport().update()

    def rows_of(self, work_list: WorkList) -> list[ReportSummary]:
        model = self.models.get(work_list)
        return [] if model is None else model.rows

    def _on_selected(self, work_list: WorkList, selected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._open_row(work_list, indexes[0].row())

    def _open_row(self, work_list: WorkList, row: int) -> None:
        summary = self.models[work_list].row_at(row)
        if self.detail.report_id != int(summary.id):
            self.confirm_discard(lambda: self.open_report(int(summary.id)))

    def confirm_discard(self, then: Callable[[], None]) -> ConfirmDialog | None:
        """Run ``then`` at once, or after the author agreed to drop unsaved edits."""
        if not self.detail.dirty:
            then()
            return None
        dialog = ConfirmDialog(
            self.tr("Wijzigingen niet opgeslagen"),
            self.tr("&Wijzigingen verwerpen"),
            self.tr(
                "U heeft wijzigingen die nog niet als nieuwe versie zijn opgeslagen. Als u "
                "verdergaat, gaan ze verloren."
            ),
            self,
        )

        def agreed(_: object) -> None:
            dialog.succeed()
            self.detail.dirty = False
            then()

        dialog.submitted.connect(agreed)
        dialog.open()
        return dialog

    # --- what other pages call --------------------------------------------------------------

    def open_report(self, report_id: int, version: int | None = None) -> None:
        """Show a report (e.g. from the requests page)."""
        self.detail.load(report_id, version)

    def start_new_report(self, request_id: int | None = None) -> None:
        """The editor for a new report, linked to a request or spontaneous."""
        if not self.detail.may_create:
            return

        def start() -> None:
            for table in self.tables.values():
                table.clearSelection()
            self.detail.start_new(request_id)

        self.confirm_discard(start)

    # --- drafts kept at the lock (gui.drafts.KeepsDrafts) -----------------------------------

    def has_unsaved(self) -> bool:
        return self.detail.has_unsaved

    def save_unsaved(self, then: Callable[[], None]) -> None:
        self.detail.save(then)

    def unsaved_drafts(self) -> list[Draft]:
        return self.detail.unsaved_drafts()

    def restore_draft(self, draft: Draft) -> bool:
        if not self.detail.restore_draft(draft):
            return False
        if self.detail.creating:  # a new report: in no list yet (a saved one is followed)
            for table in self.tables.values():
                table.clearSelection()
        return True

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """The lock: drop every row and every text before the widget is deleted."""
        for model in self.models.values():
            model.clear()
        for index, work_list in enumerate(self.work_lists):
            self.list_tabs.setTabText(index, work_list_label(work_list))
        self.detail.wipe()
