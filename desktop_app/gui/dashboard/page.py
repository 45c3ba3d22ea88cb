"""Dashboard: what waits for the signed-in person (issue 12), then the deadlines at a glance.

On top, one tile per work queue of the person's roles (``services.queues``) and the items waiting
in them, each opened with one click. For those who read requests, below: one tile per deadline
bucket (overdue, due today, in the warning zone without a delay notice, due this week, other
open, closed) with a sign, a word, the count and a colour band; a click on a tile shows those
requests in the list; then the first requests to look at. The page scrolls when the screen is
small (1024x700)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.queues import Queue
from desktop_app.domain.requests import DashboardBucket
from desktop_app.gui.dashboard.queues import (
    ClickableTile,
    QueuedItem,
    QueueItemsTableModel,
    QueueTile,
)
from desktop_app.gui.pages import SectionPage, push_button, titled_page_layout, wrapped_label
from desktop_app.gui.requests import api
from desktop_app.gui.requests.api import DashboardView
from desktop_app.gui.requests.labels import (
    BUCKET_COLOURS,
    BUCKET_SIGN,
    bucket_hint,
    bucket_title,
    figure_text,
    long_day_text,
)
from desktop_app.gui.requests.models import AttentionTableModel, DeadlineContext
from desktop_app.gui.tables import make_table, read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import queues as queue_service
from desktop_app.services.permissions import Step, user_actions
from desktop_app.services.queues import QueueView
from desktop_app.services.session import Session

QUEUE_COLUMNS = 3

TILE_ORDER = (
    DashboardBucket.OVERDUE,
    DashboardBucket.DUE_TODAY,
    DashboardBucket.WARNING_NO_NOTICE,
    DashboardBucket.DUE_THIS_WEEK,
    DashboardBucket.OPEN,
    DashboardBucket.CLOSED,
)


class BucketTile(ClickableTile):
    """A big clickable tile: colour band, sign and count, title, one line of explanation.
    Reachable with Tab; Space or Enter does what a click does."""

    def __init__(self, bucket: DashboardBucket, parent: QWidget | None = None) -> None:
        super().__init__(f"tile_{bucket.value}", 122, parent)
        self.bucket = bucket
        background, band = BUCKET_COLOURS[bucket]
        name = self.objectName()
        self.setStyleSheet(
            f"QFrame#{name} {{ background: {background}; border: 1px solid #cfd7e1;"
            f" border-left: 8px solid {band}; border-radius: 6px; }}"
            f" QFrame#{name}:hover {{ border: 1px solid {band}; border-left: 8px solid {band}; }}"
            f" QFrame#{name}:focus {{ border: 2px solid #1f3a5f;"
            f" border-left: 8px solid {band}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 12, 8)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.count_label = QLabel("–", self)
        self.count_label.setObjectName("tileCount")
        self.count_label.setStyleSheet(
            f"font-size: 22pt; font-weight: bold; color: {band}; background: transparent;"
        )
        self.sign_label = QLabel(BUCKET_SIGN[bucket], self)
        self.sign_label.setStyleSheet(f"font-size: 18pt; color: {band}; background: transparent;")
        top.addWidget(self.sign_label)
        top.addWidget(self.count_label)
        top.addStretch(1)
        layout.addLayout(top)
        self.title_label = wrapped_label(bucket_title(bucket), self)
        self.title_label.setStyleSheet(
            "font-weight: bold; color: #1c2430; background: transparent;"
        )
        layout.addWidget(self.title_label)
        self.hint_label = wrapped_label("", self)
        self.hint_label.setStyleSheet("color: #3b4756; background: transparent;")
        layout.addWidget(self.hint_label)
        for label in (self.count_label, self.sign_label, self.title_label, self.hint_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_count(None, 8)

    def set_count(self, count: int | None, warn_from_day: int) -> None:
        self.count = count
        self.count_label.setText("–" if count is None else figure_text(count))
        self.hint_label.setText(bucket_hint(self.bucket, warn_from_day))
        shown = "–" if count is None else figure_text(count)
        self.setAccessibleName(f"{bucket_title(self.bucket)}: {shown}")
        self.setToolTip(self.tr("Toon deze verzoeken in de lijst"))


def _attention_table(model: AttentionTableModel, parent: QWidget) -> QTableView:
    view = read_only_view(model, parent, "attentionTable")
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    for column, width in ((0, 300), (1, 100), (2, 130), (3, 260)):
        header.resizeSection(column, width)
    return view


class DashboardPage(SectionPage):
    bucket_chosen = Signal(object)  # DashboardBucket: show these in the list
    request_chosen = Signal(int)  # open this request in the list
    queue_chosen = Signal(object)  # Queue: go where it is worked on
    item_chosen = Signal(object, str, int)  # Queue, kind ("report", "request", "user"), id

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("dashboardPage", session, runner, parent)
        self.view_data: DashboardView | None = None
        self.queue_views: tuple[QueueView, ...] = ()
        self._shown_once = False
        self.shows_deadlines = user_actions(session).may(Step.READ_DEADLINES)
        outer, top = titled_page_layout(
            self, self.tr("Overzicht"), margins=(24, 18, 24, 16), spacing=10
        )
        self.refresh_button = push_button(self.tr("Vernieuwen"), self, self.refresh)
        self.refresh_button.setToolTip(self.tr("Vernieuwen (F5)"))
        top.addWidget(self.refresh_button)

        # Everything below the title scrolls: at 1024x700 the queues and the deadlines do not
        # all fit, and a cut-off tile or table would be worse than a scroll bar.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("dashboardScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area, 1)
        body = QWidget(self.scroll_area)
        body.setObjectName("dashboardBody")
        body.setStyleSheet("QWidget#dashboardBody { background: transparent; }")
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(10)

        waiting = QLabel(self.tr("Wat op u wacht"), body)
        waiting.setObjectName("sectionLabel")
        layout.addWidget(waiting)
        queue_grid = QGridLayout()
        queue_grid.setHorizontalSpacing(10)
        queue_grid.setVerticalSpacing(10)
        self.queue_tiles: dict[Queue, QueueTile] = {}
        mine = queue_service.queues_of(session)
        # Equal columns, at most three (four queues: two by two), so no tile is squeezed.
        columns = 2 if len(mine) == 4 else max(1, min(len(mine), QUEUE_COLUMNS))
        for column in range(columns):
            queue_grid.setColumnStretch(column, 1)
        for number, queue in enumerate(mine):
            qtile = QueueTile(queue, body)
            qtile.clicked.connect(lambda t=qtile: self._on_queue_tile(t))
            queue_grid.addWidget(qtile, number // columns, number % columns)
            self.queue_tiles[queue] = qtile
        layout.addLayout(queue_grid)
        self.items_model = QueueItemsTableModel(self)
        self.items_view = make_table(
            self.items_model, body, "queueItemsTable", QueueItemsTableModel.COL_TITLE
        )
        self.items_view.setAccessibleName(self.tr("Wat op u wacht"))
        self.items_view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.items_view.activated.connect(self._on_item_activated)
        self.items_view.doubleClicked.connect(self._on_item_activated)
        layout.addWidget(self.items_view)
        # The core's line over every queue (a missing backup waits too, not only items).
        self.nothing_label = wrapped_label("", body, "hintLabel")
        self.nothing_label.hide()
        layout.addWidget(self.nothing_label)

        self.deadlines = QWidget(body)
        self.deadlines.setObjectName("deadlinesPart")
        part = QVBoxLayout(self.deadlines)
        part.setContentsMargins(0, 6, 0, 0)
        part.setSpacing(10)
        deadlines_label = QLabel(self.tr("Termijnen"), self.deadlines)
        deadlines_label.setObjectName("sectionLabel")
        part.addWidget(deadlines_label)
        self.subtitle = wrapped_label("", self.deadlines, "subTitle")
        part.addWidget(self.subtitle)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        self.tiles: dict[DashboardBucket, BucketTile] = {}
        for number, bucket in enumerate(TILE_ORDER):
            tile = BucketTile(bucket, self.deadlines)
            tile.clicked.connect(lambda b=bucket: self.bucket_chosen.emit(b))
            grid.addWidget(tile, number // 3, number % 3)
            self.tiles[bucket] = tile
        part.addLayout(grid)

        attention = QLabel(self.tr("Eerst aandacht nodig"), self.deadlines)
        attention.setObjectName("sectionLabel")
        part.addWidget(attention)
        self.attention_model = AttentionTableModel(self)
        self.attention_view = _attention_table(self.attention_model, self.deadlines)
        self.attention_view.setAccessibleName(self.tr("Eerst aandacht nodig"))
        self.attention_view.setMinimumHeight(160)
        self.attention_view.activated.connect(self._on_attention_activated)
        self.attention_view.doubleClicked.connect(self._on_attention_activated)
        part.addWidget(self.attention_view, 1)
        self.empty_label = QLabel(
            self.tr("✔ Geen verzoeken over of op de termijn, en geen waarschuwingen."),
            self.deadlines,
        )
        self.empty_label.setObjectName("hintLabel")
        self.empty_label.hide()
        part.addWidget(self.empty_label)
        layout.addWidget(self.deadlines, 1)
        self.deadlines.setVisible(self.shows_deadlines)
        if not self.shows_deadlines:
            layout.addStretch(1)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Coming back to the dashboard shows today's figures, not those of the last visit.
        if self._shown_once:
            self.refresh()
        self._shown_once = True

    def refresh(self) -> None:
        session = self.session
        self.run_task(lambda: queue_service.my_queues(session), self._on_queues)
        if not self.shows_deadlines:
            return
        self.run_task(lambda: api.dashboard(session), self._on_dashboard)

    def _on_queues(self, views: tuple[QueueView, ...]) -> None:
        self.queue_views = views
        rows: list[QueuedItem] = []
        for view in views:
            tile = self.queue_tiles.get(view.queue)
            if tile is not None:
                tile.set_view(view)
            # The requests at or past their term are listed under the deadlines already.
            if view.queue is Queue.REQUESTS_DUE and self.shows_deadlines:
                continue
            rows.extend(QueuedItem(view.queue, item) for item in view.items)
        self.items_model.set_rows(rows)
        self.items_view.setVisible(bool(rows))
        waiting = any(view.attention for view in views)
        sign = "!" if waiting else "✔"
        self.nothing_label.setText(f"{sign} {queue_service.summary_of(views)}")
        self.nothing_label.setVisible(True)

    def _on_dashboard(self, view: DashboardView) -> None:
        self.view_data = view
        context = view.context
        for bucket, tile in self.tiles.items():
            tile.set_count(int(view.counts.get(bucket, 0)), context.warn_from_day)
        self.subtitle.setText(
            self.tr(
                "Stand van %1. De termijn is tien werkdagen na ontvangst (Algemene termijnenwet); "
                "een waarschuwing volgt vanaf werkdag %2 als de liaison nog geen uitstelbericht "
                "heeft."
            )
            .replace("%1", long_day_text(context.thresholds.today))
            .replace("%2", str(context.warn_from_day))
        )
        self.attention_model.context = DeadlineContext(context.thresholds, context.calendar)
        self.attention_model.set_rows(view.attention)
        self.attention_view.setVisible(bool(view.attention))
        self.empty_label.setVisible(not view.attention)

    def _on_queue_tile(self, tile: QueueTile) -> None:
        # A tile whose view names a request list (services.queues.QueueView.opens) opens that
        # list; the others go where their queue is worked on.
        opens = None if tile.view is None else tile.view.opens
        if opens is not None:
            self.bucket_chosen.emit(opens)
        else:
            self.queue_chosen.emit(tile.queue)

    def queue_counts(self) -> dict[Queue, int | None]:
        return {queue: tile.count for queue, tile in self.queue_tiles.items()}

    def _on_item_activated(self, index: QModelIndex) -> None:
        record = self.items_model.item_at(index)
        if record is not None:
            self.item_chosen.emit(record.queue, record.item.kind, int(record.item.id))

    def counts(self) -> dict[DashboardBucket, int | None]:
        return {bucket: tile.count for bucket, tile in self.tiles.items()}

    def _on_attention_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            value: Any = self.attention_model.data(index, Qt.ItemDataRole.UserRole)
            if value is not None:
                self.request_chosen.emit(int(value))

    def wipe(self) -> None:
        self.attention_model.clear()
        self.items_model.clear()
        self.queue_views = ()
        self.nothing_label.clear()
        self.nothing_label.hide()
        for queue_tile in self.queue_tiles.values():
            queue_tile.set_view(None)
        self.view_data = None
        for tile in self.tiles.values():
            tile.set_count(None, 8)
        self.subtitle.clear()
