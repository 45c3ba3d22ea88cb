"""The dashboard's "Wat op u wacht": one tile per work queue of the person's roles (a count, or
a state with its sentence from the core) and one list of the items waiting in them. A click on
a tile goes to where the queue is worked on; Enter or a double click on an item opens it. What
the queues hold and when they need attention comes from ``services.queues``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.domain.messages import translate
from desktop_app.domain.queues import Queue
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.models import Index, RecordTableModel
from desktop_app.gui.pages import wrapped_label
from desktop_app.gui.requests.labels import figure_text
from desktop_app.services.queues import QueueItem, QueueView

CONTEXT = "queues"

_TITLES = {
    Queue.RETURNED_TO_ME: QT_TRANSLATE_NOOP("queues", "Terug bij mij"),
    Queue.READY_TO_ISSUE: QT_TRANSLATE_NOOP("queues", "Gereed om uit te brengen"),
    Queue.REQUESTS_DUE: QT_TRANSLATE_NOOP("queues", "Verzoeken op of over de termijn"),
    Queue.AWAITING_MY_REVIEW: QT_TRANSLATE_NOOP("queues", "Wacht op mijn beoordeling"),
    Queue.JUDGED_BY_ME: QT_TRANSLATE_NOOP("queues", "Door mij beoordeeld, wacht op de AIVD"),
    Queue.AWAITING_MY_SIGNATURE: QT_TRANSLATE_NOOP("queues", "Wacht op mijn ondertekening"),
    Queue.OPEN_FOR_INSPECTION: QT_TRANSLATE_NOOP("queues", "Open voor inzage"),
    Queue.MY_DESIGNATION: QT_TRANSLATE_NOOP("queues", "Mijn aanwijzing"),
    Queue.LOCKED_ACCOUNTS: QT_TRANSLATE_NOOP("queues", "Geblokkeerde accounts"),
    Queue.LAST_BACKUP: QT_TRANSLATE_NOOP("queues", "Laatste back-up"),
    Queue.DECREE_DAYS: QT_TRANSLATE_NOOP("queues", "Besluitdagen (Atw)"),
    Queue.AUDIT_VERIFICATION: QT_TRANSLATE_NOOP("queues", "Controle audittrail"),
}

# Colour only repeats what the sign and the words say: ! needs you, ✔ nothing waits, ℹ something
# is missing that does not need you yet (never a ✔ beside "nooit" or "nog geen").
_ATTENTION = ("#fff7e6", "#b45309")
_CALM = ("#eef7f1", "#2f6f4e")
_MISSING = ("#f1f4f8", "#44546a")


def queue_title(queue: Queue) -> str:
    return QCoreApplication.translate(CONTEXT, _TITLES[queue])


class ClickableTile(QFrame):
    """A dashboard tile that works as a button: a click inside it, Space or Enter (it takes
    the focus with Tab) emits ``clicked``."""

    clicked = Signal()

    def __init__(self, name: str, minimum_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Taller when narrow: the wrapped title and text must not run into each other.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(minimum_height)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def click(self) -> None:
        self.clicked.emit()


class QueueTile(ClickableTile):
    """A compact clickable tile: sign and count (or only a sign for a state), the queue's
    title and the core's sentence. Reachable with Tab; Space or Enter is a click."""

    def __init__(self, queue: Queue, parent: QWidget | None = None) -> None:
        super().__init__(f"queue_{queue.value}", 84, parent)
        self.queue = queue
        self.view: QueueView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 10, 6)
        layout.setSpacing(1)
        self.head_label = wrapped_label("", self, "queueHead")
        layout.addWidget(self.head_label)
        self.text_label = wrapped_label("", self, "queueText")
        self.text_label.setStyleSheet("color: #3b4756; background: transparent;")
        layout.addWidget(self.text_label)
        layout.addStretch(1)
        for label in (self.head_label, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_view(None)

    def set_view(self, view: QueueView | None) -> None:
        self.view = view
        attention = view is not None and view.attention
        missing = view is not None and view.missing and not attention
        background, band = _ATTENTION if attention else (_MISSING if missing else _CALM)
        name = self.objectName()
        self.setStyleSheet(
            f"QFrame#{name} {{ background: {background}; border: 1px solid #cfd7e1;"
            f" border-left: 6px solid {band}; border-radius: 5px; }}"
            f" QFrame#{name}:focus {{ border: 2px solid #1f3a5f; border-left: 6px solid {band}; }}"
        )
        sign = "–" if view is None else ("!" if attention else ("ℹ" if missing else "✔"))
        count = "" if view is None or view.count is None else f"  {figure_text(view.count)}"
        self.head_label.setText(
            f"<span style='color:{band}; font-size:14pt; font-weight:bold'>{sign}{count}</span>"
            f"&nbsp;&nbsp;<b>{queue_title(self.queue)}</b>"
        )
        self.text_label.setText("" if view is None else view.text)
        shown = "" if view is None else view.text
        self.setAccessibleName(f"{queue_title(self.queue)}: {shown}")
        self.setToolTip(shown)

    @property
    def count(self) -> int | None:
        return None if self.view is None else self.view.count


class QueuedItem:
    """An item with the queue it waits in (the list shows both)."""

    def __init__(self, queue: Queue, item: QueueItem) -> None:
        self.queue = queue
        self.item = item


class QueueItemsTableModel(RecordTableModel[QueuedItem]):
    CONTEXT = "QueueItemsTableModel"
    COL_QUEUE, COL_REFERENCE, COL_TITLE, COL_DETAIL = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("QueueItemsTableModel", "Wacht in"),
        QT_TRANSLATE_NOOP("QueueItemsTableModel", "Kenmerk"),
        QT_TRANSLATE_NOOP("QueueItemsTableModel", "Omschrijving"),
        QT_TRANSLATE_NOOP("QueueItemsTableModel", "Stand"),
    )

    def cells(self, record: QueuedItem) -> tuple[str, ...]:
        item = record.item
        return (
            queue_title(record.queue),
            item.reference,
            item.title,
            translate(item.detail),  # the core's Dutch (a status, a count)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index)
        if record is not None and role == Qt.ItemDataRole.UserRole:
            return record
        return super().data(index, role)

    def item_at(self, index: QModelIndex) -> QueuedItem | None:
        return self.record_at(index)
