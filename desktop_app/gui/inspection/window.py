"""The inspection window (inzage, art. 2.5): full screen and frameless, the permitted items on
the left, the item in a read-only viewer, the inspector's notes on the right, and a watermark
with the inspector's name and the time over everything.

Nothing leaves it: no copy, cut, select-all, print, save, drag or context menu (``CopyGuard``);
the content is hidden the moment the window loses focus or the application goes to the
background; idle time (the session's own setting, default 10 minutes, measured with the
injected clock) ends the session. Every rule is enforced by ``services.inspections`` as well:
the window only shows what ``open_item`` hands it. Every service call goes through the
TaskRunner (items can be large PDFs, and no database work runs on the GUI thread).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timefmt
from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import (
    AppError,
    InvalidInput,
    InvalidState,
    Involved,
    NotDesignated,
    SessionLocked,
    WrongLocation,
)
from desktop_app.domain.inspection import NOTES_MAX_LENGTH, idle_expired
from desktop_app.gui.dialogs import FormDialog
from desktop_app.gui.errors import message_for
from desktop_app.gui.inspection.guard import CopyGuard
from desktop_app.gui.inspection.viewers import ItemViewer
from desktop_app.gui.inspection.watermark import WatermarkOverlay, watermark_text
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import inspections
from desktop_app.services.inspections import (
    InspectionItemView,
    InspectionRecordView,
    StartedInspection,
)
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

TICK_MS = 1000
SIDE_WIDTH = 300  # the item list and the notes, on a screen wide enough
SIDE_MIN_WIDTH = 200
IDLE_WARNING = dt.timedelta(minutes=1)  # warned this long before idle time ends the session
TOUCH_INTERVAL = inspections.ACTIVITY_INTERVAL
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
# Refusals that mean the right to inspect is gone (AUTHZ-3): no further item is opened.
ACCESS_GONE = (Involved, NotDesignated, WrongLocation)


def _safe_notes(text: str) -> str:
    """What the service accepts for notes: no control characters, not too long."""
    cleaned = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return cleaned[:NOTES_MAX_LENGTH]


class InspectionWindow(QWidget):
    """Create it with ``open_inspection_window``; it runs one started inspection session."""

    ended = Signal(object)  # the InspectionRecordView, or None when it could not be recorded

    def __init__(
        self,
        session: Session,
        started: StartedInspection,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.session = session
        self.started = started
        self.runner = runner
        self.clock: Clock = clock or session.clock
        self.record: InspectionRecordView | None = None
        self.current_item: InspectionItemView | None = None
        self._ended = False
        self._ending = False
        self._covered = False
        now = self.clock.now()
        self._last_activity = now
        self._last_touch_sent = now
        self._request = 0
        self._awaiting: int | None = None

        self.setObjectName("inspectionWindow")
        self.setWindowTitle(
            self.tr("Inzage onderliggende gegevens — %1").replace("%1", started.report_reference)
        )
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._build()
        for widget in self.findChildren(QWidget):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            widget.setAcceptDrops(False)

        self.guard = CopyGuard(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        app.installEventFilter(self.guard)
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._on_app_state_changed)

        self.watermark.set_text(watermark_text(started.inspector_full_name, now))
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.content = QWidget(self)
        self.content.setObjectName("inspectionContent")
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.content)
        outer = QVBoxLayout(self.content)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        header = QHBoxLayout()
        title = QLabel(
            self.tr("Inzage onderliggende gegevens — %1").replace(
                "%1", self.started.report_reference
            ),
            self.content,
        )
        title.setObjectName("inspectionTitle")
        bold = QFont(title.font())
        bold.setPointSizeF(bold.pointSizeF() * 1.3)
        bold.setBold(True)
        title.setFont(bold)
        title.setWordWrap(True)
        header.addWidget(title, 1)
        self.end_button = push_button(
            self.tr("&Inzage beëindigen…"),
            self.content,
            self._on_end_clicked,
            "endInspectionButton",
        )
        header.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        # Who and the designation on a line of their own, wrapping: in one row with the title
        # they made the window wider than a 1024 screen, the end button and the notes off it.
        about = QHBoxLayout()
        about.setSpacing(4)
        who = QLabel(
            self.tr("Inzage door %1").replace("%1", self.started.inspector_full_name), self.content
        )
        who.setObjectName("inspectorLabel")
        about.addWidget(who, 0, Qt.AlignmentFlag.AlignTop)
        self.designation_label = wrapped_label(
            self._designation_text(), self.content, "designationLabel"
        )
        about.addWidget(self.designation_label, 1)
        outer.addLayout(about)
        # A minute before idle time ends the session (issue 12): what to do to go on.
        self.idle_warning = wrapped_label("", self.content, "idleWarning")
        self.idle_warning.setStyleSheet(
            "background: #fff4dc; border: 1px solid #e0a93b; border-radius: 4px;"
            " padding: 6px 10px; color: #4a2f00; font-weight: bold;"
        )
        self.idle_warning.hide()
        outer.addWidget(self.idle_warning)

        body = QHBoxLayout()
        body.setSpacing(12)
        left = QVBoxLayout()
        items_label = QLabel(self.tr("Items die u mag inzien"), self.content)
        left.addWidget(items_label)
        self.item_list = QListWidget(self.content)
        self.item_list.setObjectName("itemList")
        self.item_list.setAccessibleName(self.tr("Items"))
        self.item_list.setDragEnabled(False)
        self.item_list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.item_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.item_list.setWordWrap(True)
        self.item_list.setFixedWidth(SIDE_MIN_WIDTH)  # resizeEvent widens it
        self.item_list.setSpacing(3)
        self.item_list.setAlternatingRowColors(True)
        for item in self.started.items:
            entry = QListWidgetItem(self._item_label(item), self.item_list)
            entry.setData(Qt.ItemDataRole.UserRole, int(item.id))
            entry.setToolTip(item.title)
        if not self.started.items:
            items_label.setText(self.tr("Er zijn geen items die u mag inzien."))
        self.item_list.currentRowChanged.connect(self._on_row_changed)
        left.addWidget(self.item_list, 1)
        body.addLayout(left)

        middle = QVBoxLayout()
        self.marking_top = QLabel(self.content)
        self.marking_top.setObjectName("markingTop")
        self.marking_top.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item_title = wrapped_label("", self.content, "itemTitle")
        title_font = QFont(self.item_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.item_title.setFont(title_font)
        self.item_header = wrapped_label("", self.content, "itemHeader")
        self.viewer = ItemViewer(self.content)
        self.marking_bottom = QLabel(self.content)
        self.marking_bottom.setObjectName("markingBottom")
        self.marking_bottom.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.marking_top, self.marking_bottom):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
            label.setStyleSheet("color: #a00000;")
        middle.addWidget(self.marking_top)
        middle.addWidget(self.item_title)
        middle.addWidget(self.item_header)
        middle.addWidget(self.viewer, 1)
        middle.addWidget(self.marking_bottom)
        body.addLayout(middle, 1)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Uw aantekeningen"), self.content))
        self.notes = QPlainTextEdit(self.content)
        self.notes.setObjectName("inspectionNotes")
        self.notes.setAccessibleName(self.tr("Uw aantekeningen"))
        self.notes.setPlaceholderText(
            self.tr(
                "Aantekeningen worden bij de inzagesessie bewaard en komen in het verslag van "
                "inzage."
            )
        )
        self.notes.setFixedWidth(SIDE_MIN_WIDTH)
        self.notes.textChanged.connect(self._on_notes_changed)
        right.addWidget(self.notes, 1)
        body.addLayout(right)
        outer.addLayout(body, 1)

        if self.started.idle_minutes == 1:
            rules = self.tr(
                "Kopiëren, afdrukken en opslaan zijn in dit venster niet mogelijk. De inzage "
                "eindigt na 1 minuut zonder activiteit."
            )
        else:
            rules = self.tr(
                "Kopiëren, afdrukken en opslaan zijn in dit venster niet mogelijk. De inzage "
                "eindigt na %1 minuten zonder activiteit."
            ).replace("%1", str(self.started.idle_minutes))
        self.status = wrapped_label(rules, self.content, "inspectionStatus")
        outer.addWidget(self.status)

        self.cover = QLabel(
            self.tr(
                "Inhoud verborgen\n\nHet inzagevenster is niet actief. Klik in dit venster om "
                "verder te gaan."
            ),
            self,
        )
        self.cover.setObjectName("contentCover")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setAutoFillBackground(True)
        self.cover.hide()
        self.watermark = WatermarkOverlay(self)
        self.watermark.raise_()
        # Titles, notes and messages are data: never let Qt read them as rich text.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)

    def _designation_text(self) -> str:
        started = self.started
        if not started.designation_ref:
            return ""
        if started.designation_until is None:
            return self.tr("· aanwijzing %1, zonder einddatum").replace(
                "%1", started.designation_ref
            )
        return (
            self.tr("· aanwijzing %1, geldig tot en met %2")
            .replace("%1", started.designation_ref)
            .replace("%2", timefmt.shown_prose_date(started.designation_until))
        )

    def _item_label(self, item: InspectionItemView) -> str:
        kind = (
            self.tr("kan niet worden weergegeven")
            if not item.displayable
            else {
                "text": self.tr("tekstnotitie"),
                "pdf": self.tr("PDF-document"),
                "image": self.tr("afbeelding"),
            }.get(item.kind.value, item.kind.value)
        )
        return f"{item.title}\n{item.classification.marking} · {kind}"

    # --- geometry and focus ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The side panes give way on a small screen so the item keeps half the width.
        side = max(SIDE_MIN_WIDTH, min(SIDE_WIDTH, self.width() // 5))
        self.item_list.setFixedWidth(side)
        self.notes.setFixedWidth(side)
        self.cover.setGeometry(self.rect())
        self.watermark.setGeometry(self.rect())
        self.watermark.raise_()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.WindowDeactivate:
            self.hide_content()
        elif kind == QEvent.Type.WindowActivate:
            self.reveal_content()
        elif kind == QEvent.Type.WindowStateChange and self.isMinimized():
            self.hide_content()
        return super().event(event)

    def _on_app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.hide_content()

    @property
    def content_hidden(self) -> bool:
        return self._covered

    def hide_content(self) -> None:
        """The window lost focus: nothing of the content stays on screen."""
        if self._covered:
            return
        self._covered = True
        self.content.hide()
        self.cover.setGeometry(self.rect())
        self.cover.show()
        self.cover.raise_()
        self.watermark.raise_()

    def reveal_content(self) -> None:
        if not self._covered or self._ended:
            return
        self._covered = False
        self.cover.hide()
        self.content.show()
        self.watermark.raise_()

    # --- activity and idle ------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and isinstance(obj, QWidget) and obj.window() is self:
            self.register_activity()
        return False

    def register_activity(self) -> None:
        if self._ended:
            return
        now = self.clock.now()
        if now > self._last_activity:
            self._last_activity = now
        self._show_idle_warning(now)
        if now - self._last_touch_sent >= TOUCH_INTERVAL:
            self._last_touch_sent = now
            session, sid = self.session, self.started.id
            self.runner.run(
                lambda: inspections.touch(session, sid), None, self._on_failed, owner=self
            )

    def idle_remaining(self) -> dt.timedelta:
        deadline = self._last_activity + dt.timedelta(minutes=self.started.idle_minutes)
        return max(dt.timedelta(0), deadline - self.clock.now())

    def tick(self) -> None:
        """Every second (and from the tests): the watermark's time, the lock, idle time."""
        if self._ended:
            return
        if not self.session.is_open:  # the workstation locked: the content must go now
            self._finish(None)
            return
        now = self.clock.now()
        self.watermark.set_text(watermark_text(self.started.inspector_full_name, now))
        if idle_expired(self._last_activity, now, self.started.idle_minutes):
            self.end_inspection()
            return
        self._show_idle_warning(now)

    def _show_idle_warning(self, now: dt.datetime) -> None:
        deadline = self._last_activity + dt.timedelta(minutes=self.started.idle_minutes)
        left = deadline - now
        if dt.timedelta(0) < left <= IDLE_WARNING:
            seconds = max(1, int(left.total_seconds()))
            # The last second reads "1 seconde", not "1 seconden" (a source of its own).
            if seconds == 1:
                text = self.tr(
                    "Let op: de inzage eindigt over 1 seconde omdat er niets gebeurt. Beweeg "
                    "de muis of druk op een toets om verder te gaan."
                )
            else:
                text = self.tr(
                    "Let op: de inzage eindigt over %1 seconden omdat er niets gebeurt. Beweeg "
                    "de muis of druk op een toets om verder te gaan."
                ).replace("%1", str(seconds))
            self.idle_warning.setText(text)
            self.idle_warning.show()
        else:
            self.idle_warning.hide()

    @property
    def idle_warning_shown(self) -> bool:
        return not self.idle_warning.isHidden()

    # --- items ------------------------------------------------------------------------------

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.started.items):
            self.open_item(self.started.items[row])

    def select_item(self, item_id: int) -> None:
        """Select an item in the list as the inspector would (opens it)."""
        for row in range(self.item_list.count()):
            if self.item_list.item(row).data(Qt.ItemDataRole.UserRole) == int(item_id):
                self.item_list.setCurrentRow(row)
                return
        raise KeyError(item_id)

    def open_item(self, item: InspectionItemView) -> None:
        if self._ended:
            return
        self._show_header(item)
        self._request += 1
        request = self._request
        if not item.displayable:
            self._awaiting = None
            self._close_current()
            self.viewer.show_message(self.tr("Dit bestand kan niet worden weergegeven."))
            return
        self._awaiting = request
        self.viewer.show_message(self.tr("Bezig met openen…"))

        def done(data: bytes) -> None:
            if self._ended:
                return
            self.current_item = item  # the service has this item open now
            if request != self._request:
                # The inspector moved on while it opened (background runner). If nothing else
                # is on its way, stop this item's viewing time; otherwise the next open
                # switches over in the session log.
                if self._awaiting is None:
                    self._close_current()
                return
            self._awaiting = None
            self.viewer.show_content(item.kind, data)

        def fail(exc: BaseException) -> None:
            if request == self._request:
                self._awaiting = None
                self._on_open_failed(exc)

        session, sid = self.session, self.started.id
        self.runner.run(
            lambda: inspections.open_item(session, sid, item.id), done, fail, owner=self
        )

    def _show_header(self, item: InspectionItemView) -> None:
        marking = item.classification.marking
        self.marking_top.setText(marking)
        self.marking_bottom.setText(marking)
        self.item_title.setText(item.title)
        details = []
        if item.source_note:
            details.append(self.tr("Bron: %1").replace("%1", item.source_note))
        if item.data_date is not None:
            details.append(
                self.tr("Datum gegevens: %1").replace("%1", item.data_date.strftime("%d-%m-%Y"))
            )
        self.item_header.setText(" · ".join(details))
        self.item_header.setVisible(bool(details))

    def _close_current(self) -> None:
        if self.current_item is None:
            return
        item, self.current_item = self.current_item, None
        session, sid = self.session, self.started.id

        def failed(exc: BaseException) -> None:
            log.info("closing an item failed: %s", getattr(exc, "code", type(exc).__name__))

        # The serial worker keeps the order: this item is closed before the next one opens.
        self.runner.run(lambda: inspections.close_item(session, sid, item.id), None, failed)

    def _on_open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ACCESS_GONE):
            # AUTHZ-3: the right to inspect is gone; show why, open nothing more.
            self._close_current()
            self.item_list.setEnabled(False)
            self.viewer.show_message(exc.message)
            return
        if isinstance(exc, InvalidState | SessionLocked):
            self._on_service_error(exc)
            if not self._ended:
                self.viewer.show_message(message_for(exc))
            return
        self.viewer.show_message(message_for(exc))

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self._on_service_error(exc)
        else:
            log.error("an inspection call failed unexpectedly (%s)", type(exc).__name__)

    def _on_service_error(self, exc: AppError) -> None:
        """The service says the session is over (idle, ended, locked): end here too."""
        if isinstance(exc, SessionLocked):
            self._finish(None)
            return
        session, sid = self.session, self.started.id

        def checked(idle: bool) -> None:
            if idle:
                self.end_inspection()

        self.runner.run(
            lambda: inspections.check_idle(session, sid),
            checked,
            lambda _exc: self.end_inspection(),
            owner=self,
        )

    # --- notes and the end ------------------------------------------------------------------

    def _on_notes_changed(self) -> None:
        text = self.notes.toPlainText()
        if len(text) > NOTES_MAX_LENGTH:
            self.notes.setPlainText(text[:NOTES_MAX_LENGTH])

    def _on_end_clicked(self) -> None:
        self.open_end_dialog()

    def open_end_dialog(self) -> EndInspectionDialog | None:
        """'Inzage beëindigen…': asked first, with 'Annuleren' the default (it cannot be
        undone: the session's items are not opened again)."""
        if self._ended or self._ending:
            return None
        dialog = EndInspectionDialog(self.started.report_reference, self)

        def confirmed(_: object) -> None:
            dialog.succeed()
            self.end_inspection()

        dialog.submitted.connect(confirmed)
        dialog.open()
        return dialog

    def end_inspection(self) -> InspectionRecordView | None:
        """ "Inzage beëindigen" (also on idle and on closing): record the end and the notes,
        clear the content and close the window."""
        if self._ended or self._ending:
            return self.record
        self._ending = True
        self.viewer.clear()
        self.item_list.setEnabled(False)
        notes = self.notes.toPlainText()
        session, sid = self.session, self.started.id

        def end() -> InspectionRecordView:
            try:
                return inspections.end_inspection(session, sid, notes)
            except InvalidInput:
                return inspections.end_inspection(session, sid, _safe_notes(notes))

        def failed(exc: BaseException) -> None:
            code = getattr(exc, "code", type(exc).__name__)
            log.warning("could not record the end of an inspection (%s)", code)
            self._finish(None)

        # The window stays (its content gone) until the end is recorded: closeEvent waits.
        self.runner.run(end, self._finish, failed, owner=self)
        return self.record  # already there with a synchronous runner

    def _finish(self, record: InspectionRecordView | None) -> None:
        if self._ended:
            return
        self._ended = True
        self.record = record
        self._timer.stop()
        self.viewer.clear()
        self.item_list.setEnabled(False)
        self._app.removeEventFilter(self.guard)
        self._app.removeEventFilter(self)
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self._app.applicationStateChanged.disconnect(self._on_app_state_changed)
        self.ended.emit(record)
        self.close()

    @property
    def is_ended(self) -> bool:
        return self._ended

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._ended:
            self.end_inspection()  # _finish calls close() again, which lands here ended
            if not self._ended:
                event.ignore()  # still recording the end on the worker
                return
        event.accept()


class EndInspectionDialog(FormDialog):
    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Inzage beëindigen"), self.tr("Inzage &beëindigen"), parent, irreversible=True
        )
        self.add_text(
            self.tr(
                "U beëindigt de inzage in %1. De items van deze inzage kunt u daarna niet meer "
                "openen; uw aantekeningen worden bij de inzage bewaard."
            ).replace("%1", reference)
        ).setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(420)

    def value(self) -> bool:
        return True


def open_inspection_window(
    parent: QWidget | None,
    session: Session,
    report_id: int,
    *,
    runner: TaskRunner,
    on_opened: Callable[[InspectionWindow], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Start an inspection of ``report_id`` on the worker and show its window full screen
    (``on_opened`` gets it).

    A refusal of the service (forbidden, not_designated, involved, wrong_location,
    invalid_state, not_found) goes to ``on_error``: show it with ``show_error``.
    """

    def started(started: StartedInspection) -> None:
        window = InspectionWindow(session, started, parent, runner=runner)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
        if on_opened is not None:
            on_opened(window)

    runner.run(
        lambda: inspections.start_inspection(session, report_id), started, on_error, owner=owner
    )


__all__ = ["EndInspectionDialog", "InspectionWindow", "open_inspection_window"]
