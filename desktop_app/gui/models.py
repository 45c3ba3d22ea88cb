"""Table models for the Beheer section. Each has named column constants and ``clear()``, which
the lock calls so no view keeps data after the session is gone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView

from desktop_app.domain.designations import is_current
from desktop_app.gui._pyside_compat import no_value
from desktop_app.gui.dates import shown_date, shown_stamp_date
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.labels import clearance_label, roles_label
from desktop_app.services.records import DesignationRecord
from desktop_app.services.users import DesignationHistory, UserView

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


class HeadedTableModel(QAbstractTableModel):
    """A table whose columns are named by ``HEADERS``, translated in ``CONTEXT``. Its
    ``headerData`` (and ``RecordTableModel.data``) say "nothing" with ``no_value()``, never a
    bare None (the PySide6 6.12 reference bug, ``gui/_pyside_compat``)."""

    CONTEXT = "RecordTableModel"
    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = self.heading_tip(section)
                return no_value() if tip is None else tip
        return no_value()

    def heading_tip(self, section: int) -> str | None:
        """The tooltip of a column's heading: none unless a subclass says so."""
        return None


class RecordTableModel(HeadedTableModel, Generic[T]):
    """Rows of frozen records; subclasses name the columns and say how to show a cell."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> T:
        return self._rows[row]

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def record_at(self, index: Index) -> T | None:
        """The record shown at ``index``, or None for an invalid index or a row that is gone."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def selected_in(self, view: QAbstractItemView) -> T | None:
        """The record of ``view``'s (first) selected row, or None when nothing is selected."""
        rows = view.selectionModel().selectedRows()
        return self.record_at(rows[0]) if rows else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index)
        if record is None:
            return no_value()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(record, index.column())
        return no_value()

    def display(self, record: T, column: int) -> str:
        """One cell's text: by default the row's ``cells`` at ``column`` ("" past the last)."""
        cells = self.cells(record)
        return cells[column] if 0 <= column < len(cells) else ""

    def cells(self, record: T) -> tuple[str, ...]:
        """The texts of a row, one a column in the order of ``HEADERS``. A subclass gives
        these, or overrides ``display`` to work out one cell at a time."""
        raise NotImplementedError


class Identified(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Identified)


class IdentifiedTableModel(RecordTableModel[R]):
    """Rows of records with an ``id``, so a view can find a record's row again after a reload."""

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self._rows):
            if int(record.id) == int(record_id):
                return row
        return None


class UserTableModel(RecordTableModel[UserView]):
    CONTEXT = "UserTableModel"
    COL_NAME, COL_FULL_NAME, COL_ROLES, COL_CLEARANCE, COL_STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("UserTableModel", "Naam"),
        QT_TRANSLATE_NOOP("UserTableModel", "Volledige naam"),
        QT_TRANSLATE_NOOP("UserTableModel", "Rollen"),
        QT_TRANSLATE_NOOP("UserTableModel", "Bevoegd tot en met"),
        QT_TRANSLATE_NOOP("UserTableModel", "Status"),
    )

    def cells(self, record: UserView) -> tuple[str, ...]:
        r = record.record
        return (
            r.name,
            r.full_name,
            roles_label(r.roles),
            clearance_label(r.clearance),
            self._status(record),
        )

    def _status(self, record: UserView) -> str:
        # Words, not colour alone.
        if not record.record.active:
            return QCoreApplication.translate("UserTableModel", "Gedeactiveerd")
        words = [
            QCoreApplication.translate("UserTableModel", "Geblokkeerd")
            if record.locked
            else QCoreApplication.translate("UserTableModel", "Actief")
        ]
        if record.initial_password:
            words.append(QCoreApplication.translate("UserTableModel", "beginwachtwoord"))
        if record.conflict is not None:
            words.append(QCoreApplication.translate("UserTableModel", "rollen botsen"))
        return " · ".join(words)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.record_at(index)
        if view is not None and role == Qt.ItemDataRole.ToolTipRole and view.conflict:
            return view.conflict
        # Greyed only repeats what the status column says in words.
        if view is not None and role == Qt.ItemDataRole.ForegroundRole and not view.record.active:
            return QColor("#5b6675")
        return super().data(index, role)


