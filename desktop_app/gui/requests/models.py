"""Table models of the requests views.

``RequestTableModel`` is lazy: it holds the ordered ids of the current query (8 bytes a row, so
a million requests take 8 MB) and fetches the rows themselves a page at a time, on the
background worker, when the view asks for a row it does not have. A bounded number of pages is
kept (least recently used first out). Sorting re-queries the ids; the page asks for them.

Every model has ``clear()``: the lock calls it so no view keeps personal data after the session
is gone. Nothing here is cached at module level.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.queries import SortColumn
from desktop_app.domain.requests import (
    DashboardBucket,
    DashboardThresholds,
    DelayNotice,
    Purpose,
    RequestStatus,
    dashboard_bucket_by_thresholds,
)
from desktop_app.gui._pyside_compat import no_value
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.models import HeadedTableModel, RecordTableModel
from desktop_app.gui.requests.labels import (
    BUCKET_COLOURS,
    bucket_short,
    day_kind_label,
    day_text,
    direction_label,
    purpose_label,
    status_label,
)
from desktop_app.gui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_USER = int(Qt.ItemDataRole.UserRole)
_TEXT_ROLES = frozenset({_DISPLAY, _TOOLTIP})


def no_data() -> None:
    """Qt's "no value" for a data()/headerData() override (``_pyside_compat.no_value``)."""
    return no_value()


class RequestRow(Protocol):
    """What the list shows of a request (the service's request record has these fields; the
    list's tests build rows of just these)."""

    id: int
    reference: str
    ind_reference: str | None
    subject_name: str
    v_number: str
    purpose: Purpose
    received: dt.date
    deadline: dt.date
    status: RequestStatus
    delay_notice: DelayNotice | None


# Fetches the rows for some ids (in that order); runs on the background worker.
PageLoader = Callable[[Sequence[int]], Sequence[Any]]


class DeadlineContext:
    """What the signal column needs to judge a deadline: today, the dashboard thresholds and
    the working-day calendar (all loaded through the services, none of it personal)."""

    def __init__(self, thresholds: DashboardThresholds, calendar: AtwCalendar) -> None:
        self.thresholds = thresholds
        self.calendar = calendar

    @property
    def today(self) -> dt.date:
        return self.thresholds.today

    def bucket(self, row: RequestRow) -> DashboardBucket:
        notice = row.delay_notice
        return dashboard_bucket_by_thresholds(
            deadline=row.deadline,
            status=row.status,
            notice_date=None if notice is None else notice.date,
            thresholds=self.thresholds,
        )

    def remaining(self, row: RequestRow) -> int:
        """Working days left in (today, deadline]; negative once past it."""
        return self.calendar.remaining_working_days(row.deadline, self.today)


def signal_text(context: DeadlineContext | None, row: RequestRow) -> str:
    """``⚠ waarschuwing · nog 2 werkdagen``: the state in words and a sign, not colour alone."""
    if context is None:
        return ""
    bucket = context.bucket(row)
    text = bucket_short(bucket)
    if bucket is DashboardBucket.CLOSED:
        return text
    remaining = context.remaining(row)
    if remaining < 0:
        return f"{text} · {working_days_late(-remaining)}"
    if remaining > 0:
        return f"{text} · {working_days_left(remaining)}"
    if bucket is DashboardBucket.OVERDUE:
        # Past the deadline, no working day since (a weekend, a holiday).
        return f"{text} · " + QCoreApplication.translate(
            "RequestTableModel", "termijn was %1"
        ).replace("%1", day_text(row.deadline))
    return text


