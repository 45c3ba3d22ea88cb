"""Verstrekkingen: the provisions register (art. 1.1-1.2), both directions, spontaneous ones too,
filtered by direction and period; officers and liaisons record a provision in one dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QWidget,
)

from desktop_app.gui.dates import date_edit, pydate, qdate
from desktop_app.gui.dialogs import run_on_submit
from desktop_app.gui.pages import (
    SectionPage,
    push_button,
    titled_page_layout,
    wipe_dialog,
    wrapped_label,
)
from desktop_app.gui.requests import api
from desktop_app.gui.requests.dialogs import (
    DIRECTIONS,
    AddProvisionDialog,
)
from desktop_app.gui.requests.labels import direction_label, figure_text
from desktop_app.gui.requests.models import ProvisionTableModel
from desktop_app.gui.tables import read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services.permissions import Step, user_actions
from desktop_app.services.session import Session

COLUMN_WIDTHS = (100, 110, 300, 260, 130, 130, 130)


class ProvisionsPage(SectionPage):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("provisionsPage", session, runner, parent)
        self.last_dialog: AddProvisionDialog | None = None
        today = session.clock.today()

        layout, top = titled_page_layout(self, self.tr("Verstrekkingenregister"))
        self.add_button = push_button(
            self.tr("Verstrekking &vastleggen…"), self, self.open_add_dialog, "addProvisionButton"
        )
        self.add_button.setVisible(user_actions(session).may(Step.RECORD_PROVISION))
        self.refresh_button = push_button(self.tr("Vernieuwen"), self, self.refresh)
        top.addWidget(self.add_button)
        top.addWidget(self.refresh_button)
        intro = wrapped_label(
            self.tr(
                "Elke verstrekking van gegevens tussen AIVD en IND, in beide richtingen, ook "
                "spontane. Het uitbrengen van een ambtsbericht wordt automatisch vastgelegd."
            ),
            self,
            "subTitle",
        )
        layout.addWidget(intro)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        direction_caption = QLabel(self.tr("&Richting"), self)
        self.direction_combo = QComboBox(self)
        self.direction_combo.setObjectName("directionFilter")
        self.direction_combo.addItem(self.tr("Beide richtingen"), "")  # not None: see models
        for direction in DIRECTIONS:
            self.direction_combo.addItem(direction_label(direction), direction)
        direction_caption.setBuddy(self.direction_combo)
        self.direction_combo.setAccessibleName(self.tr("Richting"))
        filters.addWidget(direction_caption)
        filters.addWidget(self.direction_combo)
        self.period_check = QCheckBox(self.tr("&Periode van"), self)
        self.period_check.setObjectName("periodFilter")
        self.from_edit = date_edit(self, today.replace(day=1))
        self.from_edit.setAccessibleName(self.tr("Van"))
        self.to_edit = date_edit(self, today)
        self.to_edit.setAccessibleName(self.tr("Tot en met"))
        filters.addWidget(self.period_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("t/m"), self))
        filters.addWidget(self.to_edit)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = ProvisionTableModel(self)
        self.view = read_only_view(self.model, self, "provisionTable")
        self.view.setAccessibleName(self.tr("Verstrekkingen"))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        layout.addWidget(self.view, 1)

        self._update_period_enabled()
        self.direction_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period_check.toggled.connect(lambda _c: self._on_period_toggled())
        self.from_edit.dateChanged.connect(lambda _d: self._on_period_changed())
        self.to_edit.dateChanged.connect(lambda _d: self._on_period_changed())
        self.refresh()

    def _on_period_toggled(self) -> None:
        self._update_period_enabled()
        self.refresh()

    def _update_period_enabled(self) -> None:
        on = self.period_check.isChecked()
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)

    def _on_period_changed(self) -> None:
        if self.period_check.isChecked():
            self.refresh()

    def filters(self) -> tuple[str | None, dt.date | None, dt.date | None]:
        direction = self.direction_combo.currentData() or None
        if not self.period_check.isChecked():
            return direction, None, None
        return direction, pydate(self.from_edit.date()), pydate(self.to_edit.date())

    def set_filters(
        self,
        direction: str | None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> None:
        """Set every filter at once and query once (tests, other pages)."""
        widgets = (self.direction_combo, self.period_check, self.from_edit, self.to_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.direction_combo.setCurrentIndex(
            max(self.direction_combo.findData(direction), 0) if direction else 0
        )
        self.period_check.setChecked(date_from is not None or date_to is not None)
        if date_from is not None:
            self.from_edit.setDate(qdate(date_from))
        if date_to is not None:
            self.to_edit.setDate(qdate(date_to))
        for widget in widgets:
            widget.blockSignals(False)
        self._update_period_enabled()
        self.refresh()

    def refresh(self) -> None:
        direction, date_from, date_to = self.filters()
        session = self.session

        def done(rows: Sequence[Any]) -> None:
            self.model.set_rows(rows)
            total = len(rows)
            self.count_label.setText(
                self.tr("1 verstrekking")
                if total == 1
                else self.tr("%1 verstrekkingen").replace("%1", figure_text(total))
            )

        self.run_latest(lambda: api.list_provisions(session, direction, date_from, date_to), done)

    def open_add_dialog(self) -> AddProvisionDialog:
        user = self.session.user
        dialog = AddProvisionDialog(self.session.clock.today(), user.full_name or user.name, self)
        session = self.session

        self.last_dialog = dialog
        run_on_submit(
            dialog,
            self.runner,
            lambda new: api.add_provision(session, new),
            lambda _: self.refresh(),
        )
        return dialog

    def wipe(self) -> None:
        self.drop_pending()
        self.model.clear()
        self.count_label.clear()
        dialog, self.last_dialog = self.last_dialog, None
        wipe_dialog(dialog)