class DesignationTableModel(RecordTableModel[DesignationRecord]):
    CONTEXT = "DesignationTableModel"
    COL_USER, COL_DECISION, COL_FROM, COL_UNTIL, COL_CURRENT, COL_RECORDED_BY = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("DesignationTableModel", "Medewerker"),
        QT_TRANSLATE_NOOP("DesignationTableModel", "Kenmerk besluit"),
        QT_TRANSLATE_NOOP("DesignationTableModel", "Geldig vanaf"),
        QT_TRANSLATE_NOOP("DesignationTableModel", "Geldig tot en met"),
        QT_TRANSLATE_NOOP("DesignationTableModel", "Nu geldig"),
        QT_TRANSLATE_NOOP("DesignationTableModel", "Vastgelegd door"),
    )

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def cells(self, record: DesignationRecord) -> tuple[str, ...]:
        return (
            record.user_name,
            record.decision_ref,
            shown_date(record.valid_from),
            QCoreApplication.translate("DesignationTableModel", "onbepaald")
            if record.valid_until is None
            else shown_date(record.valid_until),
            QCoreApplication.translate("DesignationTableModel", "ja")
            if is_current(record, self._today())
            else QCoreApplication.translate("DesignationTableModel", "nee"),
            record.recorded_by,
        )


class DesignationHistoryModel(RecordTableModel[DesignationHistory]):
    """One inspector's designations, with their early ends and revocations."""

    CONTEXT = "DesignationHistoryModel"
    COL_DECISION, COL_FROM, COL_UNTIL, COL_STATE, COL_CHANGES = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("DesignationHistoryModel", "Kenmerk besluit"),
        QT_TRANSLATE_NOOP("DesignationHistoryModel", "Geldig vanaf"),
        QT_TRANSLATE_NOOP("DesignationHistoryModel", "Geldig tot en met"),
        QT_TRANSLATE_NOOP("DesignationHistoryModel", "Stand"),
        QT_TRANSLATE_NOOP("DesignationHistoryModel", "Wijzigingen"),
    )

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def cells(self, record: DesignationHistory) -> tuple[str, ...]:
        d = record.record
        return (
            d.decision_ref,
            shown_date(d.valid_from),
            self.tr("onbepaald") if d.valid_until is None else shown_date(d.valid_until),
            self._state(record),
            self._changes(record),
        )

    def _state(self, record: DesignationHistory) -> str:
        if record.revoked:
            return self.tr("ingetrokken")
        if record.current:
            return self.tr("geldig")
        if record.record.valid_from > self._today():
            return self.tr("gaat nog in")
        return self.tr("afgelopen")

    def _changes(self, record: DesignationHistory) -> str:
        parts = []
        for change in record.changes:
            text = (
                QCoreApplication.translate(
                    "DesignationHistoryModel", "ingetrokken (besluit %1) door %2 op %3"
                )
                if change.kind == "revoked"
                else QCoreApplication.translate(
                    "DesignationHistoryModel", "beëindigd per %4 (besluit %1) door %2 op %3"
                )
            )
            parts.append(
                text.replace("%1", change.decision_ref)
                .replace("%2", change.actor_name or change.actor)
                .replace("%3", shown_stamp_date(change.ts_utc))
                .replace("%4", _shown_day(change.until))
            )
        return "; ".join(parts) or "—"


def _shown_day(text: str) -> str:
    """A date the audit entry recorded as ``YYYY-MM-DD``, in the shown style (the text itself
    when it is none)."""
    try:
        return shown_date(dt.date.fromisoformat(text))
    except ValueError:
        return text