def working_days_left(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("RequestTableModel", "nog 1 werkdag")
    return QCoreApplication.translate("RequestTableModel", "nog %1 werkdagen").replace("%1", str(n))


def working_days_late(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("RequestTableModel", "1 werkdag over de termijn")
    return QCoreApplication.translate("RequestTableModel", "%1 werkdagen over de termijn").replace(
        "%1", str(n)
    )


class _Shown:
    """One fetched row: the record, its cell texts and the signal column's brushes."""

    __slots__ = ("brushes", "record", "texts")

    def __init__(
        self, record: Any, texts: tuple[str, ...], brushes: tuple[QBrush, QBrush] | None
    ) -> None:
        self.record = record
        self.texts = texts
        self.brushes = brushes


class RequestTableModel(HeadedTableModel):
    CONTEXT = "RequestTableModel"
    (
        COL_REFERENCE,
        COL_SUBJECT,
        COL_DEADLINE,
        COL_SIGNAL,
        COL_STATUS,
        COL_V_NUMBER,
        COL_RECEIVED,
        COL_PURPOSE,
        COL_IND_REFERENCE,
    ) = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("RequestTableModel", "Kenmerk"),
        QT_TRANSLATE_NOOP("RequestTableModel", "Betrokkene"),
        QT_TRANSLATE_NOOP("RequestTableModel", "Termijn"),
        QT_TRANSLATE_NOOP("RequestTableModel", "Signaal"),
        QT_TRANSLATE_NOOP("RequestTableModel", "Status"),
        QT_TRANSLATE_NOOP("RequestTableModel", "V-nummer"),
        QT_TRANSLATE_NOOP("RequestTableModel", "Ontvangen"),
        QT_TRANSLATE_NOOP("RequestTableModel", "Doel"),
        QT_TRANSLATE_NOOP("RequestTableModel", "IND-kenmerk"),
    )
    # The columns storage can order by (each served by an index).
    SORT_COLUMNS: ClassVar[dict[int, SortColumn]] = {
        COL_REFERENCE: SortColumn.REFERENCE,
        COL_SUBJECT: SortColumn.SUBJECT_NAME,
        COL_RECEIVED: SortColumn.RECEIVED,
        COL_DEADLINE: SortColumn.DEADLINE,
        COL_STATUS: SortColumn.STATUS,
    }
    PAGE_SIZE = 200
    MAX_PAGES = 12
    PLACEHOLDER = "…"

    # The view asked for another order: (SortColumn value, or "" for relevance; descending).
    sort_requested = Signal(str, bool)
    # A page arrived (its number): the bench and tests wait for this.
    page_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(self, runner: TaskRunner, loader: PageLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._loader = loader
        self._ids: array[int] = array("q")
        # Page number -> the page's rows, each with its cell texts worked out once (painting
        # asks for every cell several times; this keeps that to a lookup).
        self._pages: OrderedDict[int, list[_Shown]] = OrderedDict()
        self._last_page = -1
        self._loading: set[int] = set()
        self._generation = 0
        self._in_data = False
        self.context: DeadlineContext | None = None
        self.fetches = 0  # page fetches started (tests and the bench count them)

    # --- content ----------------------------------------------------------------------------

    def set_ids(
        self,
        ids: Sequence[int],
        context: DeadlineContext | None = None,
        first_rows: Sequence[Any] = (),
    ) -> None:
        """A new result: the ordered ids of the query; rows are fetched when shown.
        ``first_rows`` are the rows of the first ids when the caller has them already."""
        self.beginResetModel()
        self._ids = ids if isinstance(ids, array) else array("q", ids)
        self._drop_pages()
        if context is not None:
            self.context = context
        for number in range(0, min(len(first_rows), len(self._ids)), self.PAGE_SIZE):
            page = first_rows[number : number + self.PAGE_SIZE]
            if [int(r.id) for r in page] == list(self._ids[number : number + len(page)]):
                self._pages[number // self.PAGE_SIZE] = [self._prepare(r) for r in page]
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> None:
        """The full result after its first rows were shown: when it starts with the ids the
        model has, the rest is appended (the shown rows, the selection and the scroll stay);
        otherwise it replaces them."""
        new = ids if isinstance(ids, array) else array("q", ids)
        old = len(self._ids)
        if len(new) < old or new[:old] != self._ids:
            self.set_ids(new)
            return
        if len(new) == old:
            self._ids = new
            return
        if old % self.PAGE_SIZE:
            # The last page was cut short by the end of the first rows: fetch it whole later.
            self._pages.pop(old // self.PAGE_SIZE, None)
            self._loading.discard(old // self.PAGE_SIZE)
        self.beginInsertRows(QModelIndex(), old, len(new) - 1)
        self._ids = new
        self.endInsertRows()

    def clear(self) -> None:
        """The lock: forget every id and every fetched row."""
        self.beginResetModel()
        self._ids = array("q")
        self._drop_pages()
        self.context = None
        self.endResetModel()

    wipe = clear

    def refresh_rows(self) -> None:
        """Fetch the shown rows again (after a change), keeping the ids and the scroll."""
        self._drop_pages()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.HEADERS) - 1)
            )

    def _drop_pages(self) -> None:
        self._generation += 1
        self._pages.clear()
        self._loading.clear()
        self._last_page = -1

    @property
    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def request_id(self, row: int) -> int | None:
        if 0 <= row < len(self._ids):
            return int(self._ids[row])
        return None

    def row_of(self, request_id: int) -> int | None:
        try:
            return self._ids.index(int(request_id))
        except ValueError:
            return None

    def record(self, row: int) -> Any | None:
        """The row's record if its page is loaded (never starts a fetch)."""
        page = self._pages.get(row // self.PAGE_SIZE)
        if page is None:
            return None
        offset = row % self.PAGE_SIZE
        return page[offset].record if offset < len(page) else None

    # --- fetching ---------------------------------------------------------------------------

    def _shown(self, row: int) -> _Shown | None:
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            self._in_data = True
            try:
                self._fetch(number)
            finally:
                self._in_data = False
            page = self._pages.get(number)  # a synchronous runner delivers at once
            if page is None:
                return None
        elif number != self._last_page:
            self._pages.move_to_end(number)
        self._last_page = number
        offset = row % self.PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _fetch(self, number: int) -> None:
        if number in self._loading:
            return
        start = number * self.PAGE_SIZE
        ids = tuple(self._ids[start : start + self.PAGE_SIZE])
        if not ids:
            return
        self._loading.add(number)
        self.fetches += 1
        generation = self._generation
        loader = self._loader
        self._runner.run(
            lambda: loader(ids),
            lambda rows: self._on_page(generation, number, rows),
            lambda exc: self._on_failed(generation, number, exc),
            owner=self,
        )

    def _on_page(self, generation: int, number: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return
        self._loading.discard(number)
        self._pages[number] = [self._prepare(record) for record in rows]
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        if not self._in_data:
            first = number * self.PAGE_SIZE
            last = min(first + self.PAGE_SIZE, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.HEADERS) - 1))
        self.page_loaded.emit(number)

    def _on_failed(self, generation: int, number: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading.discard(number)
        self.load_failed.emit(exc)

    # --- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._ids)

    def heading_tip(self, section: int) -> str | None:
        if section in self.SORT_COLUMNS:
            return None
        return QCoreApplication.translate(
            "RequestTableModel", "Op deze kolom kan niet worden gesorteerd."
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every cell and role on every paint: plain int roles, one lookup.
        if role in _TEXT_ROLES:
            shown = self._shown(index.row())
            if shown is None:
                if role == _DISPLAY and index.column() == self.COL_REFERENCE:
                    return self.PLACEHOLDER
                return no_data()
            return shown.texts[index.column()]
        if role in (_BACKGROUND, _FOREGROUND):
            if index.column() != self.COL_SIGNAL:
                return no_data()
            shown = self._shown(index.row())
            if shown is None or shown.brushes is None:
                return no_data()
            return shown.brushes[0 if role == _BACKGROUND else 1]
        if role == _USER:
            row = index.row()
            return int(self._ids[row]) if 0 <= row < len(self._ids) else no_data()
        return no_data()

    def _prepare(self, record: Any) -> _Shown:
        texts = self.cells(record)
        brushes = None
        if self.context is not None:
            background, band = BUCKET_COLOURS[self.context.bucket(record)]
            brushes = (QBrush(QColor(background)), QBrush(QColor(band).darker(160)))
        return _Shown(record, texts, brushes)

    def cells(self, record: RequestRow) -> tuple[str, ...]:
        """The row's texts in column order (worked out once, when its page arrives)."""
        return (
            str(record.reference),
            str(record.subject_name),
            day_text(record.deadline),
            signal_text(self.context, record),
            status_label(record.status),
            str(record.v_number),
            day_text(record.received),
            purpose_label(record.purpose),
            record.ind_reference or "",
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in another order (the page does it); -1 is back to relevance/newest."""
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0:
            self.sort_requested.emit("", False)
        elif column in self.SORT_COLUMNS:
            self.sort_requested.emit(self.SORT_COLUMNS[column].value, descending)


class ProvisionTableModel(RecordTableModel[Any]):
    """The provisions register; rows are the service's provision records."""

    CONTEXT = "ProvisionTableModel"
    (
        COL_DATE,
        COL_DIRECTION,
        COL_DESCRIPTION,
        COL_LEGAL_BASIS,
        COL_PROVIDED_BY,
        COL_RECEIVED_BY,
        COL_REQUEST,
        COL_RECORDED_BY,
    ) = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Datum"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Richting"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Wat"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Grondslag"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Verstrekt door"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Ontvangen door"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Verzoek"),
        QT_TRANSLATE_NOOP("ProvisionTableModel", "Vastgelegd door"),
    )

    def cells(self, record: Any) -> tuple[str, ...]:
        reference = _attr(record, "request_reference")
        return (
            day_text(_attr(record, "provided_on", "date")),
            direction_label(str(_attr(record, "direction"))),
            _text(record, "description"),
            _text(record, "legal_basis"),
            _text(record, "provided_by"),
            _text(record, "received_by"),
            str(reference)
            if reference
            else QCoreApplication.translate("ProvisionTableModel", "spontaan"),
            _text(record, "recorded_by"),
        )


class CalendarDayTableModel(RecordTableModel[Any]):
    """Decree and closure days (not personal data; cleared on lock all the same)."""

    CONTEXT = "CalendarDayTableModel"
    COL_DATE, COL_WEEKDAY, COL_KIND, COL_DESCRIPTION, COL_ADDED_BY = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("CalendarDayTableModel", "Datum"),
        QT_TRANSLATE_NOOP("CalendarDayTableModel", "Dag"),
        QT_TRANSLATE_NOOP("CalendarDayTableModel", "Soort"),
        QT_TRANSLATE_NOOP("CalendarDayTableModel", "Omschrijving"),
        QT_TRANSLATE_NOOP("CalendarDayTableModel", "Toegevoegd door"),
    )

    def cells(self, record: Any) -> tuple[str, ...]:
        from desktop_app.gui.requests.labels import weekday_label

        day: dt.date = record.day
        return (
            day_text(day),
            weekday_label(day),
            day_kind_label(str(getattr(record.kind, "value", record.kind))),
            str(record.description),
            str(record.added_by),
        )


class AttentionTableModel(RecordTableModel[Any]):
    """The dashboard's short list of requests that need attention first."""

    CONTEXT = "AttentionTableModel"
    COL_SIGNAL, COL_DEADLINE, COL_REFERENCE, COL_SUBJECT, COL_STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("AttentionTableModel", "Signaal"),
        QT_TRANSLATE_NOOP("AttentionTableModel", "Termijn"),
        QT_TRANSLATE_NOOP("AttentionTableModel", "Kenmerk"),
        QT_TRANSLATE_NOOP("AttentionTableModel", "Betrokkene"),
        QT_TRANSLATE_NOOP("AttentionTableModel", "Status"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.context: DeadlineContext | None = None

    def clear(self) -> None:
        self.context = None
        super().clear()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and record is not None
            and index.column() == self.COL_SIGNAL
            and self.context is not None
        ):
            background, _band = BUCKET_COLOURS[self.context.bucket(record)]
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.UserRole and record is not None:
            return int(record.id)
        return super().data(index, role)

    def cells(self, record: Any) -> tuple[str, ...]:
        return (
            signal_text(self.context, record),
            day_text(record.deadline),
            str(record.reference),
            str(record.subject_name),
            status_label(record.status),
        )


def _attr(record: Any, *names: str) -> Any:
    for name in names:
        if hasattr(record, name):
            return getattr(record, name)
    return None


def _text(record: Any, name: str) -> str:
    """A text field of the record, "" when it has none."""
    return str(_attr(record, name) or "")
