"""Verzoeken: search, filter and sort the requests (smooth at a million: a lazy model over the
service's ordered ids), register one, import a list, and act on the chosen one in the detail.

Search is as-you-type: a short pause after the last key starts one query on the background
worker; a result that arrives after a newer query was started is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QWidget,
)

from desktop_app.domain.errors import Cancelled, InvalidInput
from desktop_app.domain.requests import DashboardBucket, RequestStatus
from desktop_app.gui.errors import show_error
from desktop_app.gui.filedialogs import open_file_dialog
from desktop_app.gui.pages import (
    SectionPage,
    push_button,
    titled_page_layout,
    wipe_dialog,
    wrapped_label,
)
from desktop_app.gui.requests import api
from desktop_app.gui.requests.api import ListContext, NewRequest, RequestQuery, SortColumn
from desktop_app.gui.requests.detail import RequestDetail
from desktop_app.gui.requests.dialogs import RegisterRequestDialog, import_error_text
from desktop_app.gui.requests.labels import (
    BUCKET_SIGN,
    bucket_title,
    figure_text,
    status_label,
)
from desktop_app.gui.requests.models import DeadlineContext, RequestTableModel
from desktop_app.gui.tables import StretchColumn, read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services.permissions import Step, user_actions
from desktop_app.services.session import Session

SEARCH_DEBOUNCE_MS = 250
FIRST_ROWS = RequestTableModel.PAGE_SIZE
ROW_HEIGHT = 26

COLUMN_WIDTHS = {
    RequestTableModel.COL_REFERENCE: 124,
    RequestTableModel.COL_SUBJECT: 180,
    RequestTableModel.COL_DEADLINE: 92,
    RequestTableModel.COL_SIGNAL: 236,
    RequestTableModel.COL_STATUS: 200,
    RequestTableModel.COL_V_NUMBER: 104,
    RequestTableModel.COL_RECEIVED: 96,
    RequestTableModel.COL_PURPOSE: 100,
    RequestTableModel.COL_IND_REFERENCE: 130,
}


def request_table(model: RequestTableModel, parent: QWidget) -> QTableView:
    """A view that never asks for more rows than it shows: fixed row heights, fixed column
    widths (no size-to-contents over a million rows), no per-row widgets."""
    view = read_only_view(model, parent, "requestTable")
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    for column, width in COLUMN_WIDTHS.items():
        header.resizeSection(column, width)
    # The last column takes the spare width but keeps its own: the view scrolls sideways
    # rather than cut it to a letter beside the detail at 1024x700.
    last = RequestTableModel.COL_IND_REFERENCE
    StretchColumn(view, last, COLUMN_WIDTHS[last])
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorClearable(True)
    view.setSortingEnabled(True)
    return view


class RequestsPage(SectionPage):
    draft_report_requested = Signal(int)
    ids_loaded = Signal(int)  # a query's result is in the list (its size): bench and tests
    first_ids_loaded = Signal(int)  # its first rows are (before the rest of the ids)
    # From the import's worker thread (queued to this thread): rows checked, estimate or -1.
    import_progressed = Signal(int, int)

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("requestsPage", session, runner, parent)
        self.sort: SortColumn | None = None
        self.descending = False
        self.context: ListContext | None = None
        self.last_query: RequestQuery | None = None
        self.last_dialog: Any | None = None
        self._select_after: int | None = None
        self._shown_once = False
        self._first_shown = False

        layout, top = titled_page_layout(self, self.tr("Naslagverzoeken"))
        self.register_button = push_button(
            self.tr("&Nieuw verzoek…"), self, self.open_register_dialog, "registerRequestButton"
        )
        self.import_button = push_button(
            self.tr("&Importeren…"), self, self.choose_import_file, "importRequestsButton"
        )
        self.import_button.setToolTip(
            self.tr(
                "Een lijst van de IND inlezen (CSV of JSON). Eén foute rij weigert de hele lijst."
            )
        )
        self.refresh_button = push_button(self.tr("Vernieuwen"), self, self.refresh)
        intake = user_actions(session).may(Step.REGISTER_REQUEST)
        for button in (self.register_button, self.import_button):
            button.setVisible(intake)
            top.addWidget(button)
        top.addWidget(self.refresh_button)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("requestSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Zoek op naam (elk schrift), V-nummer, kenmerk of IND-kenmerk")
        )
        self.search_edit.setAccessibleName(self.tr("Zoeken"))
        search_label = QLabel(self.tr("&Zoeken"), self)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 3)
        # The search has a line of its own with the count, the filters the next one: both
        # filters as wide as their longest choice do not fit beside it at 1024x700 (issue 12).
        self.search_edit.setMinimumWidth(280)
        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        # "" as "all" (the filters below read it as no filter).
        self.status_combo.addItem(self.tr("Alle statussen"), "")
        for status in RequestStatus:
            self.status_combo.addItem(status_label(status), status)
        self.bucket_combo = QComboBox(self)
        self.bucket_combo.setObjectName("bucketFilter")
        self.bucket_combo.setAccessibleName(self.tr("Termijn"))
        self.bucket_combo.addItem(self.tr("Alle termijnen"), "")
        for bucket in DashboardBucket:
            self.bucket_combo.addItem(f"{BUCKET_SIGN[bucket]} {bucket_title(bucket)}", bucket)
        filter_row.addWidget(self.status_combo)
        filter_row.addWidget(self.bucket_combo)
        filter_row.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setMinimumWidth(130)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        layout.addLayout(filter_row)

        self.import_result = wrapped_label("", self, "importResult", selectable=True)
        self.import_result.hide()
        layout.addWidget(self.import_result)
        self.import_progress = QProgressBar(self)
        self.import_progress.setObjectName("importProgress")
        self.import_progress.setTextVisible(False)
        self.import_progress.setMaximumHeight(8)
        self.import_progress.hide()
        self._import_name = ""
        self._import_stop = threading.Event()
        self.import_stop_button = push_button(
            self.tr("Inlezen &stoppen"), self, self.stop_import, "importStopButton"
        )
        self.import_stop_button.setToolTip(
            self.tr("Stopt het inlezen; er wordt dan niets uit de lijst bewaard.")
        )
        self.import_stop_button.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.import_progress, 1)
        progress_row.addWidget(self.import_stop_button)
        layout.addLayout(progress_row)
        self.import_progressed.connect(self._show_import_progress)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        loader_session = session
        self.model = RequestTableModel(
            runner, lambda ids: api.request_page(loader_session, ids), self
        )
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.view = request_table(self.model, self.splitter)
        self.view.setAccessibleName(self.tr("Verzoeken"))
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.detail = RequestDetail(session, runner, self.splitter)
        self.detail.changed.connect(self._on_request_changed)
        self.detail.draft_report_requested.connect(self.draft_report_requested)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The detail keeps room for its labels and values (1024x700: not cut off on the right).
        self.detail.setMinimumWidth(340)
        self.splitter.setSizes([720, 400])

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.search_edit.returnPressed.connect(self.search_now)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bucket_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Back from another section (an ambtsbericht drafted, a day added): show the list as it
        # is now, where the officer left it.
        if self._shown_once and not self._debounce.isActive():
            self.refresh(keep_scroll=True)
        self._shown_once = True

    # --- querying ---------------------------------------------------------------------------

    def current_query(self) -> RequestQuery:
        status = self.status_combo.currentData()
        bucket = self.bucket_combo.currentData()
        return RequestQuery(
            status=RequestStatus(status) if status else None,
            bucket=DashboardBucket(bucket) if bucket else None,
            search=self.search_edit.text().strip(),
            sort=self.sort or SortColumn.RELEVANCE,
            descending=self.descending if self.sort is not None else False,
        )

    def search_now(self) -> None:
        self._debounce.stop()
        self.refresh()

    def refresh(self, keep_scroll: bool = False) -> None:
        self._debounce.stop()
        self._serial += 1
        serial = self._serial
        query = self.current_query()
        self.last_query = query
        session = self.session
        if not keep_scroll:
            self.count_label.setText(self.tr("bezig met zoeken…"))

        def failed(exc: BaseException) -> None:
            if serial == self._serial:
                self.count_label.setText("")
                show_error(self, exc)

        self._first_shown = False
        if not keep_scroll and not query.has_search:
            # The first screenful at once (a LIMIT query takes milliseconds even at a million
            # requests); all ids follow and extend it. A name search ranks every hit anyway,
            # so there a first page would cost as much as the whole.
            self.runner.run(
                lambda: api.first_rows(session, query, FIRST_ROWS),
                lambda result: self._on_first_ids(serial, result),
                failed,
                owner=self,
            )
        self.runner.run(
            lambda: api.list_ids_with_context(session, query),
            lambda result: self._on_ids(serial, result, keep_scroll),
            failed,
            owner=self,
        )

    def _on_first_ids(
        self, serial: int, result: tuple[Sequence[int], ListContext, Sequence[Any]]
    ) -> None:
        if serial != self._serial:
            return
        ids, context, rows = result
        self.context = context
        # With their rows: the worker is busy with the query for every id next, and a page
        # fetch would wait behind it.
        self.model.set_ids(ids, DeadlineContext(context.thresholds, context.calendar), rows)
        self.detail.context = self.model.context
        self._first_shown = True
        self.first_ids_loaded.emit(len(ids))

    def _on_ids(
        self, serial: int, result: tuple[Sequence[int], ListContext], keep_scroll: bool
    ) -> None:
        if serial != self._serial:
            return  # a newer query was started meanwhile
        ids, context = result
        self.context = context
        keep = self._select_after or self.detail.request_id
        self._select_after = None
        scroll = self.view.verticalScrollBar().value() if keep_scroll else 0
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        if self._first_shown:
            self.model.extend_ids(ids)
        else:
            self.model.set_ids(ids, DeadlineContext(context.thresholds, context.calendar))
        selection.blockSignals(False)
        self.detail.context = self.model.context
        total = len(ids)
        if total == 1:
            self.count_label.setText(self.tr("1 verzoek"))
        else:
            self.count_label.setText(self.tr("%1 verzoeken").replace("%1", figure_text(total)))
        row = None if keep is None else self.model.row_of(keep)
        if keep_scroll:
            self.view.verticalScrollBar().setValue(scroll)
        if row is not None and keep is not None:
            selection.blockSignals(True)
            self.view.selectRow(row)
            selection.blockSignals(False)
            if not keep_scroll:
                self.view.scrollTo(self.model.index(row, 0))
            self.detail.load(keep)
        elif keep is not None and not keep_scroll:
            self.detail.show_empty()
        self.ids_loaded.emit(total)

    def _on_request_changed(self, _request_id: int) -> None:
        query = self.last_query
        if query is not None and not query.has_filters and query.sort is not SortColumn.STATUS:
            # The change cannot move the request in or out of this list, nor reorder it: show
            # the rows again without re-querying (a million) ids.
            self.model.refresh_rows()
        else:
            self.refresh(keep_scroll=True)

    def _on_model_sort_requested(self, sort_value: str, descending: bool) -> None:
        sort = SortColumn(sort_value) if sort_value else None
        if sort == self.sort and descending == self.descending:
            return
        self.sort = sort
        self.descending = descending
        self.refresh()

    def _on_sort_indicator(self, section: int, _order: Qt.SortOrder) -> None:
        if section < 0 or section in RequestTableModel.SORT_COLUMNS:
            return
        # A column storage cannot order by: put the indicator back where the order is.
        QTimer.singleShot(0, self._restore_sort_indicator)

    def _restore_sort_indicator(self) -> None:
        header = self.view.horizontalHeader()
        column = -1
        for col, sort in RequestTableModel.SORT_COLUMNS.items():
            if sort == self.sort:
                column = col
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()

    def sort_by(self, column: int, descending: bool = False) -> None:
        """What a click on a column header does (tests, keyboard users via the header)."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.sortByColumn(column, order)

    def show_bucket(self, bucket: DashboardBucket | None) -> None:
        """The dashboard's tiles: show exactly the requests of one bucket."""
        for combo in (self.status_combo, self.bucket_combo):
            combo.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        index = self.bucket_combo.findData(bucket) if bucket is not None else 0
        self.bucket_combo.setCurrentIndex(max(index, 0))
        for combo in (self.status_combo, self.bucket_combo):
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.refresh()

    def open_request(self, request_id: int) -> None:
        """Show one request (from the dashboard): all filters off, that request selected."""
        self._select_after = int(request_id)
        self.show_bucket(None)

    # --- selection --------------------------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        request_id = self.model.request_id(current.row()) if current.isValid() else None
        if request_id is not None and request_id != self.detail.request_id:
            self.detail.load(request_id)

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def shown_names(self, limit: int = 50) -> list[str]:
        """The names in the first rows of the list, as the view shows them (tests)."""
        names = []
        for row in range(min(limit, self.model.rowCount())):
            value = self.model.data(self.model.index(row, RequestTableModel.COL_SUBJECT))
            names.append("" if value is None else str(value))
        return names

    # --- registering and importing ----------------------------------------------------------

    def open_register_dialog(self) -> RegisterRequestDialog:
        dialog = RegisterRequestDialog(
            self.session.clock.today(),
            None if self.context is None else self.context.calendar,
            self,
        )
        session = self.session
        if self.context is None:
            self.runner.run(
                lambda: api.load_calendar(session), dialog.set_calendar, dialog.fail, owner=dialog
            )

        def done(record: Any) -> None:
            self._select_after = int(record.id)
            self.refresh()

        self.last_dialog = dialog

        def submitted(value: object) -> None:
            new = cast(NewRequest, value)
            confirmed = dialog.confirmed_v_number == new.v_number.strip()

            def finished(result: Any) -> None:
                if isinstance(result, api.OpenWithVNumber):
                    dialog.warn_open_requests(result.v_number, result.message)
                    return
                dialog.succeed()
                done(result)

            self.runner.run(
                lambda: api.register_unless_known(session, new, confirmed=confirmed),
                finished,
                dialog.fail,
                owner=dialog,
            )

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def choose_import_file(self) -> QFileDialog:
        return open_file_dialog(
            self,
            self.tr("Lijst met verzoeken inlezen"),
            [self.tr("Lijsten van de IND (*.csv *.json)"), self.tr("Alle bestanden (*)")],
            self.start_import,
        )

    def start_import(self, filename: str) -> None:
        if not filename:
            return
        session = self.session
        path = Path(filename)
        self.import_button.setEnabled(False)
        self.import_result.setProperty("verdict", "")
        self.import_result.setText(self.tr("Bezig met inlezen van %1…").replace("%1", path.name))
        self.import_result.show()
        self._import_name = path.name
        self._import_stop = stop = threading.Event()
        self.import_progress.setRange(0, 0)  # busy until the first figures arrive
        self.import_progress.show()
        self.import_stop_button.setEnabled(True)
        self.import_stop_button.show()

        def progressed(done: int, total: int | None) -> None:
            self.import_progressed.emit(done, -1 if total is None else total)

        def done(count: int) -> None:
            self._import_finished()
            self._set_import_result(
                "ok",
                self.tr("✔ %1 verzoeken ingelezen uit %2.")
                .replace("%1", figure_text(count))
                .replace("%2", path.name),
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._import_finished()
            if isinstance(exc, Cancelled):
                self._set_import_result("", str(exc))
                return
            text = import_error_text(exc)
            self._set_import_result("bad", "✖ " + text)
            show_error(self, InvalidInput(text))

        self.runner.run(
            lambda: api.import_requests(session, path, progressed, stop.is_set),
            done,
            failed,
            owner=self,
        )

    def stop_import(self) -> None:
        """Asks the running import to stop at its next check (within about 10,000 rows)."""
        self._import_stop.set()
        self.import_stop_button.setEnabled(False)
        self.import_result.setText(self.tr("Het inlezen wordt gestopt…"))

    def _import_finished(self) -> None:
        self.import_progress.hide()
        self.import_stop_button.hide()
        self.import_button.setEnabled(True)

    def _show_import_progress(self, done: int, total: int) -> None:
        # Only while an import runs and nobody asked it to stop (not a late signal).
        if not self.import_button.isEnabled() and not self._import_stop.is_set():
            if total > 0 and done >= total:
                # Every row is read; the index build and the commit can take seconds at a
                # million rows and can no longer be stopped.
                self.import_progress.setRange(0, 0)
                self.import_stop_button.setEnabled(False)
                text = self.tr(
                    "Alle %2 rijen van %1 zijn gecontroleerd; de zoekindexen worden "
                    "bijgewerkt en alles wordt opgeslagen…"
                ).replace("%2", figure_text(done))
            elif total > 0:
                self.import_progress.setRange(0, total)
                self.import_progress.setValue(min(done, total))
                text = (
                    self.tr("Bezig met inlezen van %1… %2 van ongeveer %3 rijen gecontroleerd.")
                    .replace("%2", figure_text(done))
                    .replace("%3", figure_text(total))
                )
            else:
                text = self.tr("Bezig met inlezen van %1… %2 rijen gecontroleerd.").replace(
                    "%2", figure_text(done)
                )
            self.import_result.setText(text.replace("%1", self._import_name))

    def _set_import_result(self, verdict: str, text: str) -> None:
        self.import_result.setText(text)
        self.import_result.setProperty("verdict", verdict)
        self.import_result.style().unpolish(self.import_result)
        self.import_result.style().polish(self.import_result)
        self.import_result.show()

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """The lock: drop ids, rows, the search text (it may be a name) and every dialog."""
        self._debounce.stop()
        self.drop_pending()
        self.model.clear()
        self.detail.wipe()
        for edit in (self.search_edit,):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.count_label.clear()
        self.import_result.clear()
        self._import_stop.set()  # a running import also sees the session closing
        self.import_progress.hide()
        self.import_stop_button.hide()
        self.last_query = None
        self.context = None
        dialog, self.last_dialog = self.last_dialog, None
        wipe_dialog(dialog)
